package org.maxdnn.train;

import org.maxdnn.infer.ConvLayer;

/**
 * Where a weight lives: the engine's convolution weights are OIHW, [outC][filterDepth][kh][kw]; the
 * golden model's {@link ConvLayer} weights are OHWI over the filter depth (TFLite's conv layout).
 */
final class WeightLayout {
    private WeightLayout() {
    }

    /** Index of weight (oc, j, ky, kx) in the OIHW array of {@code l}. */
    static int oihw(ConvLayer l, int oc, int j, int ky, int kx) {
        return ((oc * l.filterDepth() + j) * l.kh() + ky) * l.kw() + kx;
    }

    /** OIHW integer codes as the golden model's OHWI int8 weights. */
    static byte[] ohwiCodes(ConvLayer l, float[] oihw) {
        byte[] out = new byte[oihw.length];
        for (int oc = 0; oc < l.outC(); oc++) {
            for (int j = 0; j < l.filterDepth(); j++) {
                for (int ky = 0; ky < l.kh(); ky++) {
                    for (int kx = 0; kx < l.kw(); kx++) {
                        out[((oc * l.kh() + ky) * l.kw() + kx) * l.filterDepth() + j] = (byte) oihw[oihw(l, oc, j, ky, kx)];
                    }
                }
            }
        }
        return out;
    }
}
