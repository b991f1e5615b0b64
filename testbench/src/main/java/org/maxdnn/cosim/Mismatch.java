package org.maxdnn.cosim;

/**
 * One output where the RTL and the golden model disagree: a partial sum of {@code tile} (where the
 * fold sits in its layer's tiling) for its streamed im2col row {@code pixel} (a tile streams a batch
 * of inputs: the row is the input's output pixel (oy, ox)) and array {@code column} → output
 * {@code channel} (-1 for an idle column), or (stage "layer") a whole accumulator, or (stages
 * "logits", "output") an element of the network's logits or output tensor.
 */
public record Mismatch(String stage, int image, String layer, String tile, int pixel, int oy, int ox, int column,
                       int channel, long expected, long actual) {
    public String describe() {
        return switch (stage) {
            case "tile" -> String.format("image %d, layer %s, %s, row %d = pixel (%d,%d), %s: expected %d, RTL %d", image,
                    layer, tile, pixel, oy, ox, channel >= 0 ? "column " + column + " -> channel " + channel
                            : "idle column " + column, expected, actual);
            case "int8" -> String.format("image %d, layer %s, pixel %d (%d,%d), channel %d: expected int8 %d, accelerator %d",
                    image, layer, pixel, oy, ox, channel, expected, actual);
            case "logits", "output" -> String.format("image %d, network %s %d: expected %d, RTL-in-the-loop %d", image,
                    stage, channel, expected, actual);
            default -> String.format("image %d, layer %s, pixel (%d,%d), channel %d: expected accumulator %d, RTL %d",
                    image, layer, oy, ox, channel, expected, actual);
        };
    }
}
