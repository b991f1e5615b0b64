package org.maxdnn.infer;

import org.maxdnn.model.OpType;

/**
 * int8 SOFTMAX as the TFLite x86 interpreter computes it (optimized_ops::Softmax with the float
 * table of PopulateSoftmaxLookupTable): e^(β·s_in·(x − max)) from a 256-entry float table, summed in
 * float in input order, scaled by 1 / (sum · s_out), rounded half away from zero and offset by the
 * output zero point. TFLite's reference (and Micro) kernel uses gemmlowp fixed point instead; no
 * engine here can check that one, so both rounding variants use this form, and predictions and
 * metrics are read from the tensor that feeds SOFTMAX ({@link Network#logitsTensor()}), which
 * softmax does not reorder.
 */
public record SoftmaxLayer(String name, int input, int output, int elements, float[] table,
                           float outScale, int outZeroPoint) implements Layer {

    /** The table for input scale {@code inScale} and {@code beta}: table[255 − v] = e^(−s_in·β·v), in float. */
    public static float[] table(float inScale, float beta) {
        float scale = -inScale * beta;
        float[] t = new float[256];
        for (int v = 0; v <= 255; v++) {
            t[255 - v] = (float) Math.exp(scale * v);
        }
        return t;
    }

    @Override
    public OpType op() {
        return OpType.SOFTMAX;
    }

    @Override
    public int[] inputs() {
        return new int[] {input};
    }

    public void run(byte[] in, byte[] out) {
        int max = Byte.MIN_VALUE;
        for (int i = 0; i < elements; i++) {
            max = Math.max(max, in[i]);
        }
        int offset = 255 - max; // table[offset + x] = e^(s_in·β·(x − max))
        float sum = 0f;
        for (int i = 0; i < elements; i++) {
            sum += table[offset + in[i]];
        }
        float inverse = 1.0f / (sum * outScale);
        for (int i = 0; i < elements; i++) {
            float p = table[offset + in[i]] * inverse; // ≥ 0: std::round is floor(p + 0.5), exact in double
            long q = (long) Math.floor(p + 0.5) + outZeroPoint;
            out[i] = (byte) Math.max(-128, Math.min(127, q));
        }
    }
}
