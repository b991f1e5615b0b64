package org.maxdnn.array;

import org.maxdnn.infer.ConvLayer;

/**
 * CONV_2D as a GEMM (im2col): one group, M = outH·outW, K = kh·kw·inC with k = (ky·kw + kx)·inC + ic,
 * N = outC. FULLY_CONNECTED is the same view of a 1×1 convolution over a 1×1 input.
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
        return layer.outC();
    }

    @Override
    public int groups() {
        return 1;
    }

    @Override
    public int outputChannel(int g, int n) {
        return n;
    }

    @Override
    public int kernelColumn(int k) {
        return k % layer.inC();
    }

    @Override
    public int patchIndex(int g, int k) {
        return k;
    }

    @Override
    public int weight(int g, int k, int n) {
        return layer.weights()[n * layer.kernelSize() + k];
    }

    @Override
    public int patchSize() {
        return layer.kernelSize();
    }

    @Override
    public void patch(byte[] input, int m, int[] patch) {
        layer.im2col(input, m / layer.outW(), m % layer.outW(), patch);
    }
}
