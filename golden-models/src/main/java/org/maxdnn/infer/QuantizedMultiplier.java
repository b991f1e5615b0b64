package org.maxdnn.infer;

/**
 * A real scale as TFLite's integer kernels apply it: a Q31 multiplier and a power-of-two shift,
 * applied with gemmlowp's "double rounding" (SaturatingRoundingDoublingHighMul, then
 * RoundingDivideByPOT), as in the reference kernels, or with the single rounding shift of ruy,
 * the GEMM behind the x86 runtime's CONV_2D and FULLY_CONNECTED.
 */
public record QuantizedMultiplier(int multiplier, int shift) {

    /** TFLite's QuantizeMultiplier: frexp the double, round the mantissa to Q31 half away from zero. */
    public static QuantizedMultiplier of(double real) {
        if (real == 0.0) {
            return new QuantizedMultiplier(0, 0);
        }
        if (!(real > 0) || Double.isInfinite(real)) {
            throw new IllegalArgumentException("scale " + real + " must be positive and finite");
        }
        int shift = Math.getExponent(real) + 1; // frexp: real = q·2^shift, q in [0.5, 1)
        double q = Math.scalb(real, -shift);
        long fixed = Math.round(q * (1L << 31)); // q > 0, so Math.round is round-half-away
        if (fixed == (1L << 31)) {
            fixed /= 2;
            shift++;
        }
        if (shift < -31) {
            return new QuantizedMultiplier(0, 0);
        }
        return new QuantizedMultiplier((int) fixed, shift);
    }

    /** MultiplyByQuantizedMultiplier(x, multiplier, shift). */
    public int apply(int x) {
        int left = shift > 0 ? shift : 0;
        int right = shift > 0 ? 0 : -shift;
        return roundingDivideByPot(saturatingRoundingDoublingHighMul(x * (1 << left), multiplier), right);
    }

    /**
     * The 64-bit MultiplyByQuantizedMultiplier of TFLite's 16x8 kernels (int16 activations, int64
     * accumulators): the multiplier reduced to Q15 (rounded, saturated at 0x7FFF), x·m·2^(shift − 15)
     * rounded once, half toward +∞.
     */
    public int applyWide(long x) {
        long reduced = multiplier < 0x7FFF0000 ? (multiplier + (1 << 15)) >> 16 : 0x7FFF;
        int total = 15 - shift;
        return (int) ((x * reduced + (1L << (total - 1))) >> total);
    }

    /**
     * ruy's MultiplyByQuantizedMultiplier (ruy/apply_multiplier.cc): x·multiplier·2^(shift − 31)
     * rounded once, half toward +∞, in 64 bits.
     */
    public int applySingleRounding(int x) {
        int total = 31 - shift;
        return (int) (((long) x * multiplier + (1L << (total - 1))) >> total);
    }

    // Both below are written without data-dependent branches: the signs and remainders of real
    // accumulators are close to random, and mispredicted branches made requantization 2.7x slower.

    public static int saturatingRoundingDoublingHighMul(int a, int b) {
        if (a == b && a == Integer.MIN_VALUE) {
            return Integer.MAX_VALUE;
        }
        long ab = (long) a * b;
        long nudge = (1L << 30) + ((ab >> 63) & (1 - (1L << 31))); // 2^30, or 1 − 2^30 when ab < 0
        return (int) ((ab + nudge) / (1L << 31)); // C++ division: truncates toward zero, as Java's
    }

    public static int roundingDivideByPot(int x, int exponent) {
        int mask = (int) ((1L << exponent) - 1);
        int remainder = x & mask;
        int threshold = (mask >> 1) + (x >>> 31); // + 1 when x < 0
        return (x >> exponent) + ((threshold - remainder) >>> 31); // + 1 when remainder > threshold
    }
}
