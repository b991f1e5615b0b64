package org.maxdnn.infer.ops;

import org.maxdnn.model.OpType;

/** SUM of int8 values over constant axes: {@link Mean}'s float QuantizedMeanOrSum with the sum. */
public final class Sum {
    private Sum() {
    }

    public static Mean prepare(OperatorContext c) {
        return Mean.prepare(c, OpType.SUM);
    }
}
