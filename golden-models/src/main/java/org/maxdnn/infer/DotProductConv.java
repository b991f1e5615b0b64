package org.maxdnn.infer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.maxdnn.mult.ProductTerms;

/**
 * The scalar path for kernels whose products are separable (used when the JDK Vector API is not
 * resolved, and as the benchmark's baseline): f(x, w) − f(x_zp, w) = (φ(x) − φ(x_zp)) · g(w)
 * ({@link ProductTerms#separableKind()}; exact: x · w, roup's closed form: x_R · w_P, SPEC §3.2,
 * checked against the bit-level Booth model on all pairs), so one integer dot product per distinct
 * activation kind φ in the layer, the weights pre-transformed and masked to the kernels of that
 * kind. Ungrouped layers only.
 */
final class DotProductConv extends PatchConv {
    /** More distinct kinds than this and the table path is faster (one lookup vs. a multiply per pass). */
    static final int MAX_PASSES = 2;

    /** One pass: the patch as φ(x) − φ(x_zp), dotted with the weights of the kernels of kind φ. */
    private record Pass(int[] transformed, int[][] weights) {
    }

    private final Pass[] passes;

    DotProductConv(ConvLayer layer, ProductTerms[][] terms) {
        super(layer);
        int inC = layer.inC();
        int outC = layer.outC();
        Map<ProductTerms.Kind, int[][]> byKind = new LinkedHashMap<>();
        for (int oc = 0; oc < outC; oc++) {
            for (int k = 0; k < kernelSize; k++) {
                ProductTerms f = terms[oc][k % inC];
                int[][] w = byKind.computeIfAbsent(f.separableKind(), kind -> new int[outC][]);
                int[] row = w[oc] != null ? w[oc] : (w[oc] = new int[kernelSize]);
                int at = k;
                f.terms(weightAt(oc, k), (kind, weight) -> row[at] += weight);
            }
        }
        List<Pass> list = new ArrayList<>();
        byKind.forEach((kind, w) -> {
            int[] transformed = new int[256];
            int zp = kind.apply(layer.inZeroPoint());
            for (int x = -128; x < 128; x++) {
                transformed[x + 128] = kind.apply(x) - zp;
            }
            list.add(new Pass(transformed, w));
        });
        passes = list.toArray(new Pass[0]);
    }

    @Override
    protected void accumulate(int[] patch, int[] acc, Scratch s) {
        int n = kernelSize;
        int[] x = s.rounded;
        for (Pass pass : passes) {
            int[] lut = pass.transformed;
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
