package org.maxdnn.cli;

import java.util.Arrays;
import org.maxdnn.infer.FixedLayer;
import org.maxdnn.infer.Layer;
import org.maxdnn.infer.Workspace;
import org.maxdnn.infer.ops.OperatorContext;
import org.maxdnn.infer.ops.OperatorPlugin;
import org.maxdnn.model.OpType;
import org.maxdnn.model.TensorInfo;

/**
 * A test-only operator, to show what adding one takes: this file and its line in
 * {@code META-INF/services/org.maxdnn.infer.ops.OperatorPlugin}. MAXIMUM of two int8 tensors of one
 * shape, as TFLite's kernel computes it: on the raw codes, whatever their quantization.
 */
public final class TestMaximum implements OperatorPlugin {
    @Override
    public OpType type() {
        return OpType.MAXIMUM;
    }

    @Override
    public Layer prepare(OperatorContext c) {
        TensorInfo a = c.input(0);
        TensorInfo b = c.input(1);
        TensorInfo out = c.output(0);
        c.int8(a, "input 1");
        c.int8(b, "input 2");
        c.int8(out, "output");
        if (!Arrays.equals(a.shape(), b.shape()) || !Arrays.equals(a.shape(), out.shape())) {
            throw c.error("broadcasting " + a.shapeText() + " and " + b.shapeText() + " is not supported");
        }
        return new Maximum(c.name(), a.index(), b.index(), out.index());
    }

    /** The prepared layer. */
    record Maximum(String name, int a, int b, int output) implements FixedLayer {
        @Override
        public OpType op() {
            return OpType.MAXIMUM;
        }

        @Override
        public int[] inputs() {
            return new int[] {a, b};
        }

        @Override
        public int[] outputs() {
            return new int[] {output};
        }

        @Override
        public void run(Workspace ws) {
            byte[] x = ws.tensor(a);
            byte[] y = ws.tensor(b);
            byte[] z = ws.tensor(output);
            for (int i = 0; i < z.length; i++) {
                z[i] = (byte) Math.max(x[i], y[i]);
            }
        }
    }
}
