package org.maxdnn.infer;

/**
 * Sees every conv/FC layer as it runs: its int8 input, the int32 accumulators (acc + bias before
 * requantization, HWC) and its int8 output. Cosimulation and activity capture use it; the
 * arrays are reused afterwards, so copy what you keep.
 */
@FunctionalInterface
public interface LayerTap {
    void conv(ConvLayer layer, byte[] input, int[] accumulators, byte[] output);
}
