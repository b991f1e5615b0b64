package org.maxdnn.sim;

import java.util.List;
import org.maxdnn.MaxdnnException;

/**
 * A liberty lookup table of one or two dimensions (or a scalar) with the variable names of its
 * template, e.g. {@code total_output_net_capacitance} × {@code input_transition_time}. Lookups
 * interpolate linearly (bilinearly in 2-D) and extrapolate linearly from the outermost two points,
 * as OpenSTA does. Values stay in library units.
 */
public final class LookupTable {
    /** Template variable names meaning "the load on the output". */
    private static final List<String> LOAD_VARS = List.of("total_output_net_capacitance", "output_net_pin_cap",
            "output_net_wire_cap", "equal_or_opposite_output_net_capacitance");
    /** Template variable names meaning "the transition at the input". */
    private static final List<String> SLEW_VARS = List.of("input_transition_time", "input_net_transition",
            "related_pin_transition", "constrained_pin_transition");

    private final String var1;
    private final String var2;
    private final double[] index1;
    private final double[] index2;
    /** values[i1 * index2.length + i2]; a scalar table has one value. */
    private final double[] values;

    public LookupTable(String var1, String var2, double[] index1, double[] index2, double[] values) {
        this.var1 = var1;
        this.var2 = var2;
        this.index1 = index1;
        this.index2 = index2;
        this.values = values;
        int n = Math.max(1, index1.length) * Math.max(1, index2.length);
        if (values.length != n) {
            throw MaxdnnException.badInput("lookup table has " + values.length + " values, its indices need " + n);
        }
    }

    public static LookupTable scalar(double v) {
        return new LookupTable(null, null, new double[0], new double[0], new double[] {v});
    }

    public int dimensions() {
        return index2.length > 0 ? 2 : index1.length > 0 ? 1 : 0;
    }

    public double[] index1() {
        return index1.clone();
    }

    public double[] index2() {
        return index2.clone();
    }

    public String variable1() {
        return var1;
    }

    public String variable2() {
        return var2;
    }

    /** The raw value at (i1, i2). */
    public double at(int i1, int i2) {
        return values[i1 * Math.max(1, index2.length) + i2];
    }

    /**
     * The value for an input transition {@code slew} and an output load {@code load} (both in
     * library units), whichever of them the table's axes mean; an axis of any other meaning is read
     * at its first index point.
     */
    public double lookup(double slew, double load) {
        if (dimensions() == 0) {
            return values[0];
        }
        double x1 = axisValue(var1, slew, load, index1);
        if (dimensions() == 1) {
            return interpolate1(x1);
        }
        double x2 = axisValue(var2, slew, load, index2);
        int i = segment(index1, x1);
        int j = segment(index2, x2);
        double t = fraction(index1, i, x1);
        double u = fraction(index2, j, x2);
        int i1 = Math.min(i + 1, index1.length - 1);
        int j1 = Math.min(j + 1, index2.length - 1);
        double v00 = at(i, j);
        double v01 = at(i, j1);
        double v10 = at(i1, j);
        double v11 = at(i1, j1);
        return (1 - t) * (1 - u) * v00 + (1 - t) * u * v01 + t * (1 - u) * v10 + t * u * v11;
    }

    private double interpolate1(double x) {
        if (index1.length == 1) {
            return values[0];
        }
        int i = segment(index1, x);
        double t = fraction(index1, i, x);
        return (1 - t) * values[i] + t * values[i + 1];
    }

    private static double axisValue(String var, double slew, double load, double[] index) {
        if (var != null && LOAD_VARS.contains(var)) {
            return load;
        }
        if (var != null && SLEW_VARS.contains(var)) {
            return slew;
        }
        return index[0];
    }

    /** The lower index i of the segment [i, i+1] used for x (the end segments extrapolate). */
    private static int segment(double[] idx, double x) {
        if (idx.length < 2) {
            return 0;
        }
        int i = 0;
        while (i < idx.length - 2 && x > idx[i + 1]) {
            i++;
        }
        return i;
    }

    private static double fraction(double[] idx, int i, double x) {
        if (idx.length < 2) {
            return 0;
        }
        double d = idx[i + 1] - idx[i];
        return d == 0 ? 0 : (x - idx[i]) / d;
    }
}
