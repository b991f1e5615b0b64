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
import org.maxdnn.MaxdnnException;
import org.maxdnn.energy.EnergyTable;
import org.maxdnn.io.AtomicFiles;
import org.maxdnn.io.Futures;
import org.maxdnn.mult.Circuit;
import org.maxdnn.mult.MultiplierConfig;

/**
 * Measures the {@link EnergyTable}: the {@link Circuit} of every configuration (a generated
 * multiplier on its own, or a table multiplier's EvoApprox circuit from the asset folder) is
 * synthesised to the liberty, checked against what it computes on all 65,536 port values, and
 * simulated on each layer's real operand stream, entering its ports as the circuit says → pJ per
 * multiplication. Configurations that share a netlist are synthesised once: an EvoApprox circuit
 * computes U(a_u, b_u) on unsigned codes (SPEC §3.3) and is measured as {@code lut:NAME} on the
 * codes a_u = a + 128, b_u = b + 128 and as {@code alwann:NAME} with ALWANN's tuned weight codes
 * (SPEC §9): one netlist, two rows.
 */
public final class EnergyCharacterization {
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
     * @param circuits  circuits to measure (exact first is customary); those of one module share a netlist
     * @param threads   parallel synthesis/simulation jobs
     * @param progress  called with the number of netlists done
     */
    public static Result run(Map<String, OperandStream> streams, List<Circuit> circuits, Path liberty, Path workDir,
                             int threads, IntConsumer progress) {
        Map<String, List<Circuit>> byModule = new LinkedHashMap<>();
        circuits.forEach(c -> byModule.computeIfAbsent(c.module(), m -> new ArrayList<>()).add(c));
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<List<Design>>> jobs = new ArrayList<>();
            AtomicInteger done = new AtomicInteger();
            for (List<Circuit> sharing : byModule.values()) {
                jobs.add(pool.submit(() -> {
                    List<Design> d = characterize(sharing, streams, liberty, workDir);
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

    /** The circuits of one module: RTL → netlist → exhaustive check → energy per layer of each. */
    private static List<Design> characterize(List<Circuit> sharing, Map<String, OperandStream> streams, Path liberty,
                                             Path workDir) {
        Circuit first = sharing.get(0);
        String module = first.module();
        Path dir = workDir.resolve(module);
        Path verilog = dir.resolve(module + ".sv");
        AtomicFiles.writeString(verilog, first.verilog().get());
        GateLevelEnergy g = GateLevelEnergy.synthesize(verilog, module, liberty, dir, EnergyModel.Options.DEFAULT);
        int cells = g.synthesis().cellCounts().values().stream().mapToInt(Integer::intValue).sum();
        check(first.config(), liberty, g.mismatches(first.ports().product()));
        List<Design> out = new ArrayList<>();
        for (Circuit c : sharing) {
            out.add(new Design(c.config(), cells, g.synthesis().area(),
                    energies(g, streams, c.ports().activation(), c.ports().weight()), g));
        }
        return out;
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
