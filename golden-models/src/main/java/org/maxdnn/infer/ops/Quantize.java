package org.maxdnn.infer.ops;

import org.maxdnn.infer.QuantizedMultiplier;
import org.maxdnn.infer.UnaryLayer;
import org.maxdnn.infer.Workspace;
import org.maxdnn.model.ElementType;
import org.maxdnn.model.OpType;
import org.maxdnn.model.Quantization;
import org.maxdnn.model.TensorInfo;

/**
 * QUANTIZE as TFLite's quantize.cc: a float32 input becomes round(x / scale) + zero point (the
 * division in double, rounded half away from zero, clamped: AffineQuantize); a quantized input
 * (int8, uint8, int16) is requantized with the multiplier of s_in / s_out (Requantize).
 */
public record Quantize(String name, int input, int output, boolean fromFloat, double scale, boolean unsigned,
                       int inZeroPoint,
                       QuantizedMultiplier multiplier, int zeroPoint, int min, int max) implements UnaryLayer {
    public static Quantize prepare(OperatorContext c) {
        TensorInfo in = c.input(0);
        TensorInfo out = c.output(0);
        Quantization qo = Values.perTensor(c, out, "output");
        int[] range = Values.range(c, out);
        if (in.elements() != out.elements()) {
            throw c.error("input " + in.shapeText() + " and output " + out.shapeText() + " differ");
        }
        if (in.type() == ElementType.FLOAT32) {
            return new Quantize(c.name(), in.index(), out.index(), true, qo.scale(), false, 0, null, qo.zeroPoint(),
                    range[0], range[1]);
        }
        Quantization qi = Values.perTensor(c, in, "input");
        Values.range(c, in);
        QuantizedMultiplier m = QuantizedMultiplier.of((double) qi.scale() / (double) qo.scale());
        return new Quantize(c.name(), in.index(), out.index(), false, 0, Values.isUnsigned(in), qi.zeroPoint(), m,
                qo.zeroPoint(),
                range[0], range[1]);
    }

    @Override
    public OpType op() {
        return OpType.QUANTIZE;
    }

    @Override
    public void run(Workspace ws) {
        Object out = ws.data(output);
        if (fromFloat) {
            float[] x = ws.floats(input);
            for (int i = 0; i < x.length; i++) {
                double q = Values.roundHalfAway(x[i] / scale) + zeroPoint;
                Values.store(out, i, (int) Math.max(min, Math.min(max, q)));
            }
        } else {
            Object in = ws.data(input);
            int n = java.lang.reflect.Array.getLength(in);
            for (int i = 0; i < n; i++) {
                int v = multiplier.apply(Values.load(in, i, unsigned) - inZeroPoint) + zeroPoint;
                Values.store(out, i, Math.max(min, Math.min(max, v)));
            }
        }
    }
}
