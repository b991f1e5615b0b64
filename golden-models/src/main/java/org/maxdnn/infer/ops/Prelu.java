package org.maxdnn.infer.ops;

import org.maxdnn.infer.FixedLayer;
import org.maxdnn.infer.QuantizedMultiplier;
import org.maxdnn.infer.Workspace;
import org.maxdnn.model.OpType;
import org.maxdnn.model.Quantization;
import org.maxdnn.model.TensorInfo;

/**
 * PRELU on int8 tensors as TFLite's reference kernel: x − zp_in rescaled by s_in/s_out where it is
 * ≥ 0, else (x − zp_in)·(α − zp_α) rescaled by s_in·s_α/s_out (both prepared in float), plus the
 * output zero point, clamped; α broadcast to the input.
 */
public record Prelu(String name, int input, int alpha, int output, int[] alphaIndex, int inZeroPoint,
                    int alphaZeroPoint, int outZeroPoint, QuantizedMultiplier positive, QuantizedMultiplier negative)
        implements FixedLayer {
    public static Prelu prepare(OperatorContext c) {
        TensorInfo in = c.input(0);
        TensorInfo alpha = c.input(1);
        TensorInfo out = c.output(0);
        Quantization qi = c.int8(in, "input");
        Quantization qa = c.int8(alpha, "alpha");
        Quantization qo = c.int8(out, "output");
        Broadcast bc = Broadcast.of(c, in, alpha, out);
        if (bc.index1() != null) {
            throw c.error("the input " + in.shapeText() + " must have the output's shape " + out.shapeText());
        }
        return new Prelu(c.name(), in.index(), alpha.index(), out.index(), bc.index2(), qi.zeroPoint(), qa.zeroPoint(),
                qo.zeroPoint(), QuantizedMultiplier.of((double) (qi.scale() / qo.scale())),
                QuantizedMultiplier.of((double) (qi.scale() * qa.scale() / qo.scale())));
    }

    @Override
    public OpType op() {
        return OpType.PRELU;
    }

    @Override
    public int[] inputs() {
        return new int[] {input, alpha};
    }

    @Override
    public int[] outputs() {
        return new int[] {output};
    }

    @Override
    public void run(Workspace ws) {
        byte[] x = ws.tensor(input);
        byte[] a = ws.tensor(alpha);
        byte[] out = ws.tensor(output);
        for (int i = 0; i < out.length; i++) {
            int v = x[i] - inZeroPoint;
            int y = v >= 0 ? positive.apply(v)
                    : negative.apply(v * (a[alphaIndex == null ? i : alphaIndex[i]] - alphaZeroPoint));
            out[i] = (byte) Math.max(-128, Math.min(127, y + outZeroPoint));
        }
    }
}
