package org.maxdnn.infer;

/**
 * A kernel that works one output pixel at a time: every output is a sum over all taps of the
 * pixel's im2col patch (padding fed x_zp), and subclasses compute the sums for all output channels.
 */
abstract sealed class PatchConv extends ConvKernel permits DotProductConv, TableConv {
    PatchConv(ConvLayer layer) {
        super(layer);
    }

    /** acc[oc] = Σ_k [f(patch[k], w[oc][k]) − f(x_zp, w[oc][k])] for every output channel. */
    protected abstract void accumulate(int[] patch, int[] acc, Scratch s);

    @Override
    public final void run(byte[] in, byte[] out, Scratch s, int[] rawAcc) {
        ConvLayer l = layer;
        int[] patch = s.patch;
        int[] acc = s.acc;
        int outC = l.outC();
        int o = 0;
        for (int oy = 0; oy < l.outH(); oy++) {
            for (int ox = 0; ox < l.outW(); ox++) {
                l.im2col(in, oy, ox, patch);
                java.util.Arrays.fill(acc, 0, outC, 0);
                accumulate(patch, acc, s);
                for (int oc = 0; oc < outC; oc++, o++) {
                    int a = acc[oc] + l.bias()[oc];
                    if (rawAcc != null) {
                        rawAcc[o] = a;
                    }
                    out[o] = l.requantize(oc, a);
                }
            }
        }
    }
}
