package org.maxdnn.infer;

import org.maxdnn.array.GemmView;
import org.maxdnn.model.OpType;

/**
 * A weighted (approximable) layer: CONV_2D, DEPTHWISE_CONV_2D, FULLY_CONNECTED or TRANSPOSE_CONV,
 * each a grouped convolution in one geometry, which is also what its GEMM view ({@link #gemm()})
 * and a map's kernels are read from. The input channels fall into {@code groups} equal groups and
 * each output channel reads the {@link #filterDepth()} channels of its group. CONV_2D has one
 * group; a depthwise layer has one group per input channel (output channel oc reads input channel
 * oc / depth multiplier, as TFLite's depthwise kernel); FC is a 1×1 convolution over a 1×1 input
 * with {@code inC} channels; TRANSPOSE_CONV is a stride-1 convolution of its zero-stuffed input with
 * the kernel flipped ({@link Window#stuffed()}). Weights are OHWI int8 over the filter depth
 * (TFLite's conv layout; depthwise weights are transposed into it): index
 * {@code ((oc·kh + ky)·kw + kx)·filterDepth + j}. The accumulator acc + bias becomes int8 through
 * the {@link OutputStage}.
 */
public record ConvLayer(String name, OpType op, int input, int output, FeatureMap in, FeatureMap out,
                        Window window, int groups, byte[] weights, int[] bias, int inZeroPoint,
                        OutputStage outputStage) implements Layer {

    public ConvLayer {
        if (groups < 1 || in.c() % groups != 0 || out.c() % groups != 0) {
            throw new IllegalArgumentException(name + ": " + groups + " groups do not divide " + in.c()
                    + " input and " + out.c() + " output channels");
        }
    }

    /** This layer with another int32 bias (one per output channel), e.g. a compensated one. */
    public ConvLayer withBias(int[] newBias) {
        if (newBias.length != outC()) {
            throw new IllegalArgumentException(name + ": " + newBias.length + " biases for " + outC() + " channels");
        }
        return new ConvLayer(name, op, input, output, in, out, window, groups, weights, newBias.clone(), inZeroPoint,
                outputStage);
    }

    /** The layer as the array runs it: one GEMM per group. */
    public GemmView gemm() {
        return org.maxdnn.array.GemmViews.of(this);
    }

    @Override
    public int[] inputs() {
        return new int[] {input};
    }

    @Override
    public int[] outputs() {
        return new int[] {output};
    }

    public int inH() {
        return in.h();
    }

    public int inW() {
        return in.w();
    }

    public int inC() {
        return in.c();
    }

    public int outH() {
        return out.h();
    }

    public int outW() {
        return out.w();
    }

    public int outC() {
        return out.c();
    }

    public int kh() {
        return window.kh();
    }

    public int kw() {
        return window.kw();
    }

    public int strideH() {
        return window.strideH();
    }

    public int strideW() {
        return window.strideW();
    }

    public int padTop() {
        return window.padTop();
    }

    public int padLeft() {
        return window.padLeft();
    }

    public int outZeroPoint() {
        return outputStage.zeroPoint();
    }

    public int actMin() {
        return outputStage.actMin();
    }

    public int actMax() {
        return outputStage.actMax();
    }

    /** The real scale of each output channel as a quantized multiplier. */
    public QuantizedMultiplier[] requant() {
        return outputStage.multipliers();
    }

    /** Input channels one filter reads: inC for conv and FC, 1 for depthwise. */
    public int filterDepth() {
        return inC() / groups;
    }

    /** The first input channel output channel {@code oc} reads. */
    public int firstInputChannel(int oc) {
        return oc / (outC() / groups) * filterDepth();
    }

    /** Length of an {@link #im2col} patch: kh·kw·inC. */
    public int patchSize() {
        return kh() * kw() * inC();
    }

    /** Reduction length of one output: kh·kw·filterDepth. */
    public int kernelSize() {
        return kh() * kw() * filterDepth();
    }

    /** Weight of output channel oc at tap (ky, kx) and position j of its filter depth. */
    public int weight(int oc, int ky, int kx, int j) {
        return weights[((oc * kh() + ky) * kw() + kx) * filterDepth() + j];
    }

    @Override
    public long macs() {
        return (long) outH() * outW() * outC() * kernelSize();
    }

    /** The int8 output of channel {@code oc} for accumulator {@code acc} (acc + bias). */
    public byte requantize(int oc, int acc) {
        return outputStage.apply(oc, acc);
    }

    /** Requantises HWC accumulators into {@code out}. */
    public void requantize(int[] acc, byte[] result) {
        int outC = outC();
        for (int i = 0; i < acc.length; i++) {
            result[i] = requantize(i % outC, acc[i]);
        }
    }

    /**
     * The im2col patch of output pixel (oy, ox) over all input channels: index
     * k = (ky·kw + kx)·inC + ic, taps outside the input (padding) or between the pixels of a
     * zero-stuffed input (a transposed convolution) fed the input zero point, as the hardware is fed.
     * Output channel oc reads positions (ky·kw + kx)·inC + firstInputChannel(oc) + j.
     */
    public void im2col(byte[] input, int oy, int ox, int[] patch) {
        if (window.stuffed()) {
            stuffedIm2col(input, oy, ox, patch);
            return;
        }
        int inC = inC();
        int k = 0;
        for (int ky = 0; ky < kh(); ky++) {
            int iy = oy * strideH() - padTop() + ky;
            for (int kx = 0; kx < kw(); kx++) {
                int ix = ox * strideW() - padLeft() + kx;
                if (iy < 0 || iy >= inH() || ix < 0 || ix >= inW()) {
                    java.util.Arrays.fill(patch, k, k + inC, inZeroPoint);
                } else {
                    int base = (iy * inW() + ix) * inC;
                    for (int ic = 0; ic < inC; ic++) {
                        patch[k + ic] = input[base + ic];
                    }
                }
                k += inC;
            }
        }
    }

    /** {@link #im2col} over the virtual zero-stuffed input of a transposed convolution. */
    private void stuffedIm2col(byte[] input, int oy, int ox, int[] patch) {
        int inC = inC();
        int stepH = window.inputStepH();
        int stepW = window.inputStepW();
        int k = 0;
        for (int ky = 0; ky < kh(); ky++) {
            int py = oy * strideH() - padTop() + ky;
            boolean rowIn = py >= 0 && py % stepH == 0 && py / stepH < inH();
            for (int kx = 0; kx < kw(); kx++) {
                int px = ox * strideW() - padLeft() + kx;
                if (!rowIn || px < 0 || px % stepW != 0 || px / stepW >= inW()) {
                    java.util.Arrays.fill(patch, k, k + inC, inZeroPoint);
                } else {
                    int base = (py / stepH * inW() + px / stepW) * inC;
                    for (int ic = 0; ic < inC; ic++) {
                        patch[k + ic] = input[base + ic];
                    }
                }
                k += inC;
            }
        }
    }
}
