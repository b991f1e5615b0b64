package org.maxdnn.infer;

import org.maxdnn.model.OpType;

/** RESHAPE: the same int8 values under another shape. */
public record ReshapeLayer(String name, int input, int output) implements Layer {
    @Override
    public OpType op() {
        return OpType.RESHAPE;
    }

    @Override
    public int[] inputs() {
        return new int[] {input};
    }
}
