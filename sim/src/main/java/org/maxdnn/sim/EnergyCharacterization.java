package org.maxdnn.sim;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;
import org.maxdnn.MaxdnnException;
import org.maxdnn.energy.EnergyTable;
import org.maxdnn.io.AtomicFiles;
import org.maxdnn.io.Futures;
import org.maxdnn.mult.Multiplier;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.mult.MultiplierRegistry;
import org.maxdnn.mult.TableConfig;
import org.maxdnn.mult.UnsignedTableMultiplier;
import org.maxdnn.mult.WeightTunedMultiplier;

/**
 * Measures the {@link EnergyTable}: the circuit of every configuration (given as {@link Circuit}s:
 * exact, roup and roupc from the RTL generator, the EvoApprox circuits of the table multipliers from
 * the asset folder) is synthesised to the liberty, checked against its Java model on all 65,536
 * pairs, and simulated on each layer's real operand stream → pJ per multiplication.
 *
 * <p>An EvoApprox circuit ({@code lut:NAME}) computes U(a_u, b_u) on unsigned codes (SPEC §3.3): it
 * is checked against its table U on all 65,536 codes and measured on the stream in those codes,
 * a_u = a + 128 and b_u = b + 128, as {@code lut:NAME}, and with ALWANN's tuned weight codes as
 * {@code alwann:NAME} (SPEC §9): one netlist, two rows.
 */
public final class EnergyCharacterization {
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
     * @param circuits  circuits to synthesise (exact first is customary); a table multiplier's
     *                  ({@code lut:NAME}) takes its operands on unsigned codes and also gives {@code alwann:NAME}
     * @param threads   parallel synthesis/simulation jobs
     * @param progress  called with the number of circuits done
     */
    public static Result run(Map<String, OperandStream> streams, List<Circuit> circuits, MultiplierRegistry registry,
                             Path liberty, Path workDir, int threads, IntConsumer progress) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<List<Design>>> jobs = new ArrayList<>();
            AtomicInteger done = new AtomicInteger();
            for (Circuit c : circuits) {
                jobs.add(pool.submit(() -> {
                    List<Design> d = characterize(c, registry, streams, liberty, workDir);
                    progress.accept(done.incrementAndGet());
                    return d;
                }));
            }
            List<Design> designs = new ArrayList<>();
            for (Future<List<Design>> f : jobs) {
                designs.addAll(Futures.await(f));
            }
            Map<String, Map<String, Double>> pj = new LinkedHashMap<>();
            for (String layer : streams.keySet()) {
                Map<String, Double> m = new LinkedHashMap<>();
                for (Design d : designs) {
                    m.put(d.config().name(), d.pjPerLayer().get(layer));
                }
                pj.put(layer, m);
            }
            String method = "Yosys synth + abc to the liberty; zero-delay bit-parallel gate simulation of each layer's "
                    + "real operand stream (weight-stationary PE order, " + streams.values().iterator().next().size()
                    + " pairs per layer); energy = toggles x (1/2 C V^2 + liberty internal energy) + leakage at a "
                    + "10 ns clock; glitches not counted. EvoApprox circuits (lut:, alwann:): the library's own "
                    + "Verilog, on the stream's unsigned codes (alwann: with ALWANN's tuned weight codes).";
            return new Result(new EnergyTable(liberty.getFileName().toString(), method, pj), List.copyOf(designs));
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * One circuit: RTL → netlist → exhaustive check → energy per layer; a table multiplier's circuit
     * on unsigned codes, as {@code lut:} and {@code alwann:}.
     */
    private static List<Design> characterize(Circuit circuit, MultiplierRegistry registry,
                                             Map<String, OperandStream> streams, Path liberty, Path workDir) {
        MultiplierConfig c = circuit.config();
        String module = circuit.module();
        Path dir = workDir.resolve(module);
        Path verilog = dir.resolve(module + ".sv");
        AtomicFiles.writeString(verilog, circuit.verilog().get());
        GateLevelEnergy g = GateLevelEnergy.synthesize(verilog, module, liberty, dir, EnergyModel.Options.DEFAULT);
        int cells = g.synthesis().cellCounts().values().stream().mapToInt(Integer::intValue).sum();
        Multiplier model = registry.get(c);
        if (!(model instanceof UnsignedTableMultiplier table)) {
            check(c, liberty, g.mismatches(model));
            IntUnaryOperator same = IntUnaryOperator.identity();
            return List.of(new Design(c, cells, g.synthesis().area(), energies(g, streams, same, same), g));
        }
        // the circuit's ports see the 8-bit codes: all 65,536 of them in the exhaustive stream
        check(c, liberty, g.mismatches((a, b) -> table.unsignedProduct(a & 0xFF, b & 0xFF)));
        // codes enter as the signed bytes of the same 8 bits
        IntUnaryOperator code = x -> (byte) (x + 128);
        WeightTunedMultiplier alwann = (WeightTunedMultiplier) registry.get(TableConfig.alwann(c.table()));
        return List.of(
                new Design(c, cells, g.synthesis().area(), energies(g, streams, code, code), g),
                new Design(alwann.config(), cells, g.synthesis().area(),
                        energies(g, streams, code, b -> (byte) alwann.tunedWeightCode(b + 128)), g));
    }

    private static void check(MultiplierConfig c, Path liberty, long mismatches) {
        if (mismatches != 0) {
            throw new MaxdnnException(MaxdnnException.MISMATCH, "the " + c.name() + " netlist on " + liberty.getFileName()
                    + " differs from the Java model on " + mismatches + " of 65,536 operand pairs");
        }
    }

    /** pJ per multiplication on each stream, its activations and weights recoded by {@code a} and {@code b}. */
    private static Map<String, Double> energies(GateLevelEnergy g, Map<String, OperandStream> streams,
                                                IntUnaryOperator a, IntUnaryOperator b) {
        Map<String, Double> pj = new LinkedHashMap<>();
        streams.forEach((layer, s) -> pj.put(layer, g.energy(new OperandStream(layer,
                Arrays.stream(s.a()).map(a).toArray(), Arrays.stream(s.b()).map(b).toArray())).totalPj()));
        return pj;
    }
}
