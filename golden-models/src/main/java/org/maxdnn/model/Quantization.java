package org.maxdnn.model;

/**
 * Affine quantization of a tensor: real = scale·(q − zeroPoint), per tensor (one scale) or per
 * channel along {@code quantizedDimension}.
 */
public record Quantization(float[] scales, long[] zeroPoints, int quantizedDimension) {
    public int channels() {
        return scales.length;
    }

    /** The per-tensor scale; fails on per-channel quantization. */
    public float scale() {
        if (scales.length != 1) {
            throw new IllegalStateException("per-channel quantization has " + scales.length + " scales");
        }
        return scales[0];
    }

    public float scale(int channel) {
        return scales.length == 1 ? scales[0] : scales[channel];
    }

    /** The per-tensor zero point (0 when none is given). */
    public int zeroPoint() {
        return zeroPoints.length == 0 ? 0 : (int) zeroPoints[0];
    }
}
