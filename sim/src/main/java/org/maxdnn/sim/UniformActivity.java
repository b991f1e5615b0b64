package org.maxdnn.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The activity a static power tool assumes under one global annotation (OpenSTA's
 * {@code set_power_activity -global -activity α -duty 0.5}): every net toggles α times per
 * operation and is 1 half of the time, as an {@link Activity} that {@link EnergyModel#evaluate}
 * prices like a simulated one.
 *
 * <p>Each output toggle is attributed to the output's internal-power groups in proportion to how
 * often the group's related pin can cause it: the probability, over the cell's inputs independently
 * 0 or 1 with probability ½, that flipping the related pin flips the output while the group applies
 * (its {@code when} holds, or for a group without {@code when} none of its conditional siblings'
 * does). The weights of an output sum to 1, so an output toggle costs one arc's energy, as in the
 * simulation; half the events are rises. An input-pin group gets the pin's toggles.
 */
public final class UniformActivity {
    private UniformActivity() {
    }

    /**
     * @param togglesPerOp α, toggles per operation of every net
     * @param transitions operations; α × transitions should be whole
     */
    public static Activity of(GateSimulator sim, double togglesPerOp, long transitions) {
        return build(sim, togglesPerOp, transitions, false);
    }

    /**
     * The same activity with its internal-power events counted as Debian's OpenSTA 2.0.17 counts
     * them, for {@link EnergyCrossCheck}: every toggle of an output is charged as one rise and one
     * fall of each of its groups, weighted by OpenSTA's "duty" ({@link #openSta2017Duties}), not
     * normalised over the output's groups. Newer OpenSTA releases average rise and fall and
     * normalise the weights (sensitisation probabilities), which is what {@link #of} does.
     */
    public static Activity openSta2017(GateSimulator sim, double togglesPerOp, long transitions) {
        return build(sim, togglesPerOp, transitions, true);
    }

    private static Activity build(GateSimulator sim, double togglesPerOp, long transitions, boolean openSta2017) {
        long vectors = transitions + 1;
        long[] toggles = new long[sim.netCount()];
        long[] ones = new long[sim.netCount()];
        long t = Math.round(togglesPerOp * transitions);
        Arrays.fill(toggles, 2, toggles.length, t);
        Arrays.fill(ones, 2, ones.length, vectors / 2);
        ones[Netlist.CONST1] = vectors;
        int cells = sim.netlist().cells().size();
        double[][] events = new double[cells][];
        for (int c = 0; c < cells; c++) {
            List<GateSimulator.PowerGroup> groups = GateSimulator.powerGroups(sim.cellType(c));
            double[] weight = openSta2017 ? openSta2017Duties(groups) : weights(sim.cellType(c), groups);
            double[] e = new double[2 * groups.size()];
            double share = openSta2017 ? 1.0 : 0.5;
            for (int k = 0; k < groups.size(); k++) {
                e[2 * k] = share * t * weight[k];
                e[2 * k + 1] = share * t * weight[k];
            }
            events[c] = e;
        }
        return new Activity(vectors, toggles, ones, events, Map.of());
    }

    /**
     * OpenSTA 2.0.17's duty per group, as its per-instance reports on osu018 and sky130 bear out: 1
     * on the output of a single-input cell, ½ on any other output arc (exactly so for the two-input
     * cells, XOR and the multiplexer, within 2 %; it derives other weights for some arcs of
     * three-input cells, which the per-cell-type rows show, within 9 %), and ½ × the mean of rise
     * and fall on an input-pin group.
     */
    static double[] openSta2017Duties(List<GateSimulator.PowerGroup> groups) {
        double[] d = new double[groups.size()];
        for (int k = 0; k < d.length; k++) {
            LibertyPin pin = groups.get(k).pin();
            if (pin.isOutput()) {
                d[k] = pin.function() != null && pin.function().variables().size() == 1 ? 1.0 : 0.5;
            } else {
                d[k] = 0.25;
            }
        }
        return d;
    }

    /**
     * Per group: the probability that it causes its output's toggle, normalised over the output's
     * groups; 1 for an input-pin group.
     */
    static double[] weights(LibertyCell cell, List<GateSimulator.PowerGroup> groups) {
        List<String> inputs = new ArrayList<>();
        cell.inputs().forEach(p -> inputs.add(p.name()));
        int n = inputs.size();
        if (n > 6) {
            throw new IllegalArgumentException("cell " + cell.name() + " has more than 6 inputs");
        }
        int combos = 1 << n;
        long mask = combos == 64 ? -1L : (1L << combos) - 1;
        // pattern[i]: bit m is input i's value in assignment m
        long[] pattern = new long[n];
        for (int i = 0; i < n; i++) {
            for (int m = 0; m < combos; m++) {
                if (((m >> i) & 1) != 0) {
                    pattern[i] |= 1L << m;
                }
            }
        }
        double[] w = new double[groups.size()];
        for (LibertyPin out : cell.outputs()) {
            List<Integer> mine = new ArrayList<>();
            double sum = 0;
            for (int k = 0; k < groups.size(); k++) {
                GateSimulator.PowerGroup g = groups.get(k);
                if (g.pin() != out) {
                    continue;
                }
                mine.add(k);
                InternalPower ip = g.power();
                long sensitive = 0;
                if (ip.relatedPins().isEmpty()) {
                    sensitive = mask;
                }
                for (String r : ip.relatedPins()) {
                    int ri = inputs.indexOf(r);
                    if (ri < 0) {
                        continue;
                    }
                    long[] flipped = pattern.clone();
                    flipped[ri] = ~flipped[ri];
                    sensitive |= eval(out.function(), inputs, pattern) ^ eval(out.function(), inputs, flipped);
                }
                long applies = ip.when() != null ? eval(ip.when(), inputs, pattern) : ~siblingWhens(groups, g, inputs, pattern);
                w[k] = (double) Long.bitCount(sensitive & applies & mask) / combos;
                sum += w[k];
            }
            for (int k : mine) {
                w[k] = sum > 0 ? w[k] / sum : 1.0 / mine.size();
            }
        }
        for (int k = 0; k < groups.size(); k++) {
            if (!groups.get(k).pin().isOutput()) {
                w[k] = 1;
            }
        }
        return w;
    }

    private static long siblingWhens(List<GateSimulator.PowerGroup> groups, GateSimulator.PowerGroup g,
                                     List<String> inputs, long[] pattern) {
        long any = 0;
        for (GateSimulator.PowerGroup s : groups) {
            if (s.pin() == g.pin() && s.power().when() != null
                    && s.power().relatedPins().equals(g.power().relatedPins())) {
                any |= eval(s.power().when(), inputs, pattern);
            }
        }
        return any;
    }

    private static long eval(BooleanFunction f, List<String> inputs, long[] pattern) {
        long[] v = new long[f.variables().size()];
        for (int i = 0; i < v.length; i++) {
            int idx = inputs.indexOf(f.variables().get(i));
            if (idx < 0) {
                throw new IllegalArgumentException("function " + f + " uses " + f.variables().get(i)
                        + ", not an input of the cell");
            }
            v[i] = pattern[idx];
        }
        return f.eval(v, new long[f.stackSize() + 1]);
    }
}
