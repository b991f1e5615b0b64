package org.maxdnn.infer.ops;

import org.maxdnn.infer.QuantizedMultiplier;
import org.maxdnn.infer.UnaryLayer;
import org.maxdnn.infer.Workspace;
import org.maxdnn.model.OpType;
import org.maxdnn.model.Quantization;
import org.maxdnn.model.TensorInfo;

/**
 * MEAN (and SUM, {@link Sum}) of int8 values over constant axes (ReducerOptions: keep_dims), as
 * TFLite 2.6's reduce.cc chooses its kernel, the same in both rounding variants (the x86 interpreter
 * was measured to compute these, not its optimized float-bias Mean):
 * <ul>
 * <li>keep_dims over height and width of a rank-4 tensor: reference_integer_ops::Mean, Σ(x − zp_in)
 * scaled by s_in/s_out, then divided by the count rounded half away from zero;</li>
 * <li>otherwise, with input and output quantized alike: the integer mean, Σx / count truncated;</li>
 * <li>otherwise QuantizedMeanOrSum in float (2.6 adds no half before rounding):
 * round(Σx/count · s − zp_in·s) + zp_out, s = s_in/s_out, clamped;</li>
 * <li>SUM: round(Σx · s − zp_in·s·count) + zp_out, not clamped (the int8 store wraps), as TFLite's
 * kernel; with input and output quantized alike, the plain int8 sum, wrapping.</li>
 * </ul>
 *
 * @param group for each input element, the output element it adds to
 */
public record Mean(String name, OpType op, int input, int output, int[] group, int count, Kind kind, int inZeroPoint,
                   int outZeroPoint, QuantizedMultiplier multiplier, float scale, float floatBias)
        implements UnaryLayer {
    /** Which of TFLite's kernels computes it. */
    public enum Kind { SPATIAL, INTEGER_MEAN, FLOAT_MEAN, INTEGER_SUM, FLOAT_SUM }

    public static Mean prepare(OperatorContext c) {
        return prepare(c, OpType.MEAN);
    }

    static Mean prepare(OperatorContext c, OpType op) {
        boolean keepDims = c.op().options().int8At(0, 0) != 0;
        TensorInfo in = c.input(0);
        TensorInfo out = c.output(0);
        Quantization qi = c.int8(in, "input");
        Quantization qo = c.int8(out, "output");
        int[] is = in.shape();
        boolean[] reduced = new boolean[is.length];
        for (int a : Shapes.constantInts(c, c.input(1), "axis")) {
            reduced[Shapes.axis(c, a, is.length)] = true;
        }
        int[] strides = Shapes.strides(is);
        int[] group = new int[in.elements()];
        int[] coords = new int[is.length];
        int outputs = 1;
        for (int d = 0; d < is.length; d++) {
            outputs *= reduced[d] ? 1 : is[d];
        }
        for (int i = 0; i < group.length; i++) {
            Shapes.coordinates(i, is, coords);
            int k = 0;
            for (int d = 0; d < is.length; d++) {
                k = reduced[d] ? k : k * is[d] + coords[d];
            }
            group[i] = k;
        }
        if (out.elements() != outputs) {
            throw c.error("output " + out.shapeText() + " does not match reducing " + in.shapeText());
        }
        int count = in.elements() / Math.max(outputs, 1);
        boolean spatial = keepDims && is.length == 4 && reduced[1] && reduced[2] && !reduced[0] && !reduced[3];
        float s = qi.scale() / qo.scale();
        Kind kind;
        QuantizedMultiplier m = null;
        float floatBias = 0;
        boolean alike = qi.scale() == qo.scale() && qi.zeroPoint() == qo.zeroPoint();
        if (op == OpType.SUM && alike) {
            kind = Kind.INTEGER_SUM;
        } else if (op == OpType.SUM) {
            kind = Kind.FLOAT_SUM;
            floatBias = -qi.zeroPoint() * s * count;
        } else if (spatial) {
            kind = Kind.SPATIAL;
            m = QuantizedMultiplier.of((double) qi.scale() / (double) qo.scale());
        } else if (alike) {
            kind = Kind.INTEGER_MEAN;
        } else {
            kind = Kind.FLOAT_MEAN;
            floatBias = -qi.zeroPoint() * s;
        }
        return new Mean(c.name(), op, in.index(), out.index(), group, count, kind, qi.zeroPoint(), qo.zeroPoint(), m,
                s, floatBias);
    }

    @Override
    public void run(Workspace ws) {
        byte[] in = ws.tensor(input);
        byte[] out = ws.tensor(output);
        int[] sum = new int[out.length];
        int offset = kind == Kind.SPATIAL ? inZeroPoint : 0;
        for (int i = 0; i < in.length; i++) {
            sum[group[i]] += in[i] - offset;
        }
        for (int o = 0; o < out.length; o++) {
            int v = switch (kind) {
                case SPATIAL -> {
                    int acc = multiplier.apply(sum[o]);
                    acc = acc > 0 ? (acc + count / 2) / count : (acc - count / 2) / count;
                    yield clamp(acc + outZeroPoint);
                }
                case INTEGER_MEAN -> sum[o] / count;
                case INTEGER_SUM -> sum[o];
                case FLOAT_MEAN -> {
                    float mean = (float) sum[o] / (float) count;
                    yield clamp((int) (Values.roundHalfAway(mean * scale + floatBias) + outZeroPoint));
                }
                case FLOAT_SUM -> (int) Values.roundHalfAway(sum[o] * scale + floatBias) + outZeroPoint;
            };
            out[o] = (byte) v;
        }
    }

    private static int clamp(int v) {
        return Math.max(-128, Math.min(127, v));
    }
}
