package org.maxdnn.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.maxdnn.infer.ConvLayer;
import org.maxdnn.mult.ProductTerms;

/**
 * Multipliers whose products are sums of terms weight · φ(x) ({@link ProductTerms}: exact, roup,
 * roupc): f(x, w) − f(x_zp, w) = Σ_k g_k(w) · (φ_k(x) − φ_k(x_zp)), so a layer's approximate
 * accumulators are one ordinary convolution per kind φ_k of the transformed codes with the weights
 * g_k(w) of every kernel's terms of that kind — for roup-pPrR one kind, x_R with w_P (SPEC §3.2).
 * Padding is 0 in φ_k(x) − φ_k(x_zp), where the hardware feeds x_zp.
 */
final class TermProducts implements ApproximateProducts {
    private final ConvLayer layer;
    private final ProductTerms[][] terms;
    private final Geometry geometry;

    /** {@code terms} is [outC][filterDepth]: each kernel's multiplier. */
    TermProducts(ConvLayer layer, ProductTerms[][] terms, Geometry geometry) {
        this.layer = layer;
        this.terms = terms;
        this.geometry = geometry;
    }

    @Override
    public NDArray error(NDArray codes, NDArray weights, NDArray exact) {
        float[] w = weights.toFloatArray();
        int depth = layer.filterDepth();
        int taps = layer.kh() * layer.kw();
        Map<ProductTerms.Kind, float[]> byKind = new LinkedHashMap<>();
        for (int oc = 0; oc < layer.outC(); oc++) {
            for (int j = 0; j < depth; j++) {
                ProductTerms f = terms[oc][j];
                int base = (oc * depth + j) * taps;
                for (int t = 0; t < taps; t++) {
                    int at = base + t;
                    f.terms((int) w[at], (kind, g) -> byKind.computeIfAbsent(kind, k -> new float[w.length])[at] += g);
                }
            }
        }
        Shape shape = weights.getShape();
        List<NDArray> parts = new ArrayList<>();
        int zp = layer.inZeroPoint();
        byKind.forEach((kind, g) -> {
            NDArray x = transformed(codes, kind).sub(kind.apply(zp));
            parts.add(geometry.convolve(x, codes.getManager().create(g, shape), null));
        });
        NDArray approx = parts.isEmpty() ? exact.zerosLike() : parts.get(0);
        for (int i = 1; i < parts.size(); i++) {
            approx = approx.add(parts.get(i));
        }
        return approx.sub(exact);
    }

    /** φ(x) = ((m·x + c) >> s) << s on integer codes (floor division is the arithmetic shift). */
    private static NDArray transformed(NDArray codes, ProductTerms.Kind k) {
        NDArray v = k.m() == 1 ? codes : codes.mul(k.m());
        if (k.c() != 0) {
            v = v.add(k.c());
        }
        return k.s() == 0 ? v : v.div(1 << k.s()).floor().mul(1 << k.s());
    }
}
