package org.maxdnn.infer.ops;

import org.maxdnn.model.OpType;

/** MAX_POOL_2D as the int8 reference kernel: the largest in-bounds value, clamped. */
public final class MaxPool2D {
    private MaxPool2D() {
    }

    public static Pool2D prepare(OperatorContext c) {
        return Pool2D.prepare(c, OpType.MAX_POOL_2D);
    }
}
