package org.maxdnn.infer.ops;

import org.maxdnn.infer.FeatureMap;
import org.maxdnn.infer.UnaryLayer;

import org.maxdnn.infer.Window;
import org.maxdnn.infer.Workspace;
import org.maxdnn.model.Activation;
import org.maxdnn.model.BuiltinOptions;
import org.maxdnn.model.ElementType;
import org.maxdnn.model.OpType;
import org.maxdnn.model.Padding;
import org.maxdnn.model.Quantization;
import org.maxdnn.model.TensorInfo;

/**
 * AVERAGE_POOL_2D or MAX_POOL_2D as prepared by {@link AveragePool2D} or {@link MaxPool2D}: Pool2DOptions (padding, stride_w, stride_h,
 * filter_width, filter_height, fused activation), the window over an HWC input, and int8 (or int16,
 * 16x8) input and output in the same quantization (the integer pooling kernels do not rescale).
 */
public record Pool2D(String name, OpType op, int input, int output, FeatureMap in, FeatureMap out, Window window,
                     int actMin, int actMax) implements UnaryLayer {
    /** Pool2DOptions. */
    public record Options(Padding padding, int strideH, int strideW, int filterH, int filterW, Activation activation) {
        public static Options parse(OperatorContext c) {
            BuiltinOptions o = c.options();
            Options opt = new Options(c.padding(o.int8At(0, 0)), o.int32At(2, 0), o.int32At(1, 0), o.int32At(4, 0),
                    o.int32At(3, 0), c.activation(o.int8At(5, 0)));
            c.requireStrides(opt.strideH, opt.strideW);
            return opt;
        }
    }

    static Pool2D prepare(OperatorContext c, OpType op) {
        Options opt = Options.parse(c);
        Padding padding = opt.padding;
        int strideW = opt.strideW;
        int strideH = opt.strideH;
        int filterW = opt.filterW;
        int filterH = opt.filterH;
        TensorInfo input = c.input(0);
        TensorInfo output = c.output(0);
        FeatureMap in = c.nhwc(input);
        FeatureMap out = c.nhwc(output);
        if (input.type() != ElementType.INT16) {
            c.int8(input, "input");
        }
        Quantization qi = Values.perTensor(c, input, "input");
        Quantization qo = Values.perTensor(c, output, "output");
        if (output.type() != input.type()) {
            throw c.error("input " + input.type() + " and output " + output.type() + " differ");
        }
        if (qi.scale() != qo.scale() || qi.zeroPoint() != qo.zeroPoint()) {
            throw c.error("input and output quantization differ (not supported by the integer pooling kernels)");
        }
        int outH = padding.outputSize(in.h(), filterH, strideH);
        int outW = padding.outputSize(in.w(), filterW, strideW);
        if (outH != out.h() || outW != out.w() || out.c() != in.c()) {
            throw c.error("output " + output.shapeText() + " does not match the pooling geometry");
        }
        int[] type = Values.range(c, output);
        int[] range = opt.activation.range(qo.scale(), qo.zeroPoint(), type[0], type[1]);
        return new Pool2D(c.name(), op, input.index(), output.index(), in, out,
                Window.of(padding, in.h(), in.w(), filterH, filterW, strideH, strideW), range[0], range[1]);
    }

    /** The average (on the raw stored values) or the maximum of each window, clamped to the activation range. */
    @Override
    public void run(Workspace ws) {
        Object input = ws.data(this.input);
        Object result = ws.data(output);
        boolean average = op == OpType.AVERAGE_POOL_2D;
        int channels = in.c();
        int o = 0;
        for (int oy = 0; oy < out.h(); oy++) {
            for (int ox = 0; ox < out.w(); ox++) {
                for (int c = 0; c < channels; c++, o++) {
                    int acc = average ? 0 : Integer.MIN_VALUE;
                    int count = 0;
                    for (int ky = 0; ky < window.kh(); ky++) {
                        int iy = oy * window.strideH() - window.padTop() + ky;
                        for (int kx = 0; kx < window.kw(); kx++) {
                            int ix = ox * window.strideW() - window.padLeft() + kx;
                            if (iy >= 0 && iy < in.h() && ix >= 0 && ix < in.w()) {
                                int v = Values.load(input, (iy * in.w() + ix) * channels + c, false);
                                acc = average ? acc + v : Math.max(acc, v);
                                count++;
                            }
                        }
                    }
                    if (average) {
                        // round half away from zero, as the int8 and int16 reference kernels
                        acc = acc > 0 ? (acc + count / 2) / count : (acc - count / 2) / count;
                    }
                    Values.store(result, o, acc < actMin ? actMin : Math.min(acc, actMax));
                }
            }
        }
    }
}
