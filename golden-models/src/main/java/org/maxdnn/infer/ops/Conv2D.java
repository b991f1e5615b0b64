package org.maxdnn.infer.ops;

import org.maxdnn.infer.FeatureMap;
import org.maxdnn.infer.Layer;
import org.maxdnn.infer.Rounding;
import org.maxdnn.infer.Window;
import org.maxdnn.model.Activation;
import org.maxdnn.model.BuiltinOptions;
import org.maxdnn.model.Padding;
import org.maxdnn.model.TensorInfo;

/**
 * CONV_2D as TFLite's int8 kernel: filter [C_out, kh, kw, C_in], one group, per-channel weights;
 * the real scale s_in·s_w[c]/s_out multiplied in double (PopulateConvolutionQuantizationParams).
 * The x86 runtime runs it on ruy, which rounds once in requantization.
 */
public final class Conv2D {
    private Conv2D() {
    }

    /** Conv2DOptions: padding, stride_w, stride_h, fused activation, dilation w and h. */
    public record Options(Padding padding, int strideH, int strideW, Activation activation) {
        public static Options parse(OperatorContext c) {
            BuiltinOptions o = c.options();
            if (o.int32At(4, 1) != 1 || o.int32At(5, 1) != 1) {
                throw c.error("dilated convolution is not supported");
            }
            Options opt = new Options(c.padding(o.int8At(0, 0)), o.int32At(2, 0), o.int32At(1, 0),
                    c.activation(o.int8At(3, 0)));
            c.requireStrides(opt.strideH, opt.strideW);
            return opt;
        }
    }

    public static Layer prepare(OperatorContext c) {
        Options opt = Options.parse(c);
        TensorInfo input = c.input(0);
        TensorInfo w = c.input(1);
        TensorInfo output = c.output(0);
        FeatureMap in = c.nhwc(input);
        FeatureMap out = c.nhwc(output);
        int[] ws = w.shape();
        if (ws.length != 4 || ws[3] != in.c() || ws[0] != out.c()) {
            throw c.error("filter shape " + w.shapeText() + " does not fit input " + input.shapeText()
                    + " and output " + output.shapeText());
        }
        Window window = checkedWindow(c, opt.padding, in, out, ws[1], ws[2], opt.strideH, opt.strideW, output);
        return WeightedLayers.prepare(c, input, w, output, w.data(), in, out, window, 1, opt.activation,
                (qi, qw, qo, ch) -> (double) qi.scale() * (double) qw.scale(ch) / (double) qo.scale(),
                c.rounding() == Rounding.RUNTIME);
    }

    /** The window of a convolution, its output size checked against the padding mode. */
    static Window checkedWindow(OperatorContext c, Padding padding, FeatureMap in, FeatureMap out, int kh, int kw,
                                int strideH, int strideW, TensorInfo output) {
        int outH = padding.outputSize(in.h(), kh, strideH);
        int outW = padding.outputSize(in.w(), kw, strideW);
        if (outH != out.h() || outW != out.w()) {
            throw c.error("output " + output.shapeText() + " does not match " + padding + " padding (" + outH + "x"
                    + outW + ")");
        }
        return Window.of(padding, in.h(), in.w(), kh, kw, strideH, strideW);
    }
}
