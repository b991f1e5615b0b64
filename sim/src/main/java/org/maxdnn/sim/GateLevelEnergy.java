package org.maxdnn.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntBinaryOperator;
import org.maxdnn.MaxdnnException;
import org.maxdnn.mult.Multiplier;

/**
 * The gate-level energy flow for one design: Verilog + top module → Yosys netlist on a liberty →
 * bit-parallel simulation of operand streams → energy per operation, with the exhaustive check of
 * a multiplier netlist against its Java model and the OpenSTA cross-check of its energy per transition. A two-operand design
 * takes its operands on input ports {@code a} (activation) and {@code b} (weight).
 */
public final class GateLevelEnergy {
    private static final Map<String, Liberty> LIBRARIES = new ConcurrentHashMap<>();

    private final YosysSynth.Result synthesis;
    private final GateSimulator simulator;
    private final EnergyModel model;

    private GateLevelEnergy(YosysSynth.Result synthesis, Liberty liberty, EnergyModel.Options options) {
        this.synthesis = synthesis;
        this.simulator = new GateSimulator(synthesis.netlist(), liberty);
        this.model = new EnergyModel(simulator, options);
    }

    /** Synthesises {@code verilog} (top module {@code top}) to {@code liberty} in {@code workDir}. */
    public static GateLevelEnergy synthesize(Path verilog, String top, Path liberty, Path workDir,
                                             EnergyModel.Options options) {
        return synthesize(List.of(verilog), top, liberty, workDir, options);
    }

    public static GateLevelEnergy synthesize(List<Path> sources, String top, Path liberty, Path workDir,
                                             EnergyModel.Options options) {
        Liberty lib = library(liberty);
        YosysSynth.Result r = YosysSynth.synthesize(sources, top, liberty, workDir, YosysSynth.DEFAULT_TIMEOUT_SECONDS);
        return new GateLevelEnergy(r, lib, options);
    }

    /** A liberty read once per process (and again when the file changes). */
    public static Liberty library(Path liberty) {
        Path abs = liberty.toAbsolutePath().normalize();
        String key;
        try {
            FileTime t = Files.getLastModifiedTime(abs);
            key = abs + "@" + t.toMillis() + "@" + Files.size(abs);
        } catch (IOException e) {
            throw MaxdnnException.badInput("liberty file " + liberty + " cannot be read: " + e.getMessage(), e);
        }
        return LIBRARIES.computeIfAbsent(key, k -> Liberty.read(abs));
    }

    public YosysSynth.Result synthesis() {
        return synthesis;
    }

    public GateSimulator simulator() {
        return simulator;
    }

    public EnergyModel model() {
        return model;
    }

    public Liberty liberty() {
        return simulator.liberty();
    }

    public Activity activity(OperandStream s) {
        return simulator.simulateOperands(s.a(), s.b(), false);
    }

    /** Energy per operation of the stream. */
    public EnergyReport energy(OperandStream s) {
        return model.evaluate(activity(s));
    }

    /** This design's energy per transition against OpenSTA's (files in {@code dir}). */
    public EnergyCrossCheck.Result crossCheck(Path dir) {
        return EnergyCrossCheck.run(synthesis, model, dir);
    }

    /**
     * Operand pairs (of all 65,536) on which the netlist's single output differs from
     * {@code m.multiply(a, b)}; 0 means the netlist implements the model exactly.
     */
    public long mismatches(Multiplier m) {
        return mismatches(m::multiply);
    }

    /** As {@link #mismatches(Multiplier)} against {@code expected(a, b)}, a and b signed 8-bit. */
    public long mismatches(IntBinaryOperator expected) {
        List<Netlist.Port> outs = synthesis.netlist().outputs();
        if (outs.size() != 1) {
            throw MaxdnnException.badInput(synthesis.top() + " has " + outs.size()
                    + " output ports; a multiplier has one");
        }
        OperandStream all = OperandStreams.exhaustive();
        long[] p = simulator.simulateOperands(all.a(), all.b(), true).outputs().get(outs.get(0).name());
        int width = outs.get(0).bits().length;
        long mask = width >= 64 ? -1L : (1L << width) - 1;
        long bad = 0;
        for (int i = 0; i < p.length; i++) {
            // compare the output bits: a port declared without 'signed' reads back unsigned
            if (((p[i] ^ expected.applyAsInt(all.a()[i], all.b()[i])) & mask) != 0) {
                bad++;
            }
        }
        return bad;
    }
}
