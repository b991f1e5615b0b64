package org.maxdnn.infer.ops;

import org.maxdnn.model.OpType;

/** SQUEEZE: the same values under the output tensor's shape, as {@link Reshape}. */
public final class Squeeze {
    private Squeeze() {
    }

    public static Reshape prepare(OperatorContext c) {
        return Reshape.prepare(c, OpType.SQUEEZE);
    }
}
