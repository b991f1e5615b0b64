package org.maxdnn.infer.ops;

import org.maxdnn.infer.UnaryLayer;
import org.maxdnn.infer.Workspace;
import org.maxdnn.model.ElementType;
import org.maxdnn.model.OpType;
import org.maxdnn.model.Quantization;
import org.maxdnn.model.TensorInfo;

/**
 * DEQUANTIZE of int8, uint8 or int16 to float32 as TFLite's kernels: scale · (q − zero point), the
 * exact product of a float and a small integer rounded once to float (the reference computes it in
 * double and the optimized kernel in float: both give this value).
 */
public record Dequantize(String name, int input, int output, float scale, int zeroPoint, boolean unsigned)
        implements UnaryLayer {
    public static Dequantize prepare(OperatorContext c) {
        TensorInfo in = c.input(0);
        TensorInfo out = c.output(0);
        Quantization qi = Values.perTensor(c, in, "input");
        Values.range(c, in);
        if (out.type() != ElementType.FLOAT32 || in.elements() != out.elements()) {
            throw c.error("output " + out.shapeText() + " " + out.type() + " must be float32 of the input's shape");
        }
        return new Dequantize(c.name(), in.index(), out.index(), qi.scale(), qi.zeroPoint(), Values.isUnsigned(in));
    }

    @Override
    public OpType op() {
        return OpType.DEQUANTIZE;
    }

    @Override
    public void run(Workspace ws) {
        Object in = ws.data(input);
        float[] out = ws.floats(output);
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) ((double) scale * (Values.load(in, i, unsigned) - zeroPoint));
        }
    }
}
