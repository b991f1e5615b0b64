package org.maxdnn.infer.ops;

import org.maxdnn.infer.UnaryLayer;
import org.maxdnn.infer.Workspace;
import org.maxdnn.model.OpType;
import org.maxdnn.model.Quantization;
import org.maxdnn.model.TensorInfo;

/** RESHAPE: the same int8 values under another shape (the output tensor's, whatever new_shape says). */
public record Reshape(String name, int input, int output) implements UnaryLayer {
    public static Reshape prepare(OperatorContext c) {
        TensorInfo in = c.input(0);
        TensorInfo out = c.output(0);
        if (in.elements() != out.elements()) {
            throw c.error(in.shapeText() + " cannot become " + out.shapeText());
        }
        Quantization qi = c.int8(in, "input");
        Quantization qo = c.int8(out, "output");
        if (qi.scale() != qo.scale() || qi.zeroPoint() != qo.zeroPoint()) {
            throw c.error("input and output quantization differ");
        }
        return new Reshape(c.name(), in.index(), out.index());
    }

    @Override
    public OpType op() {
        return OpType.RESHAPE;
    }

    @Override
    public void run(Workspace ws) {
        byte[] out = ws.tensor(output);
        System.arraycopy(ws.tensor(input), 0, out, 0, out.length);
    }
}
