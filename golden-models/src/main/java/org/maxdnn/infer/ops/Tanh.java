package org.maxdnn.infer.ops;

import org.maxdnn.infer.QuantizedMultiplier;
import org.maxdnn.infer.Rounding;
import org.maxdnn.model.ElementType;
import org.maxdnn.model.OpType;

/**
 * TANH on 8-bit tensors: as {@link Logistic}, with tanh; the reference int8 kernel
 * (reference_integer_ops::Tanh) writes the Q0.31 result in 1/128 steps with zero point 0.
 */
public final class Tanh {
    private Tanh() {
    }

    public static Lookup prepare(OperatorContext c) {
        if (c.rounding() == Rounding.REFERENCE && c.input(0).type() == ElementType.INT8) {
            return Logistic.reference(c, OpType.TANH, 1f / 128, 0,
                    q4 -> QuantizedMultiplier.roundingDivideByPot(FixedPointMath.tanh(q4, Logistic.INPUT_INTEGER_BITS),
                            24));
        }
        return FloatTable.prepare(c, OpType.TANH, x -> (float) Math.tanh(x));
    }
}
