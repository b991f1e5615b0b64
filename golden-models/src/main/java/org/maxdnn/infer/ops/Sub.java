package org.maxdnn.infer.ops;

import org.maxdnn.infer.BinaryLayer;
import org.maxdnn.model.OpType;

/** SUB: {@link Add}'s arithmetic with the second input's rescaled value subtracted (sub.cc). */
public final class Sub {
    private Sub() {
    }

    public static BinaryLayer prepare(OperatorContext c) {
        return Add.prepare(c, OpType.SUB);
    }
}
