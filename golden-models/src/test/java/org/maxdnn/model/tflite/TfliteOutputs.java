package org.maxdnn.model.tflite;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.maxdnn.MaxdnnException;

/**
 * A copy of a .tflite model whose subgraph lists other tensors as its outputs, so that an
 * interpreter hands out intermediate tensors (the per-layer comparison of SPEC §12). The new
 * output vector is appended at the end of the flatbuffer and the subgraph's outputs field is
 * pointed at it (flatbuffer offsets are relative and unsigned, so a later position is always
 * reachable); nothing else moves.
 */
public final class TfliteOutputs {
    private TfliteOutputs() {
    }

    public static byte[] withOutputs(byte[] model, int[] tensors) {
        TfliteSchema.Model m = TfliteSchema.Model.root(ByteBuffer.wrap(model));
        if (m.subgraphsLength() != 1) {
            throw MaxdnnException.badInput("only single-subgraph models can be rewritten");
        }
        TfliteSchema.SubGraph g = m.subgraph(0);
        for (int t : tensors) {
            if (t < 0 || t >= g.tensorsLength()) {
                throw new IllegalArgumentException("tensor " + t + " out of range (" + g.tensorsLength() + " tensors)");
            }
        }
        int field = g.outputsFieldPosition();
        if (field < 0) {
            throw MaxdnnException.badInput("the model's subgraph has no outputs field to rewrite");
        }
        int start = (model.length + 3) & ~3; // a vector's length word is 4-byte aligned
        ByteBuffer out = ByteBuffer.wrap(Arrays.copyOf(model, start + 4 + 4 * tensors.length))
                .order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(start, tensors.length);
        for (int i = 0; i < tensors.length; i++) {
            out.putInt(start + 4 + 4 * i, tensors[i]);
        }
        out.putInt(field, start - field);
        return out.array();
    }
}
