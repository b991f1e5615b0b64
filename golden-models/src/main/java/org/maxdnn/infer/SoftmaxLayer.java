package org.maxdnn.infer;

import org.maxdnn.model.OpType;

/**
 * SOFTMAX, computed in double from the dequantized input and requantized to the output. This is
 * not TFLite's fixed-point int8 softmax; classes are taken from the FC output (SPEC §4), which
 * softmax does not reorder.
 */
public record SoftmaxLayer(String name, int input, int output, int elements, double beta,
                           float inScale, float outScale, int outZeroPoint) implements Layer {
    @Override
    public OpType op() {
        return OpType.SOFTMAX;
    }

    @Override
    public int[] inputs() {
        return new int[] {input};
    }

    public void run(byte[] in, byte[] out) {
        int max = Integer.MIN_VALUE;
        for (int i = 0; i < elements; i++) {
            max = Math.max(max, in[i]);
        }
        double[] e = new double[elements];
        double sum = 0;
        for (int i = 0; i < elements; i++) {
            e[i] = Math.exp(beta * inScale * (in[i] - max));
            sum += e[i];
        }
        for (int i = 0; i < elements; i++) {
            long q = Math.round(e[i] / sum / outScale) + outZeroPoint;
            out[i] = (byte) Math.max(-128, Math.min(127, q));
        }
    }
}
