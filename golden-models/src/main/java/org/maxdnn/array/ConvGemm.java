package org.maxdnn.array;

import org.maxdnn.infer.ConvLayer;

/**
 * A (grouped) convolution as one GEMM per group (im2col): M = outH·outW, K = kh·kw·filterDepth with
 * k = (ky·kw + kx)·filterDepth + j, N = outC / groups. CONV_2D has one group; FULLY_CONNECTED is a
 * 1×1 convolution over a 1×1 input; DEPTHWISE_CONV_2D has a group per input channel, K = kh·kw and
 * N the depth multiplier (SCALE-Sim's one layer per channel).
 */
record ConvGemm(ConvLayer layer) implements GemmView {
    @Override
    public int m() {
        return layer.outH() * layer.outW();
    }

    @Override
    public int k() {
        return layer.kernelSize();
    }

    @Override
    public int n() {
        return layer.outC() / layer.groups();
    }

    @Override
    public int groups() {
        return layer.groups();
    }

    @Override
    public int outputChannel(int g, int n) {
        return g * n() + n;
    }

    @Override
    public int kernelColumn(int k) {
        return k % layer.filterDepth();
    }

    @Override
    public int patchIndex(int g, int k) {
        int depth = layer.filterDepth();
        return k / depth * layer.inC() + g * depth + k % depth;
    }

    @Override
    public int weight(int g, int k, int n) {
        return layer.weights()[outputChannel(g, n) * layer.kernelSize() + k];
    }

    @Override
    public int patchSize() {
        return layer.patchSize();
    }

    @Override
    public void patch(byte[] input, int m, int[] patch) {
        layer.im2col(input, m / layer.outW(), m % layer.outW(), patch);
    }
}
