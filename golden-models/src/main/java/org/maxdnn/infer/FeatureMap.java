package org.maxdnn.infer;

/** The height, width and channels of one image's HWC activation tensor (batch 1). */
public record FeatureMap(int h, int w, int c) {
    public int elements() {
        return h * w * c;
    }
}
