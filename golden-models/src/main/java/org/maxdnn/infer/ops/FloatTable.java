package org.maxdnn.infer.ops;

import org.maxdnn.model.OpType;
import org.maxdnn.model.Quantization;
import org.maxdnn.model.TensorInfo;

/**
 * TFLite's PopulateLookupTable (activations.cc): each input code dequantized in float, transformed,
 * scaled by 1/s_out in float, rounded half away from zero, offset by the output zero point, clamped.
 */
final class FloatTable {
    private FloatTable() {
    }

    /** A float function of a float. */
    @FunctionalInterface
    interface Transform {
        float of(float x);
    }

    static Lookup prepare(OperatorContext c, OpType op, Transform f) {
        TensorInfo in = c.input(0);
        TensorInfo out = c.output(0);
        Quantization qi = Values.perTensor(c, in, "input");
        Quantization qo = Values.perTensor(c, out, "output");
        int[] range = Values.range(c, out);
        float inverse = 1 / qo.scale();
        return Lookup.of(c, op, x -> {
            float dequantized = qi.scale() * (x - qi.zeroPoint());
            float rescaled = (float) Values.roundHalfAway(f.of(dequantized) * inverse);
            int q = (int) (rescaled + qo.zeroPoint());
            return Math.max(range[0], Math.min(range[1], q));
        });
    }
}
