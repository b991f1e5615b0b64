package org.maxdnn.sim;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The energy-per-transition check of the reported figure: OpenSTA's {@code report_power} under one
 * uniform activity ({@link OpenStaPower#uniform}) against {@link EnergyModel#evaluate} — the code
 * that prices every simulated activity — of the same netlist, liberty, loads and input slew under
 * that activity ({@link UniformActivity}), per instance, per cell type and in total. Whether the
 * simulated activity itself is right is the other check ({@link IcarusActivity}).
 *
 * <p>The two need not agree per cell type: they share loads, slews and the liberty's tables, but
 * OpenSTA 2.0.17 charges an output toggle with every internal-power arc of the output weighted by
 * its own sensitisation rule, while the model charges the arc that caused it. The per-type rows
 * show where that matters.
 */
public final class EnergyCrossCheck {
    /** α: the toggles per clock period put on every pin. */
    public static final double TOGGLES_PER_OP = 0.5;
    private static final long TRANSITIONS = 1_000_000;

    /**
     * One cell type's instances summed, joules per operation (cells only: internal + switching +
     * leakage).
     */
    public record CellType(String type, int instances, double javaJ, double openStaJ) {
        public double errorPct() {
            return 100 * (javaJ / openStaJ - 1);
        }
    }

    /**
     * The design's result: per cell type (largest OpenSTA energy first), in total (OpenSTA's total
     * line), the parts summed over the instances (internal, switching, leakage) and the largest
     * error of one instance. {@code attributedJ} is a labelled diagnostic, not part of the check:
     * the same uniform activity with each output toggle charged to the one arc that causes it, as
     * the simulation of a real stream charges it ({@link UniformActivity#of}).
     */
    public record Result(String design, List<CellType> types, double javaJ, double openStaJ,
                         double[] javaParts, double[] openStaParts, double worstInstancePct, double attributedJ) {
        public double errorPct() {
            return 100 * (javaJ / openStaJ - 1);
        }
    }

    private EnergyCrossCheck() {
    }

    /** Runs OpenSTA on {@code synth} (files in {@code dir}) and compares it with {@code model}. */
    public static Result run(YosysSynth.Result synth, EnergyModel model, Path dir) {
        OpenStaPower.Result sta = OpenStaPower.uniform(synth, model, TOGGLES_PER_OP, dir);
        GateSimulator sim = model.simulator();
        double[][] java = model.cellEnergies(UniformActivity.openSta2017(sim, TOGGLES_PER_OP, TRANSITIONS));
        Map<String, double[]> byType = new TreeMap<>();
        double[] jParts = new double[3];
        double[] sParts = new double[3];
        double worst = 0;
        for (int c = 0; c < java.length; c++) {
            Netlist.Cell cell = sim.netlist().cells().get(c);
            double[] s = sta.instances().get(cell.name());
            double j = java[c][0] + java[c][1] + java[c][2];
            double o = s[0] + s[1] + s[2];
            for (int k = 0; k < 3; k++) {
                jParts[k] += java[c][k];
                sParts[k] += s[k];
            }
            if (o > 0) {
                worst = Math.max(worst, Math.abs(100 * (j / o - 1)));
            }
            double[] t = byType.computeIfAbsent(cell.type(), k -> new double[3]);
            t[0]++;
            t[1] += j;
            t[2] += o;
        }
        List<CellType> types = new ArrayList<>();
        byType.forEach((type, t) -> types.add(new CellType(type, (int) t[0], t[1], t[2])));
        types.sort((a, b) -> Double.compare(b.openStaJ(), a.openStaJ()));
        double[] total = sta.total();
        return new Result(sim.netlist().module(), List.copyOf(types), jParts[0] + jParts[1] + jParts[2],
                total[0] + total[1] + total[2], jParts, sParts, worst,
                model.evaluate(UniformActivity.of(sim, TOGGLES_PER_OP, TRANSITIONS)).cellsOnly());
    }
}
