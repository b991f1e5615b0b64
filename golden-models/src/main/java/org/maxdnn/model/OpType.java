package org.maxdnn.model;

/** The TFLite builtin operators the golden model executes, with their schema codes. */
public enum OpType {
    ADD(0), AVERAGE_POOL_2D(1), CONV_2D(3), DEPTHWISE_CONV_2D(4), FULLY_CONNECTED(9), MAX_POOL_2D(17), RESHAPE(22),
    SOFTMAX(25);

    private final int code;

    OpType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The supported operator with this builtin code, or null. */
    public static OpType ofCode(int code) {
        for (OpType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }
}
