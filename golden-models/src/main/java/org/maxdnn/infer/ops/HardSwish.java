package org.maxdnn.infer.ops;

import org.maxdnn.infer.QuantizedMultiplier;
import org.maxdnn.model.OpType;
import org.maxdnn.model.Quantization;
import org.maxdnn.model.TensorInfo;

/**
 * HARD_SWISH on 8-bit tensors, x·relu6(x + 3)/6, as TFLite's reference_ops::HardSwish computes it in
 * 16-bit fixed point: the input on a scale 128 times finer, a "relu-ish" factor in [0, 1] from the
 * input rescaled so that 3.0 is 32768, multiplied with the input on the output's scale, shifted
 * down; multipliers prepared in float and cut to 16 bits (activations.cc HardSwishPrepare).
 */
public final class HardSwish {
    private HardSwish() {
    }

    public static Lookup prepare(OperatorContext c) {
        TensorInfo in = c.input(0);
        TensorInfo out = c.output(0);
        Quantization qi = Values.perTensor(c, in, "input");
        Quantization qo = Values.perTensor(c, out, "output");
        int[] range = Values.range(c, out);
        float hiresInputScale = (1.0f / 128.0f) * qi.scale();
        float reluishScale = 3.0f / 32768.0f;
        QuantizedMultiplier output = QuantizedMultiplier.of(hiresInputScale / qo.scale());
        QuantizedMultiplier reluish = QuantizedMultiplier.of(hiresInputScale / reluishScale);
        if (output.shift() > 0) {
            throw c.error("output scale " + qo.scale() + " is too small for the input scale " + qi.scale()
                    + " (TFLite requires a multiplier below one)");
        }
        short outputMultiplier = toInt16(output.multiplier());
        short reluishMultiplier = toInt16(reluish.multiplier());
        int reluishExponent = reluish.shift();
        int zi = qi.zeroPoint();
        int zo = qo.zeroPoint();
        return Lookup.of(c, OpType.HARD_SWISH, x -> {
            short value = (short) (x - zi);
            short hires = (short) (value * (1 << 7));
            short preshiftOutput = srdhm(hires, outputMultiplier);
            short reluishValue = hires;
            if (reluishExponent > 0) {
                reluishValue = saturatingLeftShift(reluishValue, reluishExponent - 1);
            }
            reluishValue = srdhm(reluishValue, reluishMultiplier);
            if (reluishExponent > 0) {
                reluishValue = saturatingLeftShift(reluishValue, 1);
            }
            if (reluishExponent < 0) {
                reluishValue = (short) QuantizedMultiplier.roundingDivideByPot(reluishValue, -reluishExponent);
            }
            reluishValue = (short) ((reluishValue + (1 << 15)) >> 1);
            short preshift = sdhm(reluishValue, preshiftOutput);
            int result = QuantizedMultiplier.roundingDivideByPot(preshift, -output.shift()) + zo;
            return Math.max(range[0], Math.min(range[1], result));
        });
    }

    /** TFLite's DownScaleInt32ToInt16Multiplier. */
    private static short toInt16(int multiplier) {
        if (multiplier >= Integer.MAX_VALUE - (1 << 15)) {
            return Short.MAX_VALUE;
        }
        return (short) ((multiplier + (1 << 15)) >> 16);
    }

    /** gemmlowp's 16-bit SaturatingRoundingDoublingHighMul. */
    private static short srdhm(short a, short b) {
        if (a == b && a == Short.MIN_VALUE) {
            return Short.MAX_VALUE;
        }
        int ab = a * b;
        int nudge = ab >= 0 ? 1 << 14 : 1 - (1 << 14);
        return (short) ((ab + nudge) / (1 << 15));
    }

    /** TFLite's 16-bit SaturatingDoublingHighMul: no rounding. */
    private static short sdhm(short a, short b) {
        if (a == b && a == Short.MIN_VALUE) {
            return Short.MAX_VALUE;
        }
        return (short) ((a * b) / (1 << 15));
    }

    private static short saturatingLeftShift(short value, int amount) {
        int r = value * (1 << amount);
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, r));
    }
}
