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
        for (int i = 0; i < elements; i++) {
            int x = scale1.apply((offset1 + a[i]) * (1 << LEFT_SHIFT));
            int y = scale2.apply((offset2 + b[i]) * (1 << LEFT_SHIFT));
            int v = outScale.apply(x + y) + outZeroPoint;
            out[i] = (byte) Math.max(actMin, Math.min(v, actMax));
        }
    }
}
