package org.maxdnn.infer.ops;

import java.util.function.IntUnaryOperator;
import org.maxdnn.infer.UnaryLayer;
import org.maxdnn.infer.Workspace;
import org.maxdnn.model.ElementType;
import org.maxdnn.model.OpType;
import org.maxdnn.model.TensorInfo;

/**
 * An int16 elementwise operator once prepared (16x8 models): as {@link Lookup}, the kernel's integer
 * arithmetic evaluated at prepare for every one of the 65,536 input codes.
 *
 * @param table the output code, indexed by the input code + 32768
 */
public record WideLookup(String name, OpType op, int input, int output, short[] table) implements UnaryLayer {
    /**
     * {@link Lookup#of} for an 8-bit tensor; for int16 input and output the table of {@code f}, which
     * maps an input code to an output code already clamped to the output's range.
     */
    static UnaryLayer of(OperatorContext c, OpType op, IntUnaryOperator f) {
        TensorInfo in = c.input(0);
        TensorInfo out = c.output(0);
        if (in.type() != ElementType.INT16) {
            return Lookup.of(c, op, f);
        }
        if (out.type() != ElementType.INT16 || in.elements() != out.elements()) {
            throw c.error("input " + in.shapeText() + " " + in.type() + " and output " + out.shapeText() + " "
                    + out.type() + " must be int16 tensors of one shape");
        }
        short[] table = new short[1 << 16];
        for (int x = Short.MIN_VALUE; x <= Short.MAX_VALUE; x++) {
            table[x + 32768] = (short) f.applyAsInt(x);
        }
        return new WideLookup(c.name(), op, in.index(), out.index(), table);
    }

    @Override
    public void run(Workspace ws) {
        short[] in = ws.shorts(input);
        short[] out = ws.shorts(output);
        for (int i = 0; i < in.length; i++) {
            out[i] = table[in[i] + 32768];
        }
    }
}
