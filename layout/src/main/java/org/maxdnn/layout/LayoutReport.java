package org.maxdnn.layout;

import java.util.Map;

/**
 * What one layout gave (figures from qflow's own outputs, see {@link Layout}).
 *
 * @param design the design's name (as asked for: "exact", "lut:mul8u_125K", "pe:roup-p1r2", ...)
 * @param top its top module
 * @param dir the qflow project folder (every tool log under {@code log/})
 * @param openRoadDir the generated OpenROAD-flow-scripts folder
 * @param cells logic cells placed (fill cells excluded)
 * @param cellAreaUm2 Σ liberty area of the logic cells, µm²
 * @param dieAreaUm2 die area from the routed DEF, µm²
 * @param wireLengthUm routed signal wire length, µm
 * @param failedRoutes nets qrouter could not route
 * @param pinsPadded I/O pins lengthened to the metal minimum area before DRC ({@link PinPads})
 * @param placeAttempts placements tried (a layout that is not clean is placed again, less dense)
 * @param initialDensity placement density of the last attempt, null for qflow's default
 * @param timing post-route static timing
 * @param drcViolations magic's DRC count
 * @param lvs netgen's LVS result
 * @param stageSeconds wall time per qflow stage
 * @param energy pre- vs post-route energy (generatable multipliers on an operand stream), or null
 */
public record LayoutReport(String design, String top, String dir, String openRoadDir, int cells, double cellAreaUm2,
                           double dieAreaUm2, double wireLengthUm, int failedRoutes, int pinsPadded, int placeAttempts,
                           Double initialDensity, StaticTiming timing, int drcViolations, LvsReport lvs,
                           Map<String, Double> stageSeconds, PostRouteEnergy energy) {

    /** Routed completely, DRC clean and LVS clean. */
    public boolean clean() {
        return failedRoutes == 0 && drcViolations == 0 && lvs.clean();
    }

    public double utilisation() {
        return cellAreaUm2 / dieAreaUm2;
    }

    /** qflow's wall time, all stages. */
    public double flowSeconds() {
        return stageSeconds.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
