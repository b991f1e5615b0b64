package org.maxdnn.infer.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * gemmlowp's fixed-point exp, logistic and tanh against the functions in double, over their whole
 * input range in Q4.27 (and Q5.26 for exp): within 2^−21 of the true value, and the exact values
 * at 0.
 */
class FixedPointMathTest {
    private static final double Q31 = Math.scalb(1.0, 31);

    @Test
    void expLogisticAndTanhAreAccurate() {
        Random rnd = new Random(31);
        double worst = 0;
        for (int k = 0; k < 200_000; k++) {
            int a = rnd.nextInt(); // Q4.27: −16 … 16
            double x = a / Math.scalb(1.0, 27);
            worst = Math.max(worst, Math.abs(FixedPointMath.logistic(a, 4) / Q31 - 1 / (1 + Math.exp(-x))));
            worst = Math.max(worst, Math.abs(FixedPointMath.tanh(a, 4) / Q31 - Math.tanh(x)));
            int n = a > 0 ? -a : a;
            worst = Math.max(worst, Math.abs(FixedPointMath.expOnNegativeValues(n, 5) / Q31
                    - Math.exp(n / Math.scalb(1.0, 26))));
        }
        assertTrue(worst < Math.scalb(1.0, -21), "worst error " + worst); // measured 2.3e-7, about 2^-22
        assertEquals(1 << 30, FixedPointMath.logistic(0, 4));
        assertEquals(0, FixedPointMath.tanh(0, 4));
        assertEquals(Integer.MAX_VALUE, FixedPointMath.expOnNegativeValues(0, 4));
    }
}
