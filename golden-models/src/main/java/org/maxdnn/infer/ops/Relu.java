package org.maxdnn.infer.ops;

import org.maxdnn.infer.QuantizedMultiplier;
import org.maxdnn.infer.UnaryLayer;
import org.maxdnn.model.OpType;
import org.maxdnn.model.Quantization;
import org.maxdnn.model.TensorInfo;

/**
 * RELU on 8-bit or int16 tensors as TFLite's activations.cc (QuantizedReluX): the input rescaled to the
 * output's scale (multiplier s_in / s_out), plus the output zero point, clamped to the real range
 * [0, ∞) in output codes. RELU6 and RELU_N1_TO_1 clamp to [0, 6] and [−1, 1] ({@link Relu6},
 * {@link ReluN1To1}).
 */
public final class Relu {
    private Relu() {
    }

    public static UnaryLayer prepare(OperatorContext c) {
        return prepare(c, OpType.RELU, 0f, Float.POSITIVE_INFINITY);
    }

    static UnaryLayer prepare(OperatorContext c, OpType op, float low, float high) {
        TensorInfo in = c.input(0);
        TensorInfo out = c.output(0);
        Quantization qi = Values.perTensor(c, in, "input");
        Quantization qo = Values.perTensor(c, out, "output");
        int[] range = Values.range(c, out);
        QuantizedMultiplier m = QuantizedMultiplier.of((double) (qi.scale() / qo.scale()));
        int min = Math.max(range[0], qo.zeroPoint() + (int) Values.roundHalfAway(low / qo.scale()));
        int max = high == Float.POSITIVE_INFINITY ? range[1]
                : Math.min(range[1], qo.zeroPoint() + (int) Values.roundHalfAway(high / qo.scale()));
        int zi = qi.zeroPoint();
        int zo = qo.zeroPoint();
        return WideLookup.of(c, op, x -> Math.max(min, Math.min(max, zo + m.apply(x - zi))));
    }
}
