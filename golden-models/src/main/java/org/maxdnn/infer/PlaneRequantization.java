package org.maxdnn.infer;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link OutputStage#apply} over a run of one output channel's accumulators at once, a
 * vector of lanes per step (JDK Vector API), bit for bit: the products with the Q31 multiplier are
 * taken in 64-bit lanes (each int vector widened in two halves), every rounding and wrap-around is
 * the scalar code's. On real layers the scalar loop took as long as the multiply-adds. Only the
 * preferred shapes are used: in JDK 17 a second shape of the same element type makes the JIT give
 * up intrinsifying the other vector code.
 */
final class PlaneRequantization {
    private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Long> LONGS = LongVector.SPECIES_PREFERRED;

    private PlaneRequantization() {
    }

    /**
     * acc[from … from + length) ← the int8 outputs (as ints) of channel {@code oc} of {@code stage}
     * for accumulators acc + {@code bias}.
     */
    static void apply(OutputStage stage, int oc, int bias, int[] acc, int from, int length) {
        QuantizedMultiplier q = stage.multipliers()[oc];
        int zp = stage.zeroPoint();
        int min = stage.actMin();
        int max = stage.actMax();
        boolean single = stage.singleRounding();
        // double rounding shifts left before, right after the high multiplication; single rounding only right
        int left = single ? 0 : Math.max(q.shift(), 0);
        int right = single ? 31 - q.shift() : Math.max(-q.shift(), 0);
        int end = from + length;
        int p = from;
        if (INTS.length() == 2 * LONGS.length()) {
            for (int vectorEnd = from + INTS.loopBound(length); p < vectorEnd; p += INTS.length()) {
                IntVector x = IntVector.fromArray(INTS, acc, p).add(bias).lanewise(VectorOperators.LSHL, left);
                LongVector low = ((LongVector) x.convertShape(VectorOperators.I2L, LONGS, 0)).mul(q.multiplier());
                LongVector high = ((LongVector) x.convertShape(VectorOperators.I2L, LONGS, 1)).mul(q.multiplier());
                low = single ? singleRounding(low, right) : doubleRounding(low, right);
                high = single ? singleRounding(high, right) : doubleRounding(high, right);
                ((IntVector) low.convertShape(VectorOperators.L2I, INTS, 0))
                        .or((IntVector) high.convertShape(VectorOperators.L2I, INTS, -1))
                        .add(zp).max(min).min(max).intoArray(acc, p);
            }
        }
        for (; p < end; p++) {
            acc[p] = stage.apply(oc, acc[p] + bias);
        }
    }

    /** {@link QuantizedMultiplier#applySingleRounding}'s rounding of x·M: + 2^(right − 1), then >> right. */
    private static LongVector singleRounding(LongVector product, int right) {
        return product.add(1L << (right - 1)).lanewise(VectorOperators.ASHR, right);
    }

    /**
     * {@link QuantizedMultiplier#saturatingRoundingDoublingHighMul} of x·M (+ 2^30, or 1 − 2^30 when
     * negative, then / 2^31 toward zero; M > 0 never saturates), then
     * {@link QuantizedMultiplier#roundingDivideByPot} by 2^right (+ 1 when the remainder exceeds half,
     * the half itself counting for negative values).
     */
    private static LongVector doubleRounding(LongVector product, int right) {
        long mask = (1L << right) - 1;
        LongVector t = product.add(product.lanewise(VectorOperators.ASHR, 63).and(1 - (1L << 31)).add(1L << 30));
        LongVector h = t.add(t.lanewise(VectorOperators.ASHR, 63).and((1L << 31) - 1)).lanewise(VectorOperators.ASHR, 31);
        LongVector threshold = h.lanewise(VectorOperators.LSHR, 63).add(mask >> 1);
        return h.lanewise(VectorOperators.ASHR, right).add(threshold.sub(h.and(mask)).lanewise(VectorOperators.LSHR, 63));
    }
}
