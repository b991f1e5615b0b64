package org.maxdnn.energy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.maxdnn.accel.AcceleratorConfig;

/**
 * The whole accelerator's energy per inference, Accelergy-style (SPEC §8, §13): the array (its
 * multiplications, adders, register data and weight loads as the array estimate prices them, its PE
 * flip-flops clocked for every cycle the accelerator ran), each memory (reads and writes counted by the
 * RTL's counters × energy per access, and its flops' clock per cycle, keys
 * {@code sram_<depth>x<width>,read|write|cycle}), and the sequencer (its flip-flops clocked every cycle).
 * A part whose entry the table lacks is listed as not priced, with the key it needs.
 */
public final class AcceleratorEnergy {
    /** One part's energy per inference; NaN with {@code missing} the key when the table has no entry. */
    public record Part(String name, double pj, String how, String missing) {
        public boolean priced() {
            return missing == null;
        }
    }

    /** The parts in order: array, memories, sequencer. */
    public record Breakdown(List<Part> parts) {
        public Breakdown {
            parts = List.copyOf(parts);
        }

        public double pricedPj() {
            return parts.stream().filter(Part::priced).mapToDouble(Part::pj).sum();
        }

        public List<String> missing() {
            return parts.stream().filter(p -> !p.priced()).map(Part::missing).toList();
        }
    }

    /** What one inference did: the RTL's counters (per inference) and the array's priced parts other than its clock. */
    public record Counts(Map<String, Double> counters, double arrayDataPj, long peFlops, long sequencerFlops) {
    }

    private AcceleratorEnergy() {
    }

    /** The table component of a depth × width memory. */
    public static String memoryComponent(int depth, int width) {
        return "sram_" + depth + "x" + width;
    }

    /** One memory of the accelerator: its shape, instances, and the counters of its reads and writes (null: none). */
    public record Memory(String name, int depth, int width, int instances, String reads, String writes) {
    }

    /** The accelerator's memories as its generator builds them (each bank pair one memory of twice the depth). */
    public static List<Memory> memories(AcceleratorConfig c) {
        int cols = c.array().cols();
        return List.of(
                new Memory("activations", 2 * c.activationBytes(), 8, 1, "activation.read", "activation.write"),
                new Memory("weights", 2 * c.weightWords(), c.weightEntryBits(), cols, "weight.read", null),
                new Memory("accumulator", c.accumulatorWords(), 32, 1, "accumulator.read", "accumulator.write"),
                new Memory("bias and multiplier", 2 * c.parameterEntries(), 32, 2, "parameter.read", null),
                new Memory("shift", 2 * c.parameterEntries(), 8, 1, "parameter.read", null),
                new Memory("descriptors", 16 * c.descriptors(), 32, 1, "descriptor.read", null));
    }

    public static Breakdown of(AcceleratorConfig config, Counts n, ActionEnergyTable ert) {
        double cycles = n.counters().get("cycles");
        List<Part> parts = new ArrayList<>();
        double clock = ert.pj(ActionEnergyTable.REGISTER_CLOCK);
        parts.add(new Part("array", n.arrayDataPj() + cycles * n.peFlops() * clock, String.format(Locale.ROOT,
                "multipliers, adders, register data and weight loads as the array estimate prices them; %,d PE flops "
                        + "clocked %,.0f cycles", n.peFlops(), cycles), null));
        for (Memory m : memories(config)) {
            String key = memoryComponent(m.depth(), m.width());
            double reads = m.reads() == null ? 0 : n.counters().get(m.reads()) * m.instances();
            double writes = m.writes() == null ? 0 : n.counters().get(m.writes()) * m.instances();
            String missing = null;
            for (String action : List.of("read", "write", "cycle")) {
                if (!ert.entries().containsKey(key + "," + action)) {
                    missing = key + "," + action;
                }
            }
            if (missing != null) {
                parts.add(new Part(m.name(), Double.NaN, key + " x" + m.instances(), missing));
                continue;
            }
            double pj = reads * ert.pj(key + ",read") + writes * ert.pj(key + ",write")
                    + cycles * m.instances() * ert.pj(key + ",cycle");
            parts.add(new Part(m.name(), pj, String.format(Locale.ROOT, "%s x%d: %,.0f reads, %,.0f writes, %,.0f cycles; %s",
                    key, m.instances(), reads, writes, cycles, ert.entries().get(key + ",read").estimator()), null));
        }
        parts.add(new Part("sequencer", cycles * n.sequencerFlops() * clock, String.format(Locale.ROOT,
                "%,d flip-flops of the sequencer, address generator, foot and host port clocked %,.0f cycles (their logic "
                        + "not priced)", n.sequencerFlops(), cycles), null));
        return new Breakdown(parts);
    }
}
