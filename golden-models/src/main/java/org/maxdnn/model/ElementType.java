package org.maxdnn.model;

/** TFLite tensor element types (schema.fbs TensorType), by their code. */
public enum ElementType {
    FLOAT32, FLOAT16, INT32, UINT8, INT64, STRING, BOOL, INT16, COMPLEX64, INT8, FLOAT64, COMPLEX128,
    UINT64, RESOURCE, VARIANT, UINT32, UINT16, INT4;

    public static ElementType ofCode(int code) {
        ElementType[] all = values();
        if (code < 0 || code >= all.length) {
            throw new IllegalArgumentException("unknown tensor type code " + code);
        }
        return all[code];
    }
}
