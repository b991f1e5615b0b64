package org.maxdnn.cosim;

import org.maxdnn.array.Tiling;

/**
 * One weight load and the vectors streamed through it: a fold of a layer's {@link Tiling} for a
 * batch of inputs. weights[r·cols + c] and codes (same layout; zero for a fixed array), acts[i·rows + r]
 * for n vectors (the batch's output pixels, input-major).
 */
record Tile(Tiling tiling, Tiling.Fold fold, byte[] weights, byte[] codes, byte[] acts, int n, int firstImage) {
    /** The output pixels of one input: vector i is pixel i % pixels() of input firstImage + i / pixels(). */
    int pixels() {
        return tiling.view().m();
    }
}
