package org.maxdnn.infer.ops;

import org.maxdnn.model.OpType;

/** AVERAGE_POOL_2D as the int8 reference kernel: on the raw stored values, rounded half away from zero. */
public final class AveragePool2D {
    private AveragePool2D() {
    }

    public static Pool2D prepare(OperatorContext c) {
        return Pool2D.prepare(c, OpType.AVERAGE_POOL_2D);
    }
}
