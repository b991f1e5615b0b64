package org.maxdnn.explore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.maxdnn.map.ApproxMap;

/**
 * One exploration approach as a search space: a genome of small integers that decodes to an
 * approximation map. NSGA-II searches it; the seeds are the approach's heuristic starting points.
 */
public interface MapSpace {
    /** Short name used in files and reports: layer, filter-groups, filter-ranked, kernel-ranked, alwann. */
    String name();

    /** One line for the report: what a genome means. */
    String description();

    int genes();

    int alleles(int gene);

    ApproxMap map(int[] genome);

    /**
     * Whether this space's maps carry bias compensation (#16 part 1, in progress): summaries report
     * compensated and plain approaches side by side.
     */
    default boolean compensated() {
        return false;
    }

    /** Genomes to start from (all-exact and uniform maps). */
    List<int[]> seeds();

    /** One genome per allele with every gene at it: for spaces whose genes all choose among the same configurations. */
    static List<int[]> uniformSeeds(int genes, int alleles) {
        List<int[]> s = new ArrayList<>();
        for (int c = 0; c < alleles; c++) {
            int[] g = new int[genes];
            Arrays.fill(g, c);
            s.add(g);
        }
        return s;
    }
}
