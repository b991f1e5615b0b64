package org.maxdnn.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EnergyRankingTest {
    private static PostRouteEnergy e(String name, double pre, double post) {
        return new PostRouteEnergy(name, "conv1", 100, pre, pre, post, 1, 1, 0, "");
    }

    @Test
    void spearmanByHand() {
        // one adjacent swap in four: rho = 1 - 6 * 2 / (4 * 15) = 0.8
        assertEquals(0.8, EnergyRanking.spearman(new double[] {1, 2, 3, 4}, new double[] {1, 3, 2, 4}), 1e-12);
        // a tie gets the mean rank: ranks (1.5, 1.5, 3) against (1, 2, 3) correlate 1.5 / sqrt(1.5 * 2)
        assertEquals(1.5 / Math.sqrt(3), EnergyRanking.spearman(new double[] {1, 1, 2}, new double[] {1, 2, 3}), 1e-12);
        assertEquals(-1, EnergyRanking.spearman(new double[] {1, 2, 3}, new double[] {3, 2, 1}), 1e-12);
    }

    @Test
    void rankingListsCheapestFirst() {
        EnergyRanking same = EnergyRanking.of(List.of(e("exact", 3, 4), e("roup-p1r2", 2, 3), e("roup-p2r0", 1, 2)));
        assertEquals(List.of("roup-p2r0", "roup-p1r2", "exact"), same.preRoute());
        assertTrue(same.sameOrder());
        assertEquals(1, same.spearman(), 1e-12);
        EnergyRanking swapped = EnergyRanking.of(List.of(e("exact", 3, 4), e("roup-p1r2", 2, 1), e("roup-p2r0", 1, 2)));
        assertFalse(swapped.sameOrder());
        assertEquals(List.of("roup-p1r2", "roup-p2r0", "exact"), swapped.postRoute());
        assertEquals(0.5, swapped.spearman(), 1e-12);
    }
}
