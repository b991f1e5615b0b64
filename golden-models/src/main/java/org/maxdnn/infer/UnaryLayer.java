package org.maxdnn.infer;

/** A fixed layer that reads one tensor and writes one (most operators but the weighted ones). */
public interface UnaryLayer extends FixedLayer {
    int input();

    @Override
    int output();

    @Override
    default int[] inputs() {
        return new int[] {input()};
    }

    @Override
    default int[] outputs() {
        return new int[] {output()};
    }
}
