package org.maxdnn.infer;

import org.maxdnn.model.OpType;

/**
 * One operator of a {@link Network} as prepared for execution, reading and writing tensors by
 * index. A {@link ConvLayer} is run by the kernel its map compiles; every other layer is a
 * {@link FixedLayer} and runs itself.
 */
public interface Layer {
    /** conv0…, dw0…, fc for weighted layers; op name + operator index for the rest ({@link LayerNames}). */
    String name();

    OpType op();

    int[] inputs();

    int[] outputs();

    /** The first output. */
    default int output() {
        return outputs()[0];
    }

    /** Multiplications per inference (0 for layers without weights). */
    default long macs() {
        return 0;
    }

    /** The sliding window of a convolution or pooling layer, else null. */
    default Window window() {
        return null;
    }
}
