package org.maxdnn.infer.ops;

import org.maxdnn.infer.BinaryLayer;
import org.maxdnn.infer.QuantizedMultiplier;
import org.maxdnn.infer.Workspace;
import org.maxdnn.model.OpType;
import org.maxdnn.model.Quantization;
import org.maxdnn.model.TensorInfo;

/**
 * int16 ADD and SUB (16x8 models) as TFLite's add.cc and sub.cc, zero points 0 (TFLite 2.6 requires
 * them). The general path (the converter writes {@code pot_scale_int16 = false}, or a scale is not a
 * power of two) is {@link Add}'s arithmetic with a left shift of 15. The power-of-two path (the schema's default
 * {@code pot_scale_int16 = true} with power-of-two scales, as LSTM cells quantise):
 * the input whose scale is finer is divided by a power of two with rounding, then both are added as
 * int16 fixed point with saturation (gemmlowp's SaturatingAdd), no broadcasting.
 *
 * @param potShift1 power-of-two path: input 1's right shift (−1 on the general path)
 */
public record Add16(String name, OpType op, int input1, int input2, int output, int elements, int[] index1,
                    int[] index2, QuantizedMultiplier scale1, QuantizedMultiplier scale2,
                    QuantizedMultiplier outScale, int actMin, int actMax, int potShift1,
                    int potShift2) implements BinaryLayer {
    public static final int LEFT_SHIFT = 15;

    static Add16 prepare(OperatorContext c, OpType op) {
        Add.Options opt = Add.Options.parse(c);
        boolean pot = c.op().options().int8At(1, 1) != 0; // AddOptions/SubOptions pot_scale_int16, default true
        TensorInfo a = c.input(0);
        TensorInfo b = c.input(1);
        TensorInfo out = c.output(0);
        Broadcast bc = Broadcast.of(c, a, b, out);
        Quantization qa = int16(c, a, "input 1");
        Quantization qb = int16(c, b, "input 2");
        Quantization qo = int16(c, out, "output");
        if (qa.zeroPoint() != 0 || qb.zeroPoint() != 0 || qo.zeroPoint() != 0) {
            throw c.error("int16 " + op + " needs zero points 0 (inputs " + qa.zeroPoint() + " and " + qb.zeroPoint()
                    + ", output " + qo.zeroPoint() + "), as TFLite's kernel does");
        }
        int[] range = opt.activation().range(qo.scale(), 0, Short.MIN_VALUE, Short.MAX_VALUE);
        int la = log2(qa.scale());
        int lb = log2(qb.scale());
        int lo = log2(qo.scale());
        if (pot && la != Integer.MIN_VALUE && lb != Integer.MIN_VALUE && lo != Integer.MIN_VALUE) {
            int shift1 = lo - la;
            int shift2 = lo - lb;
            if (op == OpType.SUB || shift1 < 0 || shift2 < 0 || shift1 != 0 && shift2 != 0
                    || bc.index1() != null || bc.index2() != null) {
                throw c.error("int16 " + op + " with power-of-two scales (pot_scale_int16) needs inputs of the output's"
                        + " shape, one of them at the output's scale and the other at a finer one (input scales 2^" + la
                        + " and 2^" + lb + ", output 2^" + lo + ")");
            }
            return new Add16(c.name(), op, a.index(), b.index(), out.index(), out.elements(), null, null, null, null,
                    null, range[0], range[1], shift1, shift2);
        }
        double twiceMax = 2.0 * Math.max(qa.scale(), qb.scale());
        return new Add16(c.name(), op, a.index(), b.index(), out.index(), out.elements(), bc.index1(), bc.index2(),
                QuantizedMultiplier.of(qa.scale() / twiceMax), QuantizedMultiplier.of(qb.scale() / twiceMax),
                QuantizedMultiplier.of(twiceMax / ((1 << LEFT_SHIFT) * qo.scale())), range[0], range[1], -1, -1);
    }

    private static Quantization int16(OperatorContext c, TensorInfo t, String what) {
        if (t.type() != org.maxdnn.model.ElementType.INT16) {
            throw c.error(what + ": tensor " + t.name() + " is " + t.type() + " (an int16 ADD or SUB takes int16 only)");
        }
        return Values.perTensor(c, t, what);
    }

    /** log2 of a power-of-two scale, or Integer.MIN_VALUE (TFLite's CheckedLog2: within 1e-3 of an integer). */
    private static int log2(float scale) {
        double l = Math.log(scale) / Math.log(2);
        long r = Math.round(l);
        return Math.abs(l - r) < 1e-3 ? (int) r : Integer.MIN_VALUE;
    }

    @Override
    public void run(Workspace ws) {
        short[] a = ws.shorts(input1);
        short[] b = ws.shorts(input2);
        short[] out = ws.shorts(output);
        if (potShift1 >= 0) {
            for (int i = 0; i < elements; i++) {
                int x = QuantizedMultiplier.roundingDivideByPot(a[i], potShift1);
                int y = QuantizedMultiplier.roundingDivideByPot(b[i], potShift2);
                int sum = Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, x + y));
                out[i] = (short) Math.max(actMin, Math.min(sum, actMax));
            }
            return;
        }
        int sign = op == OpType.SUB ? -1 : 1;
        for (int i = 0; i < elements; i++) {
            int x = a[index1 == null ? i : index1[i]];
            int y = b[index2 == null ? i : index2[i]];
            int sum = scale1.apply(x * (1 << LEFT_SHIFT)) + sign * scale2.apply(y * (1 << LEFT_SHIFT));
            int v = outScale.apply(sum);
            out[i] = (short) Math.max(actMin, Math.min(v, actMax));
        }
    }
}
