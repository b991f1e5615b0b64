package org.maxdnn.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParetoFrontTest {
    @Test
    void keepsOnlyNonDominatedPointsSorted() {
        List<double[]> pts = List.of(new double[] {3, 1}, new double[] {1, 3}, new double[] {2, 2},
                new double[] {2, 3}, new double[] {1, 3}, new double[] {4, 4});
        List<double[]> front = ParetoFront.of(pts, p -> p);
        assertEquals(3, front.size());
        assertEquals(1, front.get(0)[0]);
        assertEquals(2, front.get(1)[0]);
        assertEquals(3, front.get(2)[0]);
    }

    @Test
    void dominance() {
        assertTrue(ParetoFront.dominates(new double[] {1, 1}, new double[] {1, 2}));
        assertFalse(ParetoFront.dominates(new double[] {1, 2}, new double[] {1, 2}));
        assertFalse(ParetoFront.dominates(new double[] {0, 3}, new double[] {1, 2}));
    }

    /** Areas computed by hand: a staircase of rectangles from each point to the reference point (1, 1). */
    @Test
    void hypervolumeIsTheDominatedAreaInsideTheNormalisedBox() {
        double[] min = {0, 0};
        double[] max = {10, 100};
        assertEquals(0.25, ParetoFront.hypervolume(List.of(new double[] {5, 50}), min, max), 1e-12);
        // (0.5, 0.5) and (0.2, 0.8): 0.5 x 0.5 + (0.5 - 0.2) x (1 - 0.8)
        assertEquals(0.31, ParetoFront.hypervolume(List.of(new double[] {5, 50}, new double[] {2, 80}), min, max), 1e-12);
        // a point beyond the reference point (more energy than the all-exact map) adds nothing
        assertEquals(0.25, ParetoFront.hypervolume(List.of(new double[] {5, 50}, new double[] {12, 10}), min, max), 1e-12);
        assertEquals(0.0, ParetoFront.hypervolume(List.of(new double[] {10, 0}), min, max), 1e-12);
    }
}
