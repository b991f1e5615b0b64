package org.maxdnn.infer.ops;

import org.maxdnn.infer.UnaryLayer;
import org.maxdnn.model.OpType;

/** RELU_N1_TO_1: {@link Relu}'s arithmetic clamped to the real range [−1, 1]. */
public final class ReluN1To1 {
    private ReluN1To1() {
    }

    public static UnaryLayer prepare(OperatorContext c) {
        return Relu.prepare(c, OpType.RELU_N1_TO_1, -1f, 1f);
    }
}
