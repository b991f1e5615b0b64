package org.maxdnn.infer;

import java.util.ArrayList;
import java.util.List;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.mult.RoupMultiplier;

/**
 * The scalar path for exact and {@code roup-pPrR} kernels (used when the JDK Vector API is not
 * resolved, and as the benchmark's baseline), using ROUP's closed form
 * f(x, w) = x_R · w_P (SPEC §3.2, checked against the bit-level Booth model on all pairs), so
 * f(x, w) − f(x_zp, w) = (x_R − x_zp,R) · w_P: one integer dot product per distinct R in the
 * layer, the weights pre-perforated and masked to the kernels that use that R. Exact is P = R = 0.
 * Ungrouped layers only.
 */
final class DotProductConv extends PatchConv {
    /** More distinct R than this and the table path is faster (one lookup vs. a multiply per pass). */
    static final int MAX_PASSES = 2;

    /** One pass: the patch as x_R − x_zp,R, dotted with the weights of the kernels that use R. */
    private record Pass(int r, int[] rounding, int[][] weights) {
    }

    private final Pass[] passes;

    DotProductConv(ConvLayer layer, MultiplierConfig[][] configs) {
        super(layer);
        int inC = layer.inC();
        List<Pass> list = new ArrayList<>();
        for (int r = 0; r <= MultiplierConfig.MAX_R; r++) {
            int[][] w = new int[layer.outC()][];
            boolean used = false;
            for (int oc = 0; oc < layer.outC(); oc++) {
                for (int k = 0; k < kernelSize; k++) {
                    MultiplierConfig c = configs[oc][k % inC];
                    if (c.r() == r) {
                        if (w[oc] == null) {
                            w[oc] = new int[kernelSize];
                            used = true;
                        }
                        w[oc][k] = RoupMultiplier.perforatedWeight(weightAt(oc, k), c.p());
                    }
                }
            }
            if (used) {
                int[] rounding = new int[256];
                int zp = RoupMultiplier.roundMultiplicand(layer.inZeroPoint(), r);
                for (int x = -128; x < 128; x++) {
                    rounding[x + 128] = RoupMultiplier.roundMultiplicand(x, r) - zp;
                }
                list.add(new Pass(r, rounding, w));
            }
        }
        passes = list.toArray(new Pass[0]);
    }

    @Override
    protected void accumulate(int[] patch, int[] acc, Scratch s) {
        int n = kernelSize;
        int[] x = s.rounded;
        for (Pass pass : passes) {
            int[] lut = pass.rounding;
            for (int k = 0; k < n; k++) {
                x[k] = lut[patch[k] + 128];
            }
            int[][] w = pass.weights;
            for (int oc = 0; oc < w.length; oc++) {
                int[] wo = w[oc];
                if (wo != null) {
                    acc[oc] += dot(x, wo, n);
                }
            }
        }
    }

    /** A plain loop that C2 vectorises. */
    private static int dot(int[] x, int[] w, int n) {
        int s = 0;
        for (int k = 0; k < n; k++) {
            s += x[k] * w[k];
        }
        return s;
    }
}
