package org.maxdnn.infer.ops;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.maxdnn.infer.FixedLayer;
import org.maxdnn.infer.QuantizedMultiplier;
import org.maxdnn.infer.Workspace;
import org.maxdnn.model.Activation;
import org.maxdnn.model.OpType;
import org.maxdnn.model.Quantization;
import org.maxdnn.model.TensorInfo;

/**
 * Quantized elementwise ADD as TFLite's int8 reference kernel: both inputs offset, shifted left by
 * 20, rescaled to a common scale, summed, rescaled to the output (add.cc Prepare computes the three
 * multipliers).
 */
public record Add(String name, int input1, int input2, int output, int elements,
                  int offset1, int offset2, QuantizedMultiplier scale1, QuantizedMultiplier scale2,
                  QuantizedMultiplier outScale, int outZeroPoint, int actMin, int actMax) implements FixedLayer {
    public static final int LEFT_SHIFT = 20;

    /** AddOptions: fused activation. */
    public record Options(Activation activation) {
        public static Options parse(OperatorContext c) {
            return new Options(c.activation(c.op().options().int8At(0, 0)));
        }
    }

    public static Add prepare(OperatorContext c) {
        Options opt = Options.parse(c);
        TensorInfo a = c.input(0);
        TensorInfo b = c.input(1);
        TensorInfo out = c.output(0);
        if (!Arrays.equals(a.shape(), b.shape()) || a.elements() != out.elements()) {
            throw c.error("broadcasting " + a.shapeText() + " + " + b.shapeText() + " is not supported");
        }
        Quantization qa = c.int8(a, "input 1");
        Quantization qb = c.int8(b, "input 2");
        Quantization qo = c.int8(out, "output");
        double twiceMax = 2.0 * Math.max(qa.scale(), qb.scale());
        double m1 = qa.scale() / twiceMax;
        double m2 = qb.scale() / twiceMax;
        double mo = twiceMax / ((1 << LEFT_SHIFT) * qo.scale());
        int[] range = opt.activation.range(qo.scale(), qo.zeroPoint());
        return new Add(c.name(), a.index(), b.index(), out.index(), out.elements(),
                -qa.zeroPoint(), -qb.zeroPoint(), QuantizedMultiplier.of(m1), QuantizedMultiplier.of(m2),
                QuantizedMultiplier.of(mo), qo.zeroPoint(), range[0], range[1]);
    }

    @Override
    public OpType op() {
        return OpType.ADD;
    }

    @Override
    public int[] inputs() {
        return new int[] {input1, input2};
    }

    @Override
    public int[] outputs() {
        return new int[] {output};
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
        for (int i = 0; i < elements; i++) {
            out[i] = table[(a[i] + 128) << 8 | (b[i] + 128)];
        }
    }

    private byte[] tabulate() {
        int[] rescaled1 = new int[256];
        int[] rescaled2 = new int[256];
        for (int q = -128; q < 128; q++) {
            rescaled1[q + 128] = scale1.apply((offset1 + q) * (1 << LEFT_SHIFT));
            rescaled2[q + 128] = scale2.apply((offset2 + q) * (1 << LEFT_SHIFT));
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
