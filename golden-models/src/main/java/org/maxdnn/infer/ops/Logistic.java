package org.maxdnn.infer.ops;

import java.util.function.IntUnaryOperator;
import org.maxdnn.infer.QuantizedMultiplier;
import org.maxdnn.infer.Rounding;
import org.maxdnn.model.ElementType;
import org.maxdnn.model.OpType;
import org.maxdnn.model.Quantization;
import org.maxdnn.model.TensorInfo;

/**
 * LOGISTIC on 8-bit tensors. {@code runtime}: the x86 interpreter's lookup table, 1/(1 + e^−x) of
 * each dequantized code in float, rounded to the output (activations.cc PopulateLookupTable).
 * {@code reference} (int8): TFLite's reference_integer_ops::Logistic as TFLite Micro prepares it —
 * the input rescaled to Q4.27, gemmlowp's fixed-point logistic, the Q0.31 result divided down to the
 * output's 1/256 steps with zero point −128; inputs beyond the radius the Q4.27 range holds saturate.
 * The two differ by one output step on some codes (docs/design/operators.md). A uint8 tensor uses the
 * table in both variants.
 */
public final class Logistic {
    /** Integer bits of the fixed-point input (kInputIntegerBits). */
    static final int INPUT_INTEGER_BITS = 4;

    private Logistic() {
    }

    public static Lookup prepare(OperatorContext c) {
        if (c.rounding() == Rounding.REFERENCE && c.input(0).type() == ElementType.INT8) {
            return reference(c, OpType.LOGISTIC, 1f / 256, -128,
                    q4 -> QuantizedMultiplier.roundingDivideByPot(FixedPointMath.logistic(q4, INPUT_INTEGER_BITS), 23)
                            - 128);
        }
        return FloatTable.prepare(c, OpType.LOGISTIC, x -> (float) (1.0 / (1.0 + Math.exp(-x))));
    }

    /**
     * An int8 reference kernel of gemmlowp fixed point (LOGISTIC, TANH), prepared as TFLite Micro's
     * CalculateArithmeticOpData: the input minus its zero point times the multiplier of s_in·2^27
     * gives Q4.27 ({@code toOutput} maps it to the output code); codes at or beyond the radius
     * floor(15·2^27 / 2^shift) give the output's ends. The kernel writes a fixed output
     * quantization, which the model's must be.
     */
    static Lookup reference(OperatorContext c, OpType op, float outScale, int outZeroPoint, IntUnaryOperator toOutput) {
        TensorInfo in = c.input(0);
        TensorInfo out = c.output(0);
        Quantization qi = c.int8(in, "input");
        Quantization qo = c.int8(out, "output");
        if (qo.scale() != outScale || qo.zeroPoint() != outZeroPoint) {
            throw c.error("output " + out.name() + " is quantised with scale " + qo.scale() + " and zero point "
                    + qo.zeroPoint() + "; the reference int8 " + op + " kernel writes scale " + outScale
                    + " and zero point " + outZeroPoint);
        }
        QuantizedMultiplier toQ4 = QuantizedMultiplier.of((double) qi.scale() * (1 << (31 - INPUT_INTEGER_BITS)));
        double radius = Math.floor(Math.scalb((double) ((1 << INPUT_INTEGER_BITS) - 1), 31 - INPUT_INTEGER_BITS
                - toQ4.shift()));
        int zi = qi.zeroPoint();
        return Lookup.of(c, op, x -> {
            int v = x - zi;
            if (v <= -radius) {
                return -128;
            }
            if (v >= radius) {
                return 127;
            }
            return Math.max(-128, Math.min(127, toOutput.applyAsInt(toQ4.apply(v))));
        });
    }
}
