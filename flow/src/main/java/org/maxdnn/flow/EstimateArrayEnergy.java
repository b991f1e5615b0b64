package org.maxdnn.flow;

import java.util.Map;
import java.util.TreeMap;
import org.maxdnn.array.ArrayConfig;
import org.maxdnn.cosim.CosimDriver;
import org.maxdnn.cosim.ToggleCounts;
import org.maxdnn.energy.ActionCounts;
import org.maxdnn.energy.ActionEnergyTable;
import org.maxdnn.energy.ArrayEnergy;
import org.maxdnn.energy.MapEnergy;
import org.maxdnn.energy.PeActions;

/**
 * The whole array's energy per inference of a map, Accelergy-style: the action counts of a
 * cosimulation (MACs, cycles and folds from its tilings, register bit toggles from the PEs'
 * RT-level toggle counters) × the {@link ActionEnergyTable}, next to the multipliers' energy of
 * the same map ({@link MapEnergy}, the figure the exploration uses).
 */
public final class EstimateArrayEnergy {
    /** A map's array energy: the counts per inference and their energy. */
    public record Estimate(String map, ActionCounts counts, ArrayEnergy.Breakdown energy) {
    }

    private EstimateArrayEnergy() {
    }

    /**
     * The counts per inference of a cosimulation with toggle counting on {@code array}: every
     * activation and partial-sum register bit that changes, every fold a weight load in every PE;
     * every MAC an adder operation, 32 bits wide in the plain array, in the gated one (SPEC §6.1) as
     * wide as the partial sum of the row it happened in (MACs shared among the rows as the cycles
     * their data gates were open). The plain array clocks every PE flip-flop every cycle; the gated
     * one clocks the flip-flops behind each gate in the cycles the RTL's own counter saw it open, and
     * each gate counts its open and closed cycles.
     */
    public static ActionCounts counts(CosimDriver.Report report, CosimDriver.Activity activity,
                                                   ArrayConfig array) {
        double images = report.images();
        ToggleCounts t = activity.rtl();
        ActionCounts.Builder n = ActionCounts.builder()
                .add(PeActions.REGISTER_BIT_TOGGLE, (t.total("act") + t.total("psum")) / images)
                .add(PeActions.WEIGHT_LOAD, (double) report.tiles() * array.rows() * array.cols() / images);
        if (!array.gated()) {
            return n.add(PeActions.ADDER_ADD, report.macs() / images)
                    .add(PeActions.REGISTER_CLOCK, (double) report.cycles() * array.peFlops() / images).build();
        }
        Map<Integer, Double> openByWidth = new TreeMap<>();
        double dataOpen = 0;
        double open = 0;
        double gatedFlops = 0;
        int weightFlops = array.cols() * (ArrayConfig.OPERAND_BITS + array.codeBits());
        for (int r = 0; r < array.rows(); r++) {
            int dataFlops = ArrayConfig.OPERAND_BITS + array.psumBits(r);
            for (int c = 0; c < array.cols(); c++) {
                long o = t.dataGateOpen(r, c);
                dataOpen += o;
                gatedFlops += (double) o * dataFlops;
                openByWidth.merge(array.psumBits(r), (double) o, Double::sum);
            }
            open += t.weightGateOpen(r);
            gatedFlops += (double) t.weightGateOpen(r) * weightFlops;
        }
        open += dataOpen;
        for (Map.Entry<Integer, Double> w : openByWidth.entrySet()) {
            n.add(PeActions.adderAdd(w.getKey()), dataOpen > 0 ? report.macs() * w.getValue() / dataOpen / images : 0);
        }
        double gates = (double) array.rows() * array.cols() + array.rows();
        return n.add(PeActions.REGISTER_GATED_CLOCK, gatedFlops / images)
                .add(PeActions.CLOCK_GATE_OPEN, open / images)
                .add(PeActions.CLOCK_GATE_CLOSED, (report.cycles() * gates - open) / images).build();
    }

    /** The estimate of a cosimulation with toggle counting of {@code mapName}, whose multipliers take {@code multiplierPj}. */
    public static Estimate of(String mapName, Cosimulate.Outcome cosim, ArrayConfig array, double multiplierPj,
                              ActionEnergyTable ert) {
        ActionCounts n = counts(cosim.report(), cosim.activity(), array);
        return new Estimate(mapName, n, ArrayEnergy.of(n, ert, multiplierPj));
    }
}
