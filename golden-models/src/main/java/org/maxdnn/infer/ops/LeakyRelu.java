package org.maxdnn.infer.ops;

import org.maxdnn.infer.QuantizedMultiplier;
import org.maxdnn.infer.UnaryLayer;
import org.maxdnn.model.OpType;
import org.maxdnn.model.Quantization;
import org.maxdnn.model.TensorInfo;

/**
 * LEAKY_RELU on 8-bit or int16 tensors as TFLite's QuantizeLeakyRelu (LeakyReluOptions: alpha): x − zp_in
 * rescaled by s_in/s_out where it is ≥ 0 and by s_in·alpha/s_out below, plus the output zero point,
 * clamped to the type.
 */
public final class LeakyRelu {
    private LeakyRelu() {
    }

    public static UnaryLayer prepare(OperatorContext c) {
        float alpha = c.options().float32At(0, 0f);
        TensorInfo in = c.input(0);
        TensorInfo out = c.output(0);
        Quantization qi = Values.perTensor(c, in, "input");
        Quantization qo = Values.perTensor(c, out, "output");
        int[] range = Values.range(c, out);
        QuantizedMultiplier identity = QuantizedMultiplier.of((double) (qi.scale() / qo.scale()));
        QuantizedMultiplier negative = QuantizedMultiplier.of((double) (qi.scale() * alpha / qo.scale()));
        int zi = qi.zeroPoint();
        int zo = qo.zeroPoint();
        return WideLookup.of(c, OpType.LEAKY_RELU, x -> {
            int v = x - zi;
            int y = zo + (v >= 0 ? identity.apply(v) : negative.apply(v));
            return Math.max(range[0], Math.min(range[1], y));
        });
    }
}
