package org.maxdnn.infer.ops;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.maxdnn.model.OpType;
import org.maxdnn.model.TensorInfo;

/** PADV2: {@link Pad} with the fill value given as a constant third input of the input's type, as stored. */
public final class PadV2 {
    private PadV2() {
    }

    public static Rearrangement prepare(OperatorContext c) {
        TensorInfo value = c.input(2);
        if (!value.isConstant() || value.elements() != 1 || value.type() != c.input(0).type()) {
            throw c.error("constant value " + value.name() + " must be one constant " + c.input(0).type());
        }
        ByteBuffer b = ByteBuffer.wrap(value.data()).order(ByteOrder.LITTLE_ENDIAN);
        double fill = switch (value.type()) {
            case INT8 -> b.get();
            case UINT8 -> b.get() & 0xFF;
            case INT16 -> b.getShort();
            case INT32 -> b.getInt();
            case FLOAT32 -> b.getFloat();
            default -> throw c.error("constant value of type " + value.type() + " is not supported");
        };
        return Pad.prepare(c, OpType.PADV2, fill);
    }
}
