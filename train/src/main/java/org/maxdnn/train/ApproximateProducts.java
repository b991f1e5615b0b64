package org.maxdnn.train;

import ai.djl.ndarray.NDArray;
import org.maxdnn.infer.ConvLayer;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.mult.ProductTerms;
import org.maxdnn.mult.MultiplierRegistry;

/**
 * What a layer's approximate multipliers change in its int32 accumulators: for integer activation
 * codes x and weights w, Σ [f(x, w) − f(x_zp, w)] − Σ (x − x_zp)·w over each output's taps (SPEC §4),
 * as an [N, outC, outH, outW] array of integers. The trainer adds it to the exact convolution behind
 * a stop-gradient, so the forward pass sees the approximate products and the backward pass the
 * exact ones (the straight-through estimator).
 */
interface ApproximateProducts {
    /**
     * @param codes   the layer's input codes [N, C, H, W]
     * @param weights its integer weights [outC, depth, kh, kw]
     * @param exact   Σ (x − x_zp)·w, the exact accumulators of the same codes and weights
     */
    NDArray error(NDArray codes, NDArray weights, NDArray exact);

    /**
     * The path for the map's multipliers on this layer: none when all are exact; multipliers made of
     * product terms (exact, roup, roupc) as convolutions of transformed operands; tables (EvoApprox,
     * ALWANN) through the golden model's own kernels.
     */
    static ApproximateProducts of(ConvLayer layer, ApproxMap map, MultiplierRegistry registry, Geometry geometry) {
        MultiplierConfig[][] configs = map.resolve(layer);
        if (ApproxMap.allExact(configs)) {
            return null;
        }
        ProductTerms[][] terms = new ProductTerms[configs.length][configs[0].length];
        for (int oc = 0; oc < configs.length; oc++) {
            for (int j = 0; j < configs[oc].length; j++) {
                if (!(registry.get(configs[oc][j]) instanceof ProductTerms t)) {
                    return new GoldenKernelProducts(layer, configs, registry);
                }
                terms[oc][j] = t;
            }
        }
        return new TermProducts(layer, terms, geometry);
    }
}
