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
}
