package org.maxdnn.infer;

/**
 * How a weighted layer turns an int32 accumulator (acc + bias) of output channel oc into int8:
 * the channel's quantized multiplier with gemmlowp's double rounding or, for {@code singleRounding},
 * the one rounding shift of the x86 runtime's GEMM (see {@link Rounding}); plus the output zero
 * point, clamped to the fused activation's range.
 */
public record OutputStage(QuantizedMultiplier[] multipliers, int zeroPoint, int actMin, int actMax,
                          boolean singleRounding) {
    public byte apply(int oc, int acc) {
        QuantizedMultiplier q = multipliers[oc];
        int v = (singleRounding ? q.applySingleRounding(acc) : q.apply(acc)) + zeroPoint;
        return (byte) Math.max(actMin, Math.min(v, actMax));
    }
}
