package org.maxdnn.infer;

/** A layer whose arithmetic no map changes: everything but the weighted {@link ConvLayer}s. */
public interface FixedLayer extends Layer {
    /** Reads its inputs from {@code ws} and writes its outputs there. */
    void run(Workspace ws);
}
