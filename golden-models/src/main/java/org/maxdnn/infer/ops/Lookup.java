package org.maxdnn.infer.ops;

import java.util.function.IntUnaryOperator;
import org.maxdnn.infer.UnaryLayer;
import org.maxdnn.infer.Workspace;
import org.maxdnn.model.OpType;
import org.maxdnn.model.TensorInfo;

/**
 * An 8-bit elementwise operator once prepared: the output code depends on the input code alone, so
 * the kernel's integer arithmetic is evaluated for all 256 codes at prepare (as TFLite's own
 * lookup-table kernels do) and run is one lookup per element.
 *
 * @param table the output byte as stored, indexed by the input byte as stored (unsigned)
 */
public record Lookup(String name, OpType op, int input, int output, byte[] table) implements UnaryLayer {
    /**
     * The table of {@code f}, which maps an input value (−128…127 for int8, 0…255 for uint8) to an
     * output value already clamped to the output's range.
     */
    static Lookup of(OperatorContext c, OpType op, IntUnaryOperator f) {
        TensorInfo in = c.input(0);
        TensorInfo out = c.output(0);
        Values.range(c, in);
        int[] range = Values.range(c, out);
        if (range[1] > 255 || in.type() == org.maxdnn.model.ElementType.INT16 || in.elements() != out.elements()) {
            throw c.error("input " + in.shapeText() + " " + in.type() + " and output " + out.shapeText() + " "
                    + out.type() + " must be 8-bit tensors of one shape");
        }
        boolean unsigned = Values.isUnsigned(in);
        byte[] table = new byte[256];
        for (int b = 0; b < 256; b++) {
            int value = unsigned ? b : (byte) b;
            table[b] = (byte) f.applyAsInt(value);
        }
        return new Lookup(c.name(), op, in.index(), out.index(), table);
    }

    @Override
    public void run(Workspace ws) {
        byte[] in = ws.tensor(input);
        byte[] out = ws.tensor(output);
        for (int i = 0; i < in.length; i++) {
            out[i] = table[in[i] & 0xFF];
        }
    }
}
