package org.maxdnn.infer;

import org.maxdnn.model.OpType;

/**
 * Quantized elementwise ADD as TFLite's int8 reference kernel: both inputs offset, shifted left by
 * 20, rescaled to a common scale, summed, rescaled to the output.
 */
public record AddLayer(String name, int input1, int input2, int output, int elements,
                       int offset1, int offset2, QuantizedMultiplier scale1, QuantizedMultiplier scale2,
                       QuantizedMultiplier outScale, int outZeroPoint, int actMin, int actMax) implements Layer {
    public static final int LEFT_SHIFT = 20;

    @Override
    public OpType op() {
        return OpType.ADD;
    }

    @Override
    public int[] inputs() {
        return new int[] {input1, input2};
    }

    public void run(byte[] a, byte[] b, byte[] out) {
        // each input's rescaling depends on its int8 code alone: tabulate it once per call
        int[] rescaled1 = new int[256];
        int[] rescaled2 = new int[256];
        for (int q = -128; q < 128; q++) {
            rescaled1[q + 128] = scale1.apply((offset1 + q) * (1 << LEFT_SHIFT));
            rescaled2[q + 128] = scale2.apply((offset2 + q) * (1 << LEFT_SHIFT));
        }
        for (int i = 0; i < elements; i++) {
            int v = outScale.apply(rescaled1[a[i] + 128] + rescaled2[b[i] + 128]) + outZeroPoint;
            out[i] = (byte) Math.max(actMin, Math.min(v, actMax));
        }
    }
}
