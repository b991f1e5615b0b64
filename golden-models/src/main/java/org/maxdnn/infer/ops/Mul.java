package org.maxdnn.infer.ops;

import org.maxdnn.infer.BinaryLayer;
import org.maxdnn.infer.QuantizedMultiplier;
import org.maxdnn.infer.Workspace;
import org.maxdnn.model.OpType;
import org.maxdnn.model.Quantization;
import org.maxdnn.model.TensorInfo;

/**
 * Quantized int8 MUL as TFLite's reference kernel, with broadcasting: (x1 − zp1)·(x2 − zp2) rescaled
 * by s1·s2/s_out (mul.cc Prepare, in double), plus the output zero point, clamped to the fused
 * activation (MulOptions: activation). The x86 runtime computes the same.
 */
public record Mul(String name, int input1, int input2, int output, int elements, int[] index1, int[] index2,
                  int zeroPoint1, int zeroPoint2, QuantizedMultiplier scale, int outZeroPoint, int actMin, int actMax)
        implements BinaryLayer {
    public static Mul prepare(OperatorContext c) {
        TensorInfo a = c.input(0);
        TensorInfo b = c.input(1);
        TensorInfo out = c.output(0);
        Broadcast bc = Broadcast.of(c, a, b, out);
        Quantization qa = c.int8(a, "input 1");
        Quantization qb = c.int8(b, "input 2");
        Quantization qo = c.int8(out, "output");
        int[] act = c.activation(c.op().options().int8At(0, 0)).range(qo.scale(), qo.zeroPoint());
        double real = (double) qa.scale() * (double) qb.scale() / (double) qo.scale();
        return new Mul(c.name(), a.index(), b.index(), out.index(), out.elements(), bc.index1(), bc.index2(),
                qa.zeroPoint(), qb.zeroPoint(), QuantizedMultiplier.of(real), qo.zeroPoint(), act[0], act[1]);
    }

    @Override
    public OpType op() {
        return OpType.MUL;
    }

    @Override
    public void run(Workspace ws) {
        byte[] a = ws.tensor(input1);
        byte[] b = ws.tensor(input2);
        byte[] out = ws.tensor(output);
        for (int i = 0; i < elements; i++) {
            int x = a[index1 == null ? i : index1[i]] - zeroPoint1;
            int y = b[index2 == null ? i : index2[i]] - zeroPoint2;
            int v = scale.apply(x * y) + outZeroPoint;
            out[i] = (byte) Math.max(actMin, Math.min(v, actMax));
        }
    }
}
