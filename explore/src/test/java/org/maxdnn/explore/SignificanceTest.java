package org.maxdnn.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The validation statistics against values computed by hand from their closed forms. */
class SignificanceTest {
    private static final double Z = 1.959963984540054; // the standard normal's 97.5th percentile

    @Test
    void wilsonIntervalMatchesItsClosedForm() {
        // 5/10: centre (½ + z²/20)/(1 + z²/10) = ½; half-width z/(1 + z²/10)·√(1/40 + z²/400)
        double half = Z / (1 + Z * Z / 10) * Math.sqrt(0.025 + Z * Z / 400);
        assertEquals(0.5 - half, Significance.wilson(5, 10).low(), 1e-12);
        assertEquals(0.5 + half, Significance.wilson(5, 10).high(), 1e-12);
        assertEquals(0.2366, Significance.wilson(5, 10).low(), 5e-5); // the textbook value
        // 0/20: the interval is [0, z²/(n + z²)], not the Wald interval's [0, 0]
        assertEquals(0, Significance.wilson(0, 20).low(), 1e-12);
        assertEquals(Z * Z / (20 + Z * Z), Significance.wilson(0, 20).high(), 1e-12);
        // ResNet-8's exact accuracy on the 150 shared images, 128/150
        assertEquals(0.787915, Significance.wilson(128, 150).low(), 1e-6);
        assertEquals(0.901106, Significance.wilson(128, 150).high(), 1e-6);
    }

    @Test
    void mcNemarExactIsTwiceTheBinomialTail() {
        // b = 1, c = 6: 2·(C(7,0) + C(7,1))/2^7 = 16/128
        assertEquals(0.125, Significance.mcNemarExact(1, 6), 1e-12);
        assertEquals(0.125, Significance.mcNemarExact(6, 1), 1e-12);
        // b = 2, c = 10: 2·(1 + 12 + 66)/4096
        assertEquals(158 / 4096.0, Significance.mcNemarExact(2, 10), 1e-12);
        // b = 0, c = 5: 2/32
        assertEquals(0.0625, Significance.mcNemarExact(0, 5), 1e-12);
        // balanced discordance and none at all: no evidence of a difference
        assertEquals(1, Significance.mcNemarExact(3, 3), 1e-12);
        assertEquals(1, Significance.mcNemarExact(0, 0), 1e-12);
    }

    @Test
    void bootstrapOfIdenticalScoresFindsNoDifferenceAndOfASeparatingScoreAPerfectAuc() {
        int[] labels = {0, 0, 0, 0, 0, 1, 1, 1, 1, 1};
        double[] mixed = {0.1, 0.4, 0.35, 0.8, 0.2, 0.5, 0.3, 0.9, 0.7, 0.6};
        Significance.AucTest same = Significance.bootstrapAuc(labels, mixed, mixed, 1);
        assertEquals(1, same.pValue(), 0);
        assertTrue(same.interval().low() <= 0.76 && 0.76 <= same.interval().high(), same.toString()); // AUC 19/25
        double[] perfect = {0, 0.1, 0.2, 0.3, 0.4, 1, 1.1, 1.2, 1.3, 1.4};
        Significance.AucTest p = Significance.bootstrapAuc(labels, perfect, mixed, 1);
        assertEquals(1, p.interval().low(), 0);
        assertEquals(1, p.interval().high(), 0);
        assertEquals(Significance.bootstrapAuc(labels, perfect, mixed, 1), p, "seeded: the same every time");
    }
}
