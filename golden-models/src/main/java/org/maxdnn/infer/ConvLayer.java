package org.maxdnn.infer;

import org.maxdnn.model.OpType;

/**
 * A CONV_2D, DEPTHWISE_CONV_2D or FULLY_CONNECTED layer in one geometry, a grouped convolution:
 * the input channels fall into {@code groups} equal groups and each output channel reads the
 * {@link #filterDepth()} channels of its group. CONV_2D has one group; a depthwise layer has one
 * group per input channel (output channel oc reads input channel oc / depth multiplier, as
 * TFLite's depthwise kernel); FC is a 1×1 convolution over a 1×1 input with {@code inC} channels.
 * Weights are OHWI int8 over the filter depth (TFLite's conv layout; depthwise weights are
 * transposed into it): index {@code ((oc·kh + ky)·kw + kx)·filterDepth + j}. Requantization is per
 * output channel, with gemmlowp's double rounding or, for {@code singleRounding}, the one
 * rounding shift of the x86 runtime's GEMM (see {@link Rounding}).
 */
public record ConvLayer(String name, OpType op, int input, int output,
                        int inH, int inW, int inC, int outH, int outW, int outC,
                        int kh, int kw, int strideH, int strideW, int padTop, int padLeft,
                        byte[] weights, int[] bias, int inZeroPoint, int outZeroPoint,
                        QuantizedMultiplier[] requant, int actMin, int actMax,
                        int groups, boolean singleRounding) implements Layer {

    public ConvLayer {
        if (groups < 1 || inC % groups != 0 || outC % groups != 0) {
            throw new IllegalArgumentException(name + ": " + groups + " groups do not divide " + inC
                    + " input and " + outC + " output channels");
        }
    }

    /** An ungrouped layer with the reference kernels' double rounding. */
    public ConvLayer(String name, OpType op, int input, int output,
                     int inH, int inW, int inC, int outH, int outW, int outC,
                     int kh, int kw, int strideH, int strideW, int padTop, int padLeft,
                     byte[] weights, int[] bias, int inZeroPoint, int outZeroPoint,
                     QuantizedMultiplier[] requant, int actMin, int actMax) {
        this(name, op, input, output, inH, inW, inC, outH, outW, outC, kh, kw, strideH, strideW, padTop, padLeft,
                weights, bias, inZeroPoint, outZeroPoint, requant, actMin, actMax, 1, false);
    }

    /** This layer with another int32 bias (one per output channel), e.g. a compensated one. */
    public ConvLayer withBias(int[] newBias) {
        if (newBias.length != outC) {
            throw new IllegalArgumentException(name + ": " + newBias.length + " biases for " + outC + " channels");
        }
        return new ConvLayer(name, op, input, output, inH, inW, inC, outH, outW, outC, kh, kw, strideH, strideW,
                padTop, padLeft, weights, newBias.clone(), inZeroPoint, outZeroPoint, requant, actMin, actMax,
                groups, singleRounding);
    }

    @Override
    public int[] inputs() {
        return new int[] {input};
    }

    /** Input channels one filter reads: inC for conv and FC, 1 for depthwise. */
    public int filterDepth() {
        return inC / groups;
    }

    /** The first input channel output channel {@code oc} reads. */
    public int firstInputChannel(int oc) {
        return oc / (outC / groups) * filterDepth();
    }

    /** Length of an {@link #im2col} patch: kh·kw·inC. */
    public int patchSize() {
        return kh * kw * inC;
    }

    /** Reduction length of one output: kh·kw·filterDepth. */
    public int kernelSize() {
        return kh * kw * filterDepth();
    }

    /** Weight of output channel oc at tap (ky, kx) and position j of its filter depth. */
    public int weight(int oc, int ky, int kx, int j) {
        return weights[((oc * kh + ky) * kw + kx) * filterDepth() + j];
    }

    @Override
    public long macs() {
        return (long) outH * outW * outC * kernelSize();
    }

    /** The int8 output of channel {@code oc} for accumulator {@code acc} (acc + bias). */
    public byte requantize(int oc, int acc) {
        QuantizedMultiplier q = requant[oc];
        int v = (singleRounding ? q.applySingleRounding(acc) : q.apply(acc)) + outZeroPoint;
        return (byte) Math.max(actMin, Math.min(v, actMax));
    }

    /** Requantises HWC accumulators into {@code out}. */
    public void requantize(int[] acc, byte[] out) {
        for (int i = 0; i < acc.length; i++) {
            out[i] = requantize(i % outC, acc[i]);
        }
    }

    /**
     * The im2col patch of output pixel (oy, ox) over all input channels: index
     * k = (ky·kw + kx)·inC + ic, taps outside the input (padding) fed the input zero point, as the
     * hardware is fed. Output channel oc reads positions (ky·kw + kx)·inC + firstInputChannel(oc) + j.
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
