package org.maxdnn.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A liberty cell: its pins in file order, leakage and whether it holds state.
 *
 * @param name cell name
 * @param area {@code area} (0 if absent)
 * @param leakage {@code cell_leakage_power} in library leakage units, or NaN when absent
 * @param conditionalLeakage the {@code leakage_power} groups (value in leakage units, when may be null)
 * @param pins pins by name, in file order
 * @param sequential has an {@code ff}, {@code latch} or {@code statetable} group
 * @param dontUse {@code dont_use : true}
 * @param flipFlop its {@code ff} group, or null
 * @param latch its {@code latch} group, or null
 */
public record LibertyCell(String name, double area, double leakage, List<ConditionalLeakage> conditionalLeakage,
                          Map<String, LibertyPin> pins, boolean sequential, boolean dontUse, FlipFlop flipFlop,
                          Latch latch) {

    /**
     * A level-sensitive {@code latch (state, stateBar)} group: transparent while {@code enable} is
     * true, when the state follows {@code dataIn}.
     */
    public record Latch(String state, String stateBar, BooleanFunction dataIn, String enable) {
    }

    /**
     * An edge-triggered {@code ff (state, stateBar)} group: the output functions name {@code state}
     * or {@code stateBar}; {@code clear}/{@code preset} are kept to refuse them where unsupported.
     */
    public record FlipFlop(String state, String stateBar, BooleanFunction nextState, String clockedOn, String clear,
                           String preset) {
    }

    /** A {@code leakage_power} group. */
    public record ConditionalLeakage(BooleanFunction when, double value) {
    }

    public LibertyCell {
        conditionalLeakage = List.copyOf(conditionalLeakage);
        pins = Collections.unmodifiableMap(new LinkedHashMap<>(pins));
    }

    public LibertyPin pin(String pinName) {
        return pins.get(pinName);
    }

    public List<LibertyPin> inputs() {
        List<LibertyPin> out = new ArrayList<>();
        for (LibertyPin p : pins.values()) {
            if (p.isInput()) {
                out.add(p);
            }
        }
        return out;
    }

    public List<LibertyPin> outputs() {
        List<LibertyPin> out = new ArrayList<>();
        for (LibertyPin p : pins.values()) {
            if (p.isOutput()) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * The leakage the energy model charges, in library units. With {@code leakage_power} groups:
     * Σ value × P(when) with every input independently 0 or 1 with probability ½ (a group without
     * {@code when} counts only when there are no conditional ones) — as OpenSTA does; otherwise
     * {@code cell_leakage_power}, else 0.
     */
    public double meanLeakage() {
        double cond = 0;
        double uncond = 0;
        boolean anyCond = false;
        boolean anyUncond = false;
        for (ConditionalLeakage c : conditionalLeakage) {
            if (c.when() != null) {
                cond += c.value() * probability(c.when());
                anyCond = true;
            } else {
                uncond += c.value();
                anyUncond = true;
            }
        }
        if (anyCond) {
            return cond;
        }
        if (anyUncond) {
            return uncond;
        }
        return Double.isNaN(leakage) ? 0.0 : leakage;
    }

    /** Fraction of the assignments of its variables for which {@code f} is true. */
    static double probability(BooleanFunction f) {
        int n = f.variables().size();
        if (n > 20) {
            return 0.5;
        }
        int ones = 0;
        boolean[] v = new boolean[n];
        for (int m = 0; m < (1 << n); m++) {
            for (int i = 0; i < n; i++) {
                v[i] = ((m >> i) & 1) != 0;
            }
            if (f.eval(v)) {
                ones++;
            }
        }
        return (double) ones / (1 << n);
    }
}
