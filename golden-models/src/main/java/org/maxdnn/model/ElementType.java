package org.maxdnn.model;

/** TFLite tensor element types (schema.fbs TensorType), by their code. */
public enum ElementType {
    FLOAT32, FLOAT16, INT32, UINT8, INT64, STRING, BOOL, INT16, COMPLEX64, INT8, FLOAT64, COMPLEX128,
    UINT64, RESOURCE, VARIANT, UINT32, UINT16, INT4;

    /** Bytes per element (0 for the types without a fixed width: STRING, RESOURCE, VARIANT, INT4). */
    public int width() {
        return switch (this) {
            case UINT8, INT8, BOOL -> 1;
            case FLOAT16, INT16, UINT16 -> 2;
            case FLOAT32, INT32, UINT32 -> 4;
            case INT64, FLOAT64, COMPLEX64, UINT64 -> 8;
            case COMPLEX128 -> 16;
            default -> 0;
        };
    }

    public static ElementType ofCode(int code) {
        ElementType[] all = values();
        if (code < 0 || code >= all.length) {
            throw new IllegalArgumentException("unknown tensor type code " + code);
        }
        return all[code];
    }
}
