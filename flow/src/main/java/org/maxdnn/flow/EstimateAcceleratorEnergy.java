package org.maxdnn.flow;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.maxdnn.accel.AcceleratorConfig;
import org.maxdnn.cosim.AcceleratorLayerRun;
import org.maxdnn.energy.AcceleratorEnergy;
import org.maxdnn.energy.Action;
import org.maxdnn.energy.ActionEnergyTable;
import org.maxdnn.energy.ArrayEnergy;
import org.maxdnn.report.Column;
import org.maxdnn.report.Table;
import org.maxdnn.rtl.AcceleratorRtl;
import org.maxdnn.sim.MemoryEnergyCharacterization;

/**
 * The whole accelerator's energy per inference of a map ({@link AcceleratorEnergy}): the counters of
 * its cosimulation, the array's parts as the array estimate of the same map prices them, and the
 * memories priced per access — measured on the synthesised flip-flop memories where they are small
 * enough ({@link MemoryEnergyCharacterization}), else the action table's entry (a macro's, from its
 * datasheet, named in the table's estimator column), else listed as not priced.
 */
public final class EstimateAcceleratorEnergy {
    public static final String TABLE = "accelerator-energy";

    /** The breakdown and the table it was priced with (the action table and the measured memory entries). */
    public record Estimate(AcceleratorEnergy.Breakdown energy, ActionEnergyTable table) {
        public Table table(String map) {
            Table.Builder t = Table.builder(TABLE, "per inference, " + map, Column.text("part", "part"),
                    Column.number("uj", "energy", "uJ", "%.4f").csv("%.6f"), Column.text("how", "counted and priced"));
            for (AcceleratorEnergy.Part p : energy.parts()) {
                t.row(p.name(), p.priced() ? p.pj() / 1e6 : Double.NaN, p.priced() ? p.how() : "not priced: no entry "
                        + p.missing() + " (add it to the action table)");
            }
            t.row("total (priced parts)", energy.pricedPj() / 1e6, "");
            return t.build();
        }
    }

    private EstimateAcceleratorEnergy() {
    }

    public static Estimate of(AcceleratorConfig config, CosimulateAccelerator.Outcome cosim, ArrayEnergy.Breakdown array,
                              ActionEnergyTable actions, Path liberty, Path workDir, FlowListener listener) {
        Map<Action, ActionEnergyTable.Entry> entries = new LinkedHashMap<>(actions.entries());
        for (AcceleratorEnergy.Memory m : AcceleratorEnergy.memories(config)) {
            if (!entries.containsKey(AcceleratorEnergy.memoryAction("read", m.depth(), m.width()))
                    && (long) m.depth() * m.width() <= MemoryEnergyCharacterization.MAX_BITS) {
                listener.note("measuring the " + m.depth() + "x" + m.width() + " flip-flop memory's energy per access "
                        + "(gate level)...");
                entries.putAll(MemoryEnergyCharacterization.measure(m.depth(), m.width(), liberty, workDir));
            }
        }
        ActionEnergyTable table = new ActionEnergyTable(actions.source() + " + flip-flop memories measured", entries);
        int images = Math.max(1, cosim.report().images());
        Map<String, Double> counters = new HashMap<>();
        for (AcceleratorLayerRun l : cosim.report().layers()) {
            l.counters().forEach((k, v) -> counters.merge(k, (double) v / images, Double::sum));
        }
        long sequencerFlops = AcceleratorRtl.controlFlops(config, AcceleratorRtl.verilog(config, null));
        AcceleratorEnergy.Breakdown b = AcceleratorEnergy.of(config, new AcceleratorEnergy.Counts(counters, array,
                config.array().peFlops(), sequencerFlops), table);
        listener.note(String.format(Locale.ROOT, "accelerator per inference: %.3f uJ priced%s", b.pricedPj() / 1e6,
                b.missing().isEmpty() ? "" : " (not priced: " + b.missing() + ")"));
        return new Estimate(b, table);
    }
}
