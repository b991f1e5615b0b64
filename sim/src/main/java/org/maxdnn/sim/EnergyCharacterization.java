package org.maxdnn.sim;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.maxdnn.MaxdnnException;
import org.maxdnn.energy.EnergyTable;
import org.maxdnn.io.AtomicFiles;
import org.maxdnn.io.Futures;
import org.maxdnn.metrics.EvoApproxCatalog;
import org.maxdnn.mult.Multiplier;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.mult.MultiplierRegistry;
import org.maxdnn.mult.WeightTunedMultiplier;

/**
 * Measures the {@link EnergyTable}: the circuit of every configuration that has one (exact, roup,
 * roupc: Verilog from the RTL generator, given as {@link Circuit}s) is synthesised to the liberty,
 * checked against its Java model on all 65,536 pairs, and simulated on each layer's real operand
 * stream → pJ per multiplication.
 *
 * <p>Table multipliers (EvoApprox {@code lut:}/{@code alwann:}) have no RTL here; as SPEC §3.3
 * says, their energy is their published relative 45 nm power (PWR / PWR(mul8u_1JFF)) applied to
 * this flow's exact unsigned 8×8 multiplier on the same layer's stream in the unsigned mapping
 * (weights tuned for {@code alwann:}). Reports state this approximation.
 */
public final class EnergyCharacterization {
    /** Verilog of the exact unsigned multiplier the table multipliers are scaled from. */
    static final String UNSIGNED_EXACT = "module Mul8u(input [7:0] a, input [7:0] b, output [15:0] product);\n"
            + "  assign product = a * b;\nendmodule\n";

    /** A configuration's circuit: its top module and its Verilog, made when the characterisation needs it. */
    public record Circuit(MultiplierConfig config, String module, Supplier<String> verilog) {
    }

    /** One configuration's synthesis result, with its netlist kept for cross-checks. */
    public record Design(MultiplierConfig config, int cells, double area, Map<String, Double> pjPerLayer,
                         GateLevelEnergy gates) {
    }

    /** The table and the per-design details behind it. */
    public record Result(EnergyTable table, List<Design> designs) {
    }

    private EnergyCharacterization() {
    }

    /**
     * @param streams   per layer name, the operand stream (real data) to measure on
     * @param circuits  circuits to synthesise (exact first is customary)
     * @param tables    EvoApprox table configurations (lut:/alwann:) to derive; may be empty
     * @param threads   parallel synthesis/simulation jobs
     * @param progress  called with the number of designs done
     */
    public static Result run(Map<String, OperandStream> streams, List<Circuit> circuits,
                             List<MultiplierConfig> tables, MultiplierRegistry registry, EvoApproxCatalog catalog,
                             Path liberty, Path workDir, int threads, IntConsumer progress) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<Design>> jobs = new ArrayList<>();
            AtomicInteger done = new AtomicInteger();
            for (Circuit c : circuits) {
                jobs.add(pool.submit(() -> {
                    Design d = characterize(c, registry.get(c.config()), streams, liberty, workDir);
                    progress.accept(done.incrementAndGet());
                    return d;
                }));
            }
            Future<Map<String, Double>> unsigned = pool.submit(() -> unsignedExact(streams, tables, registry, liberty, workDir));
            List<Design> designs = new ArrayList<>();
            for (Future<Design> f : jobs) {
                designs.add(Futures.await(f));
            }
            Map<String, Map<String, Double>> pj = new LinkedHashMap<>();
            for (String layer : streams.keySet()) {
                Map<String, Double> m = new LinkedHashMap<>();
                for (Design d : designs) {
                    m.put(d.config().name(), d.pjPerLayer().get(layer));
                }
                pj.put(layer, m);
            }
            Map<String, Double> unsignedPj = Futures.await(unsigned);
            for (MultiplierConfig t : tables) {
                double rel = catalog.relativePower(t.lutName());
                for (String layer : streams.keySet()) {
                    pj.get(layer).put(t.name(), rel * unsignedPj.get(layer + "|" + t.name()));
                }
            }
            String method = "Yosys synth + abc to the liberty; zero-delay bit-parallel gate simulation of each layer's "
                    + "real operand stream (weight-stationary PE order, " + streams.values().iterator().next().size()
                    + " pairs per layer); energy = toggles x (1/2 C V^2 + liberty internal energy) + leakage at a "
                    + "10 ns clock; glitches not counted. EvoApprox tables: published relative 45 nm power x this "
                    + "flow's exact unsigned 8x8 multiplier on the same stream (SPEC 3.3 approximation).";
            return new Result(new EnergyTable(liberty.getFileName().toString(), method, pj), List.copyOf(designs));
        } finally {
            pool.shutdownNow();
        }
    }

    /** One circuit: RTL → netlist → exhaustive check → energy per layer. */
    private static Design characterize(Circuit circuit, Multiplier model, Map<String, OperandStream> streams,
                                       Path liberty, Path workDir) {
        MultiplierConfig c = circuit.config();
        String module = circuit.module();
        Path dir = workDir.resolve(module);
        Path verilog = dir.resolve(module + ".sv");
        AtomicFiles.writeString(verilog, circuit.verilog().get());
        GateLevelEnergy g = GateLevelEnergy.synthesize(verilog, module, liberty, dir, EnergyModel.Options.DEFAULT);
        long bad = g.mismatches(model);
        if (bad != 0) {
            throw new MaxdnnException(MaxdnnException.MISMATCH, "the " + c.name() + " netlist on " + liberty.getFileName()
                    + " differs from the Java model on " + bad + " of 65,536 operand pairs");
        }
        Map<String, Double> pj = new LinkedHashMap<>();
        streams.forEach((layer, s) -> pj.put(layer, g.energy(s).totalPj()));
        int cells = g.synthesis().cellCounts().values().stream().mapToInt(Integer::intValue).sum();
        return new Design(c, cells, g.synthesis().area(), pj, g);
    }

    /** The exact unsigned multiplier's pJ/op per (layer, table config) on the unsigned-mapped stream. */
    private static Map<String, Double> unsignedExact(Map<String, OperandStream> streams, List<MultiplierConfig> tables,
                                                     MultiplierRegistry registry, Path liberty, Path workDir) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (tables.isEmpty()) {
            return out;
        }
        Path dir = workDir.resolve("Mul8u");
        Path verilog = dir.resolve("Mul8u.v");
        AtomicFiles.writeString(verilog, UNSIGNED_EXACT);
        GateLevelEnergy g = GateLevelEnergy.synthesize(verilog, "Mul8u", liberty, dir, EnergyModel.Options.DEFAULT);
        for (MultiplierConfig t : tables) {
            Multiplier m = registry.get(t);
            for (Map.Entry<String, OperandStream> e : streams.entrySet()) {
                int[] a = e.getValue().a();
                int[] b = e.getValue().b();
                int[] au = new int[a.length];
                int[] bu = new int[b.length];
                for (int i = 0; i < a.length; i++) {
                    // unsigned codes a+128, b+128 (tuned for ALWANN), passed as the same 8 bits
                    au[i] = (byte) (a[i] + 128);
                    bu[i] = (byte) (m instanceof WeightTunedMultiplier w ? w.tunedWeightCode(b[i] + 128) : b[i] + 128);
                }
                double pj = g.energy(new OperandStream(e.getKey(), au, bu)).totalPj();
                out.put(e.getKey() + "|" + t.name(), pj);
            }
        }
        return out;
    }
}
