package org.maxdnn.infer.ops;

import org.maxdnn.infer.FeatureMap;
import org.maxdnn.infer.Layer;
import org.maxdnn.infer.Window;
import org.maxdnn.model.Activation;
import org.maxdnn.model.BuiltinOptions;
import org.maxdnn.model.Padding;
import org.maxdnn.model.TensorInfo;

/**
 * DEPTHWISE_CONV_2D as TFLite's reference integer_ops/depthwise_conv.h: filter [1, kh, kw, C·m],
 * output channel oc = ic·m + k reads input channel ic; kept as a grouped convolution with one group
 * per input channel, its weights transposed to [oc][kh][kw]. The x86 runtime's own depthwise kernel
 * keeps the reference double rounding, so both rounding variants compute the same.
 */
public final class DepthwiseConv2D {
    private DepthwiseConv2D() {
    }

    /** DepthwiseConv2DOptions: padding, stride_w, stride_h, depth_multiplier, activation, dilation w and h. */
    public record Options(Padding padding, int strideH, int strideW, int depthMultiplier, Activation activation) {
        public static Options parse(OperatorContext c) {
            BuiltinOptions o = c.options();
            if (o.int32At(5, 1) != 1 || o.int32At(6, 1) != 1) {
                throw c.error("dilated convolution is not supported");
            }
            Options opt = new Options(c.padding(o.int8At(0, 0)), o.int32At(2, 0), o.int32At(1, 0), o.int32At(3, 0),
                    c.activation(o.int8At(4, 0)));
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
        int m = opt.depthMultiplier;
        if (ws.length != 4 || ws[0] != 1 || ws[3] != out.c() || out.c() != in.c() * m) {
            throw c.error("filter shape " + w.shapeText() + " with depth multiplier " + m
                    + " does not fit input " + input.shapeText() + " and output " + output.shapeText());
        }
        int kh = ws[1];
        int kw = ws[2];
        int outC = ws[3];
        byte[] ohwi = new byte[w.data().length];
        for (int t = 0; t < ohwi.length / outC; t++) {
            for (int oc = 0; oc < outC; oc++) {
                ohwi[oc * kh * kw + t] = w.data()[t * outC + oc];
            }
        }
        Window window = Conv2D.checkedWindow(c, opt.padding, in, out, kh, kw, opt.strideH, opt.strideW, output);
        return WeightedLayers.prepare(c, input, w, output, ohwi, in, out, window, in.c(), opt.activation,
                (qi, qw, qo, ch) -> (double) qi.scale() * (double) qw.scale(ch) / (double) qo.scale(), false);
    }
}
