package org.maxdnn.mult;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.IntBinaryOperator;
import org.junit.jupiter.api.Test;

/** The bit-level Booth models against each other and against the closed form, on all pairs. */
class RoupMultiplierTest {
    private final MultiplierRegistry registry = new MultiplierRegistry(null);

    @Test
    void bitLevelBoothEqualsClosedFormOnAllPairsOfAll32Configs() {
        for (MultiplierConfig c : RoupConfig.all(false)) {
            RoupMultiplier m = (RoupMultiplier) registry.get(c);
            assertEqualOnAllPairs(c, "closed form", m::multiply, m::closedForm);
        }
    }

    @Test
    void bitLevelColumnRoundingEqualsTheSumOfRowValuesOnAllPairsOfAll32Configs() {
        for (MultiplierConfig c : RoupConfig.all(true)) {
            RoupColumnMultiplier m = (RoupColumnMultiplier) registry.get(c);
            assertEqualOnAllPairs(c, "row form", m::multiply, m::rowForm);
        }
    }

    private static void assertEqualOnAllPairs(MultiplierConfig c, String form, IntBinaryOperator booth,
                                              IntBinaryOperator fast) {
        for (int a = -128; a < 128; a++) {
            for (int b = -128; b < 128; b++) {
                if (booth.applyAsInt(a, b) != fast.applyAsInt(a, b)) {
                    throw new AssertionError(c + " at a=" + a + " b=" + b + ": Booth " + booth.applyAsInt(a, b)
                            + " vs " + form + " " + fast.applyAsInt(a, b));
                }
            }
        }
    }

    @Test
    void p0r0OfBothFamiliesIsExact() {
        assertSameTable(ExactMultiplier.INSTANCE, registry.get("roup-p0r0"));
        assertSameTable(ExactMultiplier.INSTANCE, registry.get("roupc-p0r0"));
    }

    @Test
    void columnRoundingUpToTheLowestSurvivingRowEqualsPlainPerforation() {
        for (int p = 0; p <= RoupConfig.MAX_P; p++) {
            for (int r = 0; r <= Math.min(2 * p, RoupConfig.MAX_R); r++) {
                assertSameTable(registry.get(RoupConfig.roup(p, 0)), registry.get(RoupConfig.roupc(p, r)));
            }
        }
    }

    @Test
    void columnRoundingBeyondTheLowestRowChangesProducts() {
        for (int p = 0; p <= RoupConfig.MAX_P; p++) {
            for (int r = 2 * p + 1; r <= RoupConfig.MAX_R; r++) {
                int[] a = registry.get(RoupConfig.roup(p, 0)).table();
                int[] c = registry.get(RoupConfig.roupc(p, r)).table();
                assertTrue(!java.util.Arrays.equals(a, c), "roupc-p" + p + "r" + r + " should differ from roup-p" + p + "r0");
            }
        }
    }

    @Test
    void roundingFormulasMatchTheSpec() {
        assertEquals(128, RoupMultiplier.roundMultiplicand(127, 1));   // no saturation: a_R may be 128
        assertEquals(-128, RoupMultiplier.roundMultiplicand(-128, 7));
        assertEquals(0, RoupMultiplier.roundMultiplicand(-64, 8 - 1)); // -64 + 64 = 0, >> 7 = 0
        assertEquals(-4, RoupMultiplier.perforatedWeight(-3, 1));      // -3 + 2 = -1, >> 2 = -1, << 2 = -4
        assertEquals(128, RoupMultiplier.perforatedWeight(127, 1));
        assertEquals(4, RoupColumnMultiplier.roundingConstant(1, 3));
        assertEquals(0, RoupColumnMultiplier.roundingConstant(2, 4));
    }

    @Test
    void productsAreDeterministicBitsNotTheTableOfAnotherConfig() {
        // roup-p1r0 at (a=5, b=3): b_P = 4, product 20; roupc-p0r1 at (1, 1): column 0 replaced by 1 → 1.
        assertEquals(20, registry.get("roup-p1r0").multiply(5, 3));
        assertEquals(1, registry.get("roupc-p0r1").multiply(1, 1));
        assertEquals(-16384, registry.get("roup-p0r1").multiply(127, -128)); // a_R = 128
    }

    private static void assertSameTable(Multiplier expected, Multiplier actual) {
        int[] e = expected.table();
        int[] a = actual.table();
        for (int i = 0; i < e.length; i++) {
            if (e[i] != a[i]) {
                throw new AssertionError(actual.name() + " differs from " + expected.name() + " at a="
                        + (byte) (i >> 8) + " b=" + (byte) i + ": " + a[i] + " vs " + e[i]);
            }
        }
    }
}
