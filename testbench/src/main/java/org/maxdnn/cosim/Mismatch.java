package org.maxdnn.cosim;

/**
 * One output where the RTL and the golden model disagree: a partial sum of tile (oc tile, k tile)
 * for its streamed im2col row {@code pixel} (a tile streams a batch of images: the row is the
 * image's output pixel (oy, ox)) and array {@code column} → output {@code channel} (-1 for an idle
 * column), or (stage "layer") a whole accumulator, or (stage "logits") a final FC output.
 */
public record Mismatch(String stage, int image, String layer, int ocTile, int kTile, int pixel, int oy, int ox,
                       int column, int channel, long expected, long actual) {
    public String describe() {
        return switch (stage) {
            case "tile" -> String.format("image %d, layer %s, tile (oc %d, k %d), row %d = pixel (%d,%d), %s: expected %d, "
                    + "RTL %d", image, layer, ocTile, kTile, pixel, oy, ox,
                    channel >= 0 ? "column -> channel " + channel : "idle column " + column, expected, actual);
            case "logits" -> String.format("image %d, FC output %d: expected %d, RTL-in-the-loop %d", image, channel,
                    expected, actual);
            default -> String.format("image %d, layer %s, pixel (%d,%d), channel %d: expected accumulator %d, RTL %d",
                    image, layer, oy, ox, channel, expected, actual);
        };
    }
}
