package org.maxdnn.cosim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.maxdnn.array.GemmView;
import org.maxdnn.array.Tiling;
import org.maxdnn.infer.ConvLayer;
import org.maxdnn.mult.ConfigurationCode;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.mult.MultiplierRegistry;

/**
 * A layer of a batch of inputs on the array, as its {@link Tiling} says: the operands of every fold
 * (each PE's weight and configuration code, each row's im2col activations), and the layer's int32
 * accumulators from the folds' partial sums. Terms the hardware adds that the layer does not have
 * are folded offline, as a bias is: the zero-point term f(x_zp, w) of every kernel (SPEC §4) and
 * what a fixed array's idle PEs add (f(0, 0) in an idle row, f(a, 0) beside another group's weight).
 */
final class LayerTiles {
    private final Tiling tiling;
    private final MultiplierConfig[][] kernels;
    private final MultiplierRegistry registry;
    private final List<Tile> tiles = new ArrayList<>();
    private final int inputs;
    private final Map<MultiplierConfig, Boolean> zeroAtWeightZero = new HashMap<>();

    LayerTiles(Tiling tiling, MultiplierConfig[][] kernels, MultiplierRegistry registry, List<byte[]> inputs,
               int firstImage) {
        this.tiling = tiling;
        this.kernels = kernels;
        this.registry = registry;
        this.inputs = inputs.size();
        GemmView view = tiling.view();
        int rows = tiling.array().rows();
        int cols = tiling.array().cols();
        int n = inputs.size() * view.m();
        int[][] patches = new int[n][view.patchSize()];
        for (int i = 0; i < n; i++) {
            view.patch(inputs.get(i / view.m()), i % view.m(), patches[i]);
        }
        ConfigurationCode codes = tiling.array().isConfigurable() ? tiling.array().code() : null;
        for (Tiling.Fold f : tiling.folds()) {
            byte[] w = new byte[rows * cols];
            byte[] code = new byte[rows * cols];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    w[r * cols + c] = (byte) tiling.weight(f, r, c);
                    if (codes != null) {
                        code[r * cols + c] = (byte) codes.code(tiling.config(f, r, c, kernels));
                    }
                }
            }
            byte[] acts = new byte[n * rows];
            for (int r = 0; r < f.kCount(); r++) {
                int p = tiling.patchIndex(f, r);
                for (int i = 0; i < n; i++) {
                    acts[i * rows + r] = (byte) patches[i][p];
                }
            }
            tiles.add(new Tile(tiling, f, w, code, acts, n, firstImage));
        }
    }

    List<Tile> tiles() {
        return tiles;
    }

    /**
     * The layer's accumulators (acc + bias, HWC, one array per input) from the partial sums of every
     * tile, {@code psums.get(t)} for {@code tiles().get(t)}.
     */
    int[][] accumulators(List<int[]> psums) {
        GemmView view = tiling.view();
        ConvLayer l = view.layer();
        int rows = tiling.array().rows();
        int cols = tiling.array().cols();
        int outC = l.outC();
        int[][] acc = new int[inputs][view.m() * outC];
        for (int t = 0; t < tiles.size(); t++) {
            Tile tile = tiles.get(t);
            Tiling.Fold f = tile.fold();
            int[] psum = psums.get(t);
            for (int c = 0; c < f.nCount(); c++) {
                int oc = tiling.outputChannel(f, c);
                int idle = 0;
                List<Integer> unusedRows = new ArrayList<>();
                for (int r = 0; r < rows; r++) {
                    if (r >= f.kCount()) {
                        idle += product(f, r, c, 0);
                    } else if (!tiling.used(f, r, c) && !zeroForWeightZero(f, r, c)) {
                        unusedRows.add(r);
                    }
                }
                for (int i = 0; i < tile.n(); i++) {
                    int v = psum[i * cols + c] - idle;
                    for (int r : unusedRows) {
                        v -= product(f, r, c, tile.acts()[i * rows + r]);
                    }
                    acc[i / view.m()][(i % view.m()) * outC + oc] += v;
                }
            }
        }
        // the zero-point term, computed offline with each kernel's own multiplier, and the bias
        int[] folded = l.bias().clone();
        for (int g = 0; g < view.groups(); g++) {
            for (int n = 0; n < view.n(); n++) {
                int oc = view.outputChannel(g, n);
                for (int k = 0; k < view.k(); k++) {
                    folded[oc] -= registry.get(kernels[oc][view.kernelColumn(k)]).multiply(l.inZeroPoint(), view.weight(g, k, n));
                }
            }
        }
        for (int[] a : acc) {
            for (int i = 0; i < a.length; i++) {
                a[i] += folded[i % outC];
            }
        }
        return acc;
    }

    /** What PE (r, c) of fold f adds for activation a against its weight (0 when idle). */
    private int product(Tiling.Fold f, int r, int c, int a) {
        return registry.get(tiling.config(f, r, c, kernels)).multiply(a, tiling.weight(f, r, c));
    }

    /**
     * True when the idle PE (r, c) adds nothing whatever its row streams: f(a, 0) = 0 for every a, as
     * for the configurable array's exact code. A fixed array's circuit may add f(a, 0) ≠ 0 in a row of
     * another group (a packed depthwise fold), which is then folded out per vector.
     */
    private boolean zeroForWeightZero(Tiling.Fold f, int r, int c) {
        return zeroAtWeightZero.computeIfAbsent(tiling.config(f, r, c, kernels), cfg -> {
            for (int a = -128; a < 128; a++) {
                if (registry.get(cfg).multiply(a, 0) != 0) {
                    return false;
                }
            }
            return true;
        });
    }
}
