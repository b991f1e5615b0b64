package org.maxdnn.explore;

import java.util.List;
import org.maxdnn.infer.CalibrationStatistics;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.map.Compensation;
import org.maxdnn.mult.MultiplierRegistry;

/**
 * An approach with bias compensation (issue #16): the same genomes as {@code base}, each map
 * compensated with corrections calibrated on {@code calibration} (the images the exploration
 * searches on, never those it is graded on). Named {@code BASE+comp}.
 */
public final class CompensatedSpace implements MapSpace {
    /** The suffix of a compensated approach's name. */
    public static final String SUFFIX = "+comp";

    private final MapSpace base;
    private final CalibrationStatistics calibration;
    private final MultiplierRegistry registry;

    public CompensatedSpace(MapSpace base, CalibrationStatistics calibration, MultiplierRegistry registry) {
        this.base = base;
        this.calibration = calibration;
        this.registry = registry;
    }

    @Override
    public String name() {
        return base.name() + SUFFIX;
    }

    @Override
    public String description() {
        return base.description() + "; every map bias-compensated (per-channel mean error calibrated on "
                + calibration.inputs() + " search inputs, folded into the int32 bias)";
    }

    @Override
    public int genes() {
        return base.genes();
    }

    @Override
    public int alleles(int gene) {
        return base.alleles(gene);
    }

    @Override
    public ApproxMap map(int[] genome) {
        return Compensation.of(base.map(genome), calibration, registry);
    }

    @Override
    public List<int[]> seeds() {
        return base.seeds();
    }

    @Override
    public boolean compensated() {
        return true;
    }
}
