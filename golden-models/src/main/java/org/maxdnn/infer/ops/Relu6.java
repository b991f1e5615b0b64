package org.maxdnn.infer.ops;

import org.maxdnn.infer.UnaryLayer;
import org.maxdnn.model.OpType;

/** RELU6: {@link Relu}'s arithmetic clamped to the real range [0, 6]. */
public final class Relu6 {
    private Relu6() {
    }

    public static UnaryLayer prepare(OperatorContext c) {
        return Relu.prepare(c, OpType.RELU6, 0f, 6f);
    }
}
