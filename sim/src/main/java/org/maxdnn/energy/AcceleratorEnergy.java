package org.maxdnn.energy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.maxdnn.accel.AcceleratorConfig;

/**
 * The whole accelerator's energy per inference, Accelergy-style (SPEC §8, §13), part by part: the
 * array (its actions as the array estimate prices them, its PE flip-flops clocked for every cycle the
 * accelerator ran instead of the bare array's), each memory (its reads and writes counted by the
 * RTL's counters and its flip-flops' clock per cycle, keys {@link #memoryAction}: {@code memory},
 * {@code read|write|cycle}, arguments depth and width) and the sequencer (its flip-flops clocked every
 * cycle). A part whose key the table lacks is listed as not priced, naming the key.
 */
public final class AcceleratorEnergy {
    /** One part's energy per inference; NaN with {@code missing} the key when the table has no entry. */
    public record Part(String name, double pj, String how, Action missing) {
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

        public List<Action> missing() {
            return parts.stream().filter(p -> !p.priced()).map(Part::missing).toList();
        }
    }

    /**
     * What one inference did: the RTL's counters (per inference), the array estimate of the same map
     * (its register clock replaced by the accelerator's cycles), the PE flip-flops and the sequencer's.
     */
    public record Counts(Map<String, Double> counters, ArrayEnergy.Breakdown array, long peFlops, long sequencerFlops) {
    }

    /** One memory of the accelerator: its shape, instances, and the counters of its reads and writes (null: none). */
    public record Memory(String name, int depth, int width, int instances, String reads, String writes) {
    }

    private AcceleratorEnergy() {
    }

    /** A flip-flop or SRAM memory's {@code read}, {@code write} or {@code cycle} (its clocking, no access). */
    public static Action memoryAction(String action, int depth, int width) {
        return Action.of("memory", action).with("depth", Integer.toString(depth)).with("width", Integer.toString(width));
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
        double clock = ert.pj(PeActions.REGISTER_CLOCK);
        ArrayEnergy.Breakdown a = n.array();
        if (config.array().gated()) {
            // a gated PE flop is clocked while valid data passes it, as in the bare array
            parts.add(new Part("array", a.totalPj(), "multipliers and the array's actions as its estimate prices them "
                    + "(gated: its flops clocked as in the bare array)", null));
        } else {
            parts.add(new Part("array", a.totalPj() - a.pj(PeActions.REGISTER_CLOCK) + cycles * n.peFlops() * clock,
                    String.format(Locale.ROOT, "multipliers and the array's actions as its estimate prices them; %,d PE "
                            + "flops clocked %,.0f cycles", n.peFlops(), cycles), null));
        }
        for (Memory m : memories(config)) {
            ActionCounts.Builder counts = ActionCounts.builder()
                    .add(memoryAction("read", m.depth(), m.width()), m.reads() == null ? 0
                            : n.counters().get(m.reads()) * m.instances())
                    .add(memoryAction("write", m.depth(), m.width()), m.writes() == null ? 0
                            : n.counters().get(m.writes()) * m.instances())
                    .add(memoryAction("cycle", m.depth(), m.width()), cycles * m.instances());
            ActionCounts c = counts.build();
            Action missing = c.counts().keySet().stream().filter(k -> !ert.entries().containsKey(k)).findFirst()
                    .orElse(null);
            if (missing != null) {
                parts.add(new Part(m.name(), Double.NaN, m.depth() + "x" + m.width() + " x" + m.instances(), missing));
                continue;
            }
            Action read = memoryAction("read", m.depth(), m.width());
            parts.add(new Part(m.name(), ArrayEnergy.of(c, ert, 0).totalPj(), String.format(Locale.ROOT,
                    "%dx%d x%d: %,.0f reads, %,.0f writes, %,.0f cycles; %s", m.depth(), m.width(), m.instances(),
                    c.get(read), c.get(memoryAction("write", m.depth(), m.width())), cycles,
                    ert.entries().get(read).estimator()), null));
        }
        parts.add(new Part("sequencer", cycles * n.sequencerFlops() * clock, String.format(Locale.ROOT,
                "%,d flip-flops of the sequencer, address generator, foot and host port clocked %,.0f cycles (their logic "
                        + "not priced)", n.sequencerFlops(), cycles), null));
        return new Breakdown(parts);
    }
}
