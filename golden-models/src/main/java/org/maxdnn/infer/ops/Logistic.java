package org.maxdnn.infer.ops;

import org.maxdnn.model.OpType;

/**
 * LOGISTIC on 8-bit tensors. {@code runtime}: the x86 interpreter's lookup table, 1/(1 + e^−x) of
 * each dequantized code in float, rounded to the output (activations.cc PopulateLookupTable).
 * {@code reference}: TFLite's reference_integer_ops::Logistic in gemmlowp fixed point
 * (not yet: both variants use the table; see docs/design/operators.md).
 */
public final class Logistic {
    private Logistic() {
    }

    public static Lookup prepare(OperatorContext c) {
        return FloatTable.prepare(c, OpType.LOGISTIC, x -> (float) (1.0 / (1.0 + Math.exp(-x))));
    }
}
