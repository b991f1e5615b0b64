package org.maxdnn.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** gemmlowp fixed-point arithmetic, with values worked out by hand. */
class QuantizedMultiplierTest {
    @Test
    void quantizeMultiplierIsFrexpWithAQ31Mantissa() {
        assertEquals(new QuantizedMultiplier(1 << 30, 0), QuantizedMultiplier.of(0.5));
        assertEquals(new QuantizedMultiplier(1 << 30, 1), QuantizedMultiplier.of(1.0));
        assertEquals(new QuantizedMultiplier(3 << 29, -2), QuantizedMultiplier.of(0.75 / 4));
        // a mantissa that rounds up to 2^31 is renormalised
        assertEquals(new QuantizedMultiplier(1 << 30, 1), QuantizedMultiplier.of(Math.nextDown(1.0)));
        assertEquals(new QuantizedMultiplier(0, 0), QuantizedMultiplier.of(0));
    }

    @Test
    void doubleRoundingRoundsHalfAwayFromZeroTwice() {
        QuantizedMultiplier quarter = QuantizedMultiplier.of(0.25); // (2^30, -1)
        assertEquals(3, quarter.apply(10));   // 2.5 -> 3
        assertEquals(-3, quarter.apply(-10)); // -2.5 -> -3
        assertEquals(2, quarter.apply(7));    // 1.75 -> 2
        assertEquals(-2, quarter.apply(-7));
        assertEquals(Integer.MAX_VALUE, QuantizedMultiplier.saturatingRoundingDoublingHighMul(Integer.MIN_VALUE, Integer.MIN_VALUE));
        assertEquals(3, QuantizedMultiplier.roundingDivideByPot(5, 1));      // 2.5 -> 3
        assertEquals(-3, QuantizedMultiplier.roundingDivideByPot(-5, 1));     // -2.5 -> -3
        assertEquals(-1, QuantizedMultiplier.roundingDivideByPot(-3, 2));     // -0.75 -> -1
    }

    @Test
    void theBranchFreeFormsEqualGemmlowpsDefinitions() {
        java.util.Random random = new java.util.Random(11);
        int[] edges = {0, 1, -1, 2, -2, 3, -3, Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE + 1, 1 << 30, -(1 << 30)};
        for (int i = 0; i < 2_000_000; i++) {
            int a = i < edges.length * edges.length ? edges[i % edges.length] : random.nextInt();
            int b = i < edges.length * edges.length ? edges[i / edges.length] : random.nextInt();
            int e = i % 32;
            assertEquals(gemmlowpHighMul(a, b), QuantizedMultiplier.saturatingRoundingDoublingHighMul(a, b), a + " * " + b);
            assertEquals(gemmlowpDivideByPot(a, e), QuantizedMultiplier.roundingDivideByPot(a, e), a + " >> " + e);
        }
    }

    /** gemmlowp's SaturatingRoundingDoublingHighMul as written there. */
    private static int gemmlowpHighMul(int a, int b) {
        if (a == b && a == Integer.MIN_VALUE) {
            return Integer.MAX_VALUE;
        }
        long ab = (long) a * b;
        long nudge = ab >= 0 ? (1L << 30) : (1 - (1L << 30));
        return (int) ((ab + nudge) / (1L << 31));
    }

    /** gemmlowp's RoundingDivideByPOT as written there. */
    private static int gemmlowpDivideByPot(int x, int exponent) {
        int mask = (int) ((1L << exponent) - 1);
        int remainder = x & mask;
        int threshold = (mask >> 1) + (x < 0 ? 1 : 0);
        return (x >> exponent) + (remainder > threshold ? 1 : 0);
    }

    @Test
    void theTwoRoundingsCanDifferFromOneRoundingByOneStep() {
        // 9 × 0.25 = 2.25 rounds to 2 once; the high multiply first rounds 4.5 to 5, then 2.5 to 3
        assertEquals(3, QuantizedMultiplier.of(0.25).apply(9));
        // 6 × (0.25 − 2^-32) = 1.4999999986 rounds to 1 once; the high multiply gives 3, then 1.5 -> 2
        assertEquals(2, new QuantizedMultiplier(0x3FFFFFFF, -1).apply(6));
    }
}
