package org.maxdnn.model;

import java.util.Arrays;

/**
 * One tensor of the model graph. {@code data} holds the constant content (weights, biases, shape
 * constants) as little-endian bytes, or is empty for activations. {@code quant} is null when the
 * tensor is not quantized.
 */
public record TensorInfo(int index, String name, int[] shape, ElementType type, Quantization quant, byte[] data) {
    public int elements() {
        return Arrays.stream(shape).reduce(1, (a, b) -> a * b);
    }

    public boolean isConstant() {
        return data.length > 0;
    }

    public String shapeText() {
        return Arrays.toString(shape).replace(" ", "");
    }
}
