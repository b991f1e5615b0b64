package org.maxdnn.mult;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class BoothEncoderTest {
    @Test
    void digitsRecomposeEveryWeight() {
        for (int b = -128; b < 128; b++) {
            int sum = 0;
            for (int j = 0; j < BoothEncoder.DIGITS; j++) {
                int d = BoothEncoder.digit(b, j);
                int fromSelects = (BoothEncoder.neg(b, j) ? -1 : 1)
                        * (BoothEncoder.one(b, j) ? 1 : BoothEncoder.two(b, j) ? 2 : 0);
                assertEquals(d, fromSelects, "selects of digit " + j + " of " + b);
                sum += d << (2 * j);
            }
            assertEquals(b, sum, "weight " + b);
        }
    }

    @Test
    void zeroDigitIsNeverNegative() {
        // b = -1 = 0b11111111: groups j = 1..3 are "111", so those digits are 0 and must not negate
        // their rows; group 0 is "110" (b[-1] = 0), digit -1.
        assertEquals(-1, BoothEncoder.digit(-1, 0));
        for (int j = 1; j < BoothEncoder.DIGITS; j++) {
            assertEquals(0, BoothEncoder.digit(-1, j));
            assertFalse(BoothEncoder.neg(-1, j));
        }
    }
}
