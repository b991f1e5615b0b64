package org.maxdnn.array;

import org.maxdnn.infer.ConvLayer;

/**
 * A weight-bearing layer in SCALE-Sim's normal form: per group g, a GEMM over M output pixels, K
 * reduction indices and N output channels,
 * <pre>  out[m][outputChannel(g, n)] = Σ_k f(patch_m[patchIndex(g, k)], weight(g, k, n)),</pre>
 * f the multiplier of kernel [outputChannel(g, n)][kernelColumn(k)] of the map. The {@link Tiling}
 * folds K onto the array's rows and N onto its columns; the M patches stream through in time. A
 * layer kind reaches the array through one adapter ({@link GemmViews}).
 */
public interface GemmView {
    ConvLayer layer();

    /** Output pixels per input (the streamed vectors). */
    int m();

    /** Reduction length of one output. */
    int k();

    /** Output channels per group. */
    int n();

    int groups();

    /** The layer's output channel of column n of group g. */
    int outputChannel(int g, int n);

    /** The map's kernel column ({@code ApproxMap.resolve(layer)[oc][column]}) of reduction index k. */
    int kernelColumn(int k);

    /** Where reduction index k of group g reads the {@link #patch}. */
    int patchIndex(int g, int k);

    /** The int8 weight at reduction index k of output n of group g. */
    int weight(int g, int k, int n);

    /** Length of a {@link #patch}. */
    int patchSize();

    /** The activations output pixel m (raster order) reads, padded taps fed the input zero point. */
    void patch(byte[] input, int m, int[] patch);

    default String name() {
        return layer().name();
    }
}
