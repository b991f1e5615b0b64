package org.maxdnn.infer.ops;

import org.maxdnn.model.OpType;

/** TANH on 8-bit tensors: as {@link Logistic}, with tanh. */
public final class Tanh {
    private Tanh() {
    }

    public static Lookup prepare(OperatorContext c) {
        return FloatTable.prepare(c, OpType.TANH, x -> (float) Math.tanh(x));
    }
}
