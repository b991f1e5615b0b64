package org.maxdnn.infer;

/** A fixed layer that reads two tensors and writes one (ADD, SUB, MUL). */
public interface BinaryLayer extends FixedLayer {
    int input1();

    int input2();

    @Override
    int output();

    @Override
    default int[] inputs() {
        return new int[] {input1(), input2()};
    }

    @Override
    default int[] outputs() {
        return new int[] {output()};
    }
}
