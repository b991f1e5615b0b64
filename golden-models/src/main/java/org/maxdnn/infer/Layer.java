package org.maxdnn.infer;

import org.maxdnn.model.OpType;

/** One executable step of a {@link Network}, reading and writing int8 tensors by index. */
public sealed interface Layer permits ConvLayer, AddLayer, PoolLayer, ReshapeLayer, SoftmaxLayer {
    /** conv0…, fc for weighted layers; op name + index for the rest. */
    String name();

    OpType op();

    int[] inputs();

    int output();

    /** Multiplications per inference (0 for layers without weights). */
    default long macs() {
        return 0;
    }
}
