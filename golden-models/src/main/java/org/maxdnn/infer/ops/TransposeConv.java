package org.maxdnn.infer.ops;

import org.maxdnn.infer.FeatureMap;
import org.maxdnn.infer.Layer;
import org.maxdnn.infer.Window;
import org.maxdnn.model.TensorInfo;

/**
 * TRANSPOSE_CONV as TFLite's int8 kernel (inputs: output shape, weights [C_out, kh, kw, C_in]
 * per-channel, input, optional int32 bias; TransposeConvOptions: padding, stride_w, stride_h): each
 * input pixel scatters (x − zp)·w into the output at stride s, padding computed as a convolution
 * from the output back to the input would pad it. Prepared as the equivalent convolution the array
 * runs: stride 1 over the input zero-stuffed with s − 1 holes between pixels, the kernel flipped,
 * padding kh − 1 − pad before; the holes, fed the zero point, add nothing, exactly or under a map.
 * Named {@code tconv0…} and approximated like a convolution.
 */
public final class TransposeConv {
    private TransposeConv() {
    }

    public static Layer prepare(OperatorContext c) {
        // TransposeConvOptions: padding, stride_w, stride_h, fused activation, as Conv2DOptions begins
        Conv2D.Options opt = Conv2D.Options.parse(c);
        TensorInfo w = c.input(1);
        TensorInfo input = c.input(2);
        TensorInfo output = c.output(0);
        FeatureMap in = c.nhwc(input);
        FeatureMap out = c.nhwc(output);
        int[] ws = w.shape();
        if (ws.length != 4 || ws[3] != in.c() || ws[0] != out.c()) {
            throw c.error("filter shape " + w.shapeText() + " does not fit input " + input.shapeText()
                    + " and output " + output.shapeText());
        }
        int kh = ws[1];
        int kw = ws[2];
        // the output must be what the padding mode makes of the input at this stride
        if (opt.padding().outputSize(out.h(), kh, opt.strideH()) != in.h()
                || opt.padding().outputSize(out.w(), kw, opt.strideW()) != in.w()) {
            throw c.error("output " + output.shapeText() + " is not what " + opt.padding() + " padding at stride "
                    + opt.strideH() + "x" + opt.strideW() + " makes of input " + input.shapeText());
        }
        int padTop = opt.padding().before(out.h(), kh, opt.strideH());
        int padLeft = opt.padding().before(out.w(), kw, opt.strideW());
        byte[] flipped = new byte[w.data().length];
        int depth = in.c();
        for (int oc = 0; oc < out.c(); oc++) {
            for (int ky = 0; ky < kh; ky++) {
                for (int kx = 0; kx < kw; kx++) {
                    System.arraycopy(w.data(), ((oc * kh + ky) * kw + kx) * depth, flipped,
                            ((oc * kh + kh - 1 - ky) * kw + kw - 1 - kx) * depth, depth);
                }
            }
        }
        Window window = new Window(kh, kw, 1, 1, kh - 1 - padTop, kw - 1 - padLeft, opt.strideH(), opt.strideW());
        return WeightedLayers.prepare(c, input, w, output, flipped, in, out, window, 1, opt.activation(),
                (qi, qw, qo, ch) -> (double) qi.scale() * (double) qw.scale(ch) / (double) qo.scale(), false, 3);
    }
}
