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

    /** The int8 output of channel {@code oc} for accumulator {@code acc} (acc + bias). */
    public byte requantize(int oc, int acc) {
        int v = requant[oc].apply(acc) + outZeroPoint;
        return (byte) Math.max(actMin, Math.min(v, actMax));
    }

    /** Requantises HWC accumulators into {@code out}. */
    public void requantize(int[] acc, byte[] out) {
        for (int i = 0; i < acc.length; i++) {
            out[i] = requantize(i % outC, acc[i]);
        }
    }

    /**
     * The im2col patch of output pixel (oy, ox): index k = (ky·kw + kx)·inC + ic, taps outside the
     * input (padding) fed the input zero point, as the hardware is fed.
     */
    public void im2col(byte[] in, int oy, int ox, int[] patch) {
        int k = 0;
        for (int ky = 0; ky < kh; ky++) {
            int iy = oy * strideH - padTop + ky;
            for (int kx = 0; kx < kw; kx++) {
                int ix = ox * strideW - padLeft + kx;
                if (iy < 0 || iy >= inH || ix < 0 || ix >= inW) {
                    java.util.Arrays.fill(patch, k, k + inC, inZeroPoint);
                } else {
                    int base = (iy * inW + ix) * inC;
                    for (int ic = 0; ic < inC; ic++) {
                        patch[k + ic] = in[base + ic];
                    }
                }
                k += inC;
            }
        }
    }
}
