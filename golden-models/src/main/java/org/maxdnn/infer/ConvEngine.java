package org.maxdnn.infer;

import java.util.List;

/**
 * Computes a conv layer's int32 accumulators (acc + bias, HWC) from its int8 input in place of the
 * golden kernel — the hook through which cosimulation runs layers on the generated hardware while
 * the rest of the network runs in Java. It gets the layer's inputs of a whole batch of images at
 * once (hardware amortises a weight load over all of them); the plan requantises the results as it
 * would its own.
 */
@FunctionalInterface
public interface ConvEngine {
    /** @return one accumulator array per input, or null to let the golden kernel compute this layer */
    int[][] accumulators(ConvLayer layer, List<byte[]> inputs);
}
