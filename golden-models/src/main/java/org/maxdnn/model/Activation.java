package org.maxdnn.model;

/** Fused activations (schema.fbs ActivationFunctionType) that the integer kernels apply as a clamp. */
public enum Activation {
    NONE, RELU, RELU_N1_TO_1, RELU6;

    public static Activation ofCode(int code) {
        Activation[] all = values();
        if (code < 0 || code >= all.length) {
            return null;
        }
        return all[code];
    }

    /**
     * The int8 clamp range [min, max] for an output quantized with (scale, zeroPoint), as TFLite's
     * CalculateActivationRangeQuantized computes it.
     */
    public int[] range(float scale, int zeroPoint) {
        return range(scale, zeroPoint, -128, 127);
    }

    /** As {@link #range(float, int)} within a type's codes [{@code lo}, {@code hi}] (int16: −32768…32767). */
    public int[] range(float scale, int zeroPoint, int lo, int hi) {
        switch (this) {
            case NONE -> { }
            case RELU -> lo = Math.max(lo, zeroPoint);
            case RELU6 -> {
                lo = Math.max(lo, zeroPoint);
                hi = Math.min(hi, zeroPoint + (int) Math.round(6.0f / scale));
            }
            case RELU_N1_TO_1 -> {
                lo = Math.max(lo, zeroPoint + (int) Math.round(-1.0f / scale));
                hi = Math.min(hi, zeroPoint + (int) Math.round(1.0f / scale));
            }
        }
        return new int[] {lo, hi};
    }
}
