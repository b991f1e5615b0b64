package org.maxdnn.infer.ops;

import java.lang.reflect.Array;
import org.maxdnn.infer.UnaryLayer;
import org.maxdnn.infer.Workspace;
import org.maxdnn.model.OpType;
import org.maxdnn.model.Quantization;
import org.maxdnn.model.TensorInfo;

/**
 * RESHAPE: the same values under another shape (the output tensor's, whatever new_shape says). SQUEEZE
 * and EXPAND_DIMS prepare the same layer ({@link Squeeze}, {@link ExpandDims}).
 */
public record Reshape(String name, OpType op, int input, int output) implements UnaryLayer {
    public static Reshape prepare(OperatorContext c) {
        return prepare(c, OpType.RESHAPE);
    }

    static Reshape prepare(OperatorContext c, OpType op) {
        TensorInfo in = c.input(0);
        TensorInfo out = c.output(0);
        if (in.elements() != out.elements() || in.type() != out.type()) {
            throw c.error(in.shapeText() + " " + in.type() + " cannot become " + out.shapeText() + " " + out.type());
        }
        Quantization qi = in.quant();
        Quantization qo = out.quant();
        if ((qi == null) != (qo == null) || qi != null && (qi.scale(0) != qo.scale(0) || qi.zeroPoint() != qo.zeroPoint())) {
            throw c.error("input and output quantization differ");
        }
        return new Reshape(c.name(), op, in.index(), out.index());
    }

    @Override
    public void run(Workspace ws) {
        Object out = ws.data(output);
        System.arraycopy(ws.data(input), 0, out, 0, Array.getLength(out));
    }
}
