package org.maxdnn.infer.ops;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.maxdnn.infer.BinaryLayer;
import org.maxdnn.infer.QuantizedMultiplier;
import org.maxdnn.infer.Workspace;
import org.maxdnn.model.Activation;
import org.maxdnn.model.OpType;
import org.maxdnn.model.Quantization;
import org.maxdnn.model.TensorInfo;

/**
 * Quantized int8 ADD (and SUB, {@link Sub}) as TFLite's reference kernels, with broadcasting: both
 * inputs offset, shifted left by 20, rescaled to a common scale (add.cc/sub.cc Prepare compute the
 * three multipliers), summed or subtracted, rescaled to the output, clamped to the fused activation.
 * The x86 runtime's optimized kernels compute the same.
 *
 * @param index1 per output element, the element of input 1 broadcast to it (null: the same index)
 */
public record Add(String name, OpType op, int input1, int input2, int output, int elements, int[] index1,
                  int[] index2, int offset1, int offset2, QuantizedMultiplier scale1, QuantizedMultiplier scale2,
                  QuantizedMultiplier outScale, int outZeroPoint, int actMin, int actMax) implements BinaryLayer {
    public static final int LEFT_SHIFT = 20;

    /** AddOptions (and SubOptions): fused activation. */
    public record Options(Activation activation) {
        public static Options parse(OperatorContext c) {
            return new Options(c.activation(c.op().options().int8At(0, 0)));
        }
    }

    public static BinaryLayer prepare(OperatorContext c) {
        return prepare(c, OpType.ADD);
    }

    static BinaryLayer prepare(OperatorContext c, OpType op) {
        if (c.output(0).type() == org.maxdnn.model.ElementType.INT16) {
            return Add16.prepare(c, op);
        }
        Options opt = Options.parse(c);
        TensorInfo a = c.input(0);
        TensorInfo b = c.input(1);
        TensorInfo out = c.output(0);
        Broadcast bc = Broadcast.of(c, a, b, out);
        Quantization qa = c.int8(a, "input 1");
        Quantization qb = c.int8(b, "input 2");
        Quantization qo = c.int8(out, "output");
        double twiceMax = 2.0 * Math.max(qa.scale(), qb.scale());
        double m1 = qa.scale() / twiceMax;
        double m2 = qb.scale() / twiceMax;
        double mo = twiceMax / ((1 << LEFT_SHIFT) * qo.scale());
        int[] range = opt.activation.range(qo.scale(), qo.zeroPoint());
        return new Add(c.name(), op, a.index(), b.index(), out.index(), out.elements(), bc.index1(), bc.index2(),
                -qa.zeroPoint(), -qb.zeroPoint(), QuantizedMultiplier.of(m1), QuantizedMultiplier.of(m2),
                QuantizedMultiplier.of(mo), qo.zeroPoint(), range[0], range[1]);
    }

    /**
     * The output of every pair of input codes, tabulated once per layer (64 KiB): an output depends
     * on its two int8 inputs alone, and a lookup is several times cheaper than three rescalings.
     */
    private static final Map<Add, byte[]> TABLES = new ConcurrentHashMap<>();

    @Override
    public void run(Workspace ws) {
        byte[] a = ws.tensor(input1);
        byte[] b = ws.tensor(input2);
        byte[] out = ws.tensor(output);
        byte[] table = TABLES.computeIfAbsent(this, Add::tabulate);
        if (index1 == null && index2 == null) {
            for (int i = 0; i < elements; i++) {
                out[i] = table[(a[i] + 128) << 8 | (b[i] + 128)];
            }
            return;
        }
        for (int i = 0; i < elements; i++) {
            int x = a[index1 == null ? i : index1[i]];
            int y = b[index2 == null ? i : index2[i]];
            out[i] = table[(x + 128) << 8 | (y + 128)];
        }
    }

    private byte[] tabulate() {
        int[] rescaled1 = new int[256];
        int[] rescaled2 = new int[256];
        int sign = op == OpType.SUB ? -1 : 1;
        for (int q = -128; q < 128; q++) {
            rescaled1[q + 128] = scale1.apply((offset1 + q) * (1 << LEFT_SHIFT));
            rescaled2[q + 128] = sign * scale2.apply((offset2 + q) * (1 << LEFT_SHIFT));
        }
        byte[] table = new byte[256 * 256];
        for (int x = 0; x < 256; x++) {
            for (int y = 0; y < 256; y++) {
                int v = outScale.apply(rescaled1[x] + rescaled2[y]) + outZeroPoint;
                table[x << 8 | y] = (byte) Math.max(actMin, Math.min(v, actMax));
            }
        }
        return table;
    }
}
