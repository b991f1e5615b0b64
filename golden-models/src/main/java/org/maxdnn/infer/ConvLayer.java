package org.maxdnn.infer;

import org.maxdnn.model.OpType;

/**
 * A CONV_2D or FULLY_CONNECTED layer in one geometry: FC is a 1×1 convolution over a 1×1 input
 * with {@code inC} channels. Weights are OHWI int8 (TFLite's layout): index
 * {@code ((oc·kh + ky)·kw + kx)·inC + ic}. Requantization is per output channel.
 */
public record ConvLayer(String name, OpType op, int input, int output,
                        int inH, int inW, int inC, int outH, int outW, int outC,
                        int kh, int kw, int strideH, int strideW, int padTop, int padLeft,
                        byte[] weights, int[] bias, int inZeroPoint, int outZeroPoint,
                        QuantizedMultiplier[] requant, int actMin, int actMax) implements Layer {

    @Override
    public int[] inputs() {
        return new int[] {input};
    }

    /** Reduction length of one output: kh·kw·inC. */
    public int kernelSize() {
        return kh * kw * inC;
    }

    public int weight(int oc, int ky, int kx, int ic) {
        return weights[((oc * kh + ky) * kw + kx) * inC + ic];
    }

    @Override
    public long macs() {
        return (long) outH * outW * outC * kernelSize();
    }
}
