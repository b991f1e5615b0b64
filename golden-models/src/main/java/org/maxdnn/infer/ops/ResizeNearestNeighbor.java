package org.maxdnn.infer.ops;

import org.maxdnn.infer.FeatureMap;
import org.maxdnn.model.BuiltinOptions;
import org.maxdnn.model.OpType;
import org.maxdnn.model.TensorInfo;

/**
 * RESIZE_NEAREST_NEIGHBOR of a [1, H, W, C] tensor to the size its output has
 * (ResizeNearestNeighborOptions: align_corners, half_pixel_centers), each output pixel the input
 * pixel TFLite's reference kernel picks (scale and offset in float); values move as stored.
 */
public final class ResizeNearestNeighbor {
    private ResizeNearestNeighbor() {
    }

    public static Rearrangement prepare(OperatorContext c) {
        BuiltinOptions o = c.op().options();
        boolean alignCorners = o.int8At(0, 0) != 0;
        boolean halfPixel = o.int8At(1, 0) != 0;
        TensorInfo input = c.input(0);
        TensorInfo output = c.output(0);
        FeatureMap in = c.nhwc(input);
        FeatureMap out = c.nhwc(output);
        if (in.c() != out.c() || input.type() != output.type()) {
            throw c.error("input " + input.shapeText() + " and output " + output.shapeText() + " differ in channels or type");
        }
        int[] map = new int[out.elements()];
        int i = 0;
        for (int y = 0; y < out.h(); y++) {
            int iy = nearest(y, in.h(), out.h(), alignCorners, halfPixel);
            for (int x = 0; x < out.w(); x++) {
                int ix = nearest(x, in.w(), out.w(), alignCorners, halfPixel);
                for (int ch = 0; ch < out.c(); ch++) {
                    map[i++] = (iy * in.w() + ix) * in.c() + ch;
                }
            }
        }
        return new Rearrangement(c.name(), OpType.RESIZE_NEAREST_NEIGHBOR, new int[] {input.index()},
                new int[] {output.index()}, new int[][] {map}, 0);
    }

    /** TFLite's GetNearestNeighbor. */
    private static int nearest(int value, int inSize, int outSize, boolean alignCorners, boolean halfPixel) {
        float scale = alignCorners && outSize > 1 ? (inSize - 1) / (float) (outSize - 1) : inSize / (float) outSize;
        float offset = halfPixel ? 0.5f : 0.0f;
        float position = (value + offset) * scale;
        int v = Math.min(alignCorners ? (int) Values.roundHalfAway(position) : (int) Math.floor(position), inSize - 1);
        return halfPixel ? Math.max(0, v) : v;
    }
}
