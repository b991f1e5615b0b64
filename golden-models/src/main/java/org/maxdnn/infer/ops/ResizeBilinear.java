package org.maxdnn.infer.ops;

import org.maxdnn.infer.FeatureMap;
import org.maxdnn.infer.UnaryLayer;
import org.maxdnn.infer.Workspace;
import org.maxdnn.model.BuiltinOptions;
import org.maxdnn.model.OpType;
import org.maxdnn.model.Quantization;
import org.maxdnn.model.TensorInfo;

/**
 * RESIZE_BILINEAR of an int8 [1, H, W, C] tensor as TFLite's reference_ops::ResizeBilinearInteger:
 * positions in 10-bit fixed point (ResizeBilinearOptions: align_corners, half_pixel_centers), the four
 * neighbours weighted in 20 bits, rounded half away from zero; input and output quantized alike.
 *
 * @param y per output row: the scaled position and the rows below and above it
 */
public record ResizeBilinear(String name, int input, int output, FeatureMap in, FeatureMap out, int[][] y, int[][] x)
        implements UnaryLayer {
    public static ResizeBilinear prepare(OperatorContext c) {
        BuiltinOptions o = c.op().options();
        // slots 0 and 1 are the deprecated new_height and new_width
        boolean alignCorners = o.int8At(2, 0) != 0;
        boolean halfPixel = o.int8At(3, 0) != 0;
        TensorInfo input = c.input(0);
        TensorInfo output = c.output(0);
        FeatureMap in = c.nhwc(input);
        FeatureMap out = c.nhwc(output);
        Quantization qi = c.int8(input, "input");
        Quantization qo = c.int8(output, "output");
        if (in.c() != out.c() || qi.scale() != qo.scale() || qi.zeroPoint() != qo.zeroPoint()) {
            throw c.error("input " + input.shapeText() + " and output " + output.shapeText()
                    + " must have the same channels and quantization");
        }
        return new ResizeBilinear(c.name(), input.index(), output.index(), in, out,
                positions(in.h(), out.h(), alignCorners, halfPixel), positions(in.w(), out.w(), alignCorners, halfPixel));
    }

    /** TFLite's ComputeInterpolationValuesInteger for every output position: {scaled, lower, upper}. */
    private static int[][] positions(int inSize, int outSize, boolean alignCorners, boolean halfPixel) {
        int scale10 = alignCorners && outSize > 1 ? ((1 << 10) * (inSize - 1) + (outSize - 1) / 2) / (outSize - 1)
                : ((1 << 10) * inSize + outSize / 2) / outSize;
        int[][] p = new int[outSize][];
        for (int v = 0; v < outSize; v++) {
            int scaled = halfPixel ? v * scale10 + scale10 / 2 - (1 << 9) : v * scale10;
            p[v] = new int[] {scaled, Math.max(scaled / (1 << 10), 0),
                Math.min((scaled + (1 << 10) - 1) / (1 << 10), inSize - 1)};
        }
        return p;
    }

    @Override
    public OpType op() {
        return OpType.RESIZE_BILINEAR;
    }

    @Override
    public void run(Workspace ws) {
        byte[] src = ws.tensor(input);
        byte[] dst = ws.tensor(output);
        int channels = in.c();
        int o = 0;
        for (int[] py : y) {
            long dy = py[0] - (1L << 10) * py[1];
            for (int[] px : x) {
                long dx = px[0] - (1L << 10) * px[1];
                int ll = (py[1] * in.w() + px[1]) * channels;
                int lu = (py[2] * in.w() + px[1]) * channels;
                int rl = (py[1] * in.w() + px[2]) * channels;
                int ru = (py[2] * in.w() + px[2]) * channels;
                for (int ch = 0; ch < channels; ch++, o++) {
                    long v = src[ll + ch] * ((1 << 10) - dy) * ((1 << 10) - dx) + src[lu + ch] * dy * ((1 << 10) - dx)
                            + src[rl + ch] * ((1 << 10) - dy) * dx + src[ru + ch] * dy * dx;
                    long round = v > 0 ? 1 << 19 : -(1 << 19);
                    dst[o] = (byte) ((v + round) / (1 << 20));
                }
            }
        }
    }
}
