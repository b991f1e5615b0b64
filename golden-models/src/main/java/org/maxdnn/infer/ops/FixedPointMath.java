package org.maxdnn.infer.ops;

import static org.maxdnn.infer.QuantizedMultiplier.roundingDivideByPot;
import static org.maxdnn.infer.QuantizedMultiplier.saturatingRoundingDoublingHighMul;

/**
 * gemmlowp's fixed-point transcendental functions (fixedpoint.h), on the raw int32 of a fixed-point
 * number with {@code integerBits} integer bits (value = raw · 2^(integerBits − 31)), as TFLite's
 * reference LOGISTIC and TANH kernels (and TFLite Micro's) call them. Products are
 * SaturatingRoundingDoublingHighMul, sums wrap as int32, rescaling is
 * SaturatingRoundingMultiplyByPOT; the constants are gemmlowp's.
 */
final class FixedPointMath {
    /** 1.0 with 0 integer bits: the largest raw value. */
    private static final int ONE_Q0 = Integer.MAX_VALUE;
    /** exp(−2^k) for k = −2 … 4 in Q0.31, the barrel shifter's multipliers. */
    private static final int[] EXP_OF_MINUS_POT = {1672461947, 1302514674, 790015084, 290630308, 39332535, 720401, 242};

    private FixedPointMath() {
    }

    /** SaturatingRoundingMultiplyByPOT: x·2^exponent, saturating left shifts, rounding right shifts. */
    static int multiplyByPot(int x, int exponent) {
        if (exponent < 0) {
            return roundingDivideByPot(x, -exponent);
        }
        if (exponent == 0) {
            return x;
        }
        int threshold = (1 << (31 - exponent)) - 1;
        return x > threshold ? Integer.MAX_VALUE : x < -threshold ? Integer.MIN_VALUE : x << exponent;
    }

    /** Rescale: the raw value with {@code fromBits} integer bits given {@code toBits}. */
    private static int rescale(int x, int fromBits, int toBits) {
        return multiplyByPot(x, fromBits - toBits);
    }

    private static int mul(int a, int b) {
        return saturatingRoundingDoublingHighMul(a, b);
    }

    /** (a + b) / 2, rounded half away from zero, in 64 bits. */
    private static int roundingHalfSum(int a, int b) {
        long sum = (long) a + b;
        return (int) ((sum + (sum >= 0 ? 1 : -1)) / 2);
    }

    /** e^a for a in [−1/4, 0), Q0: a Taylor expansion around −1/8. */
    private static int expOnIntervalBetweenNegativeOneQuarterAnd0Excl(int a) {
        int constantTerm = 1895147668; // e^(−1/8)
        int oneThird = 715827883;
        int x = a + (1 << 28); // a + 1/8
        int x2 = mul(x, x);
        int x3 = mul(x2, x);
        int x4 = mul(x2, x2);
        int x4Over4 = multiplyByPot(x4, -2);
        int x4Over24PlusX3Over6PlusX2Over2 = multiplyByPot(mul(x4Over4 + x3, oneThird) + x2, -1);
        return constantTerm + mul(constantTerm, x + x4Over24PlusX3Over6PlusX2Over2);
    }

    /** e^a for a ≤ 0 with {@code integerBits} integer bits; the result in Q0. */
    static int expOnNegativeValues(int a, int integerBits) {
        int fractionalBits = 31 - integerBits;
        int oneQuarter = 1 << (fractionalBits - 2);
        int aModQuarterMinusOneQuarter = (a & (oneQuarter - 1)) - oneQuarter;
        int result = expOnIntervalBetweenNegativeOneQuarterAnd0Excl(rescale(aModQuarterMinusOneQuarter, integerBits, 0));
        int remainder = aModQuarterMinusOneQuarter - a;
        for (int exponent = -2; exponent <= 4; exponent++) {
            if (integerBits > exponent && (remainder & (1 << (fractionalBits + exponent))) != 0) {
                result = mul(result, EXP_OF_MINUS_POT[exponent + 2]);
            }
        }
        if (integerBits > 5 && a < -(1 << (36 - integerBits))) {
            result = 0; // below −32
        }
        return a == 0 ? ONE_Q0 : result;
    }

    /** Newton-Raphson for 1 / (1 + a) in Q2 (three steps from 48/17 − 32/17·d), a in [0, 1] Q0. */
    private static int reciprocalOfOnePlus(int a) {
        int halfDenominator = roundingHalfSum(a, ONE_Q0);
        int x = 1515870810 + mul(halfDenominator, -1010580540); // 48/17 − 32/17·d, Q2
        for (int i = 0; i < 3; i++) {
            int oneMinusHalfDenominatorTimesX = (1 << 29) - mul(halfDenominator, x);
            x = x + rescale(mul(x, oneMinusHalfDenominatorTimesX), 4, 2);
        }
        return x;
    }

    /** 1 / (1 + a), a in [0, 1] Q0; Q0. */
    private static int oneOverOnePlusX(int a) {
        return rescale(reciprocalOfOnePlus(a), 1, 0); // ExactMulByPot<−1>: Q2 read as Q1
    }

    /** (1 − a) / (1 + a), a in [0, 1] Q0; Q0. */
    private static int oneMinusXOverOnePlusX(int a) {
        return rescale(reciprocalOfOnePlus(a) - (1 << 29), 2, 0);
    }

    /** 1 / (1 + e^−a), a with {@code integerBits} integer bits; Q0. */
    static int logistic(int a, int integerBits) {
        if (a == 0) {
            return 1 << 30;
        }
        int positive = oneOverOnePlusX(expOnNegativeValues(a > 0 ? -a : a, integerBits));
        return a > 0 ? positive : ONE_Q0 - positive;
    }

    /** tanh a, a with {@code integerBits} integer bits; Q0. */
    static int tanh(int a, int integerBits) {
        if (a == 0) {
            return 0;
        }
        // ExactMulByPot<1>: e^(2n) is e^ of the same raw value read with one more integer bit
        int t = oneMinusXOverOnePlusX(expOnNegativeValues(a < 0 ? a : -a, integerBits + 1));
        return a < 0 ? -t : t;
    }
}
