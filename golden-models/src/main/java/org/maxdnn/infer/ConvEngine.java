package org.maxdnn.infer;

/**
 * Computes a conv layer's int32 accumulators (acc + bias, HWC) from its int8 input in place of the
 * golden kernel — the hook through which cosimulation runs layers on the generated hardware while
 * the rest of the network runs in Java. The plan requantises the result as it would its own.
 */
@FunctionalInterface
public interface ConvEngine {
    /** @return null to let the golden kernel compute this layer */
    int[] accumulators(ConvLayer layer, byte[] input);
}
