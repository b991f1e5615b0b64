package org.maxdnn.flow;

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
     * The counts per inference of a cosimulation with toggle counting on {@code array}: every MAC
     * an adder operation, every activation and partial-sum register bit that changes, every cycle a
     * clock edge for every PE flip-flop, every fold a weight load in every PE.
     */
    public static ActionCounts counts(CosimDriver.Report report, CosimDriver.Activity activity,
                                                   ArrayConfig array) {
        double images = report.images();
        ToggleCounts t = activity.rtl();
        return ActionCounts.builder()
                .add(PeActions.ADDER_ADD, report.macs() / images)
                .add(PeActions.REGISTER_BIT_TOGGLE, (t.total("act") + t.total("psum")) / images)
                .add(PeActions.REGISTER_CLOCK, (double) report.cycles() * array.peFlops() / images)
                .add(PeActions.WEIGHT_LOAD, (double) report.tiles() * array.rows() * array.cols() / images)
                .build();
    }

    /** The estimate of a cosimulation with toggle counting of {@code mapName}, whose multipliers take {@code multiplierPj}. */
    public static Estimate of(String mapName, Cosimulate.Outcome cosim, ArrayConfig array, double multiplierPj,
                              ActionEnergyTable ert) {
        ActionCounts n = counts(cosim.report(), cosim.activity(), array);
        return new Estimate(mapName, n, ArrayEnergy.of(n, ert, multiplierPj));
    }
}
