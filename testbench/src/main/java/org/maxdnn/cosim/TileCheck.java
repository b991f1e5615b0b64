package org.maxdnn.cosim;

import java.util.HashMap;
import java.util.Map;
import org.maxdnn.array.Tiling;
import org.maxdnn.infer.ConvLayer;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.mult.MultiplierRegistry;

/**
 * Every partial sum of a tile, idle PEs and columns included, against Σ_r f_rc(a_r, w_rc) with the
 * golden multipliers of the PEs' configurations. Each PE's weight is fixed for the tile, so its
 * products are one 256-entry row of a weight-major table: the sums are built PE by PE over the
 * vectors, with that row in L1.
 */
final class TileCheck {
    private final MultiplierRegistry registry;
    private final MismatchLog log;
    private final Map<MultiplierConfig, int[]> weightMajor = new HashMap<>();
    /** Per configuration, the weights whose products are 0 for every activation. */
    private final Map<MultiplierConfig, boolean[]> zeroRow = new HashMap<>();
    private long outputs;

    TileCheck(MultiplierRegistry registry, MismatchLog log) {
        this.registry = registry;
        this.log = log;
    }

    /** Tile outputs compared so far. */
    long outputs() {
        return outputs;
    }

    /** Checks every partial sum of {@code tile} (a gated array's: of its enabled columns); returns how many mismatch. */
    int check(Tile tile, MultiplierConfig[][] kernels, int[] psums) {
        Tiling tiling = tile.tiling();
        Tiling.Fold f = tile.fold();
        int rows = tiling.array().rows();
        int cols = tiling.array().cols();
        int n = tile.n();
        byte[] acts = tile.acts();
        int[] expected = new int[n * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                MultiplierConfig config = tiling.config(f, r, c, kernels);
                int w = tile.weights()[r * cols + c] & 0xFF;
                int[] t = weightMajor(config);
                if (zeroRow.get(config)[w]) {
                    continue; // adds 0 to every sum, whatever its row streams (an idle PE of the configurable array)
                }
                int base = w << 8;
                for (int p = 0, e = c, a = r; p < n; p++, e += cols, a += rows) {
                    expected[e] += t[base | (acts[a] & 0xFF)];
                }
            }
        }
        // a gated array's disabled columns (past the fold's) hold whatever they held: not outputs
        int compared = tiling.array().gated() ? f.nCount() : cols;
        outputs += (long) n * compared;
        ConvLayer l = tiling.view().layer();
        int mismatches = 0;
        for (int i = 0; i < expected.length; i++) {
            if (i % cols < compared && expected[i] != psums[i]) {
                mismatches++;
                int vector = i / cols;
                int m = vector % tile.pixels();
                int c = i % cols;
                log.recordTile(new Mismatch("tile", tile.firstImage() + vector / tile.pixels(), l.name(),
                        tiling.describe(f), vector, m / l.outW(), m % l.outW(), c, tiling.outputChannel(f, c), expected[i],
                        psums[i]), tile);
            }
        }
        return mismatches;
    }

    /** The products of {@code config} indexed by (w << 8 | a) on the byte codes: a weight's row is contiguous. */
    private int[] weightMajor(MultiplierConfig config) {
        return weightMajor.computeIfAbsent(config, cfg -> {
            int[] t = registry.get(cfg).table();
            int[] wm = new int[t.length];
            boolean[] zero = new boolean[256];
            for (int w = 0; w < 256; w++) {
                zero[w] = true;
                for (int a = 0; a < 256; a++) {
                    wm[(w << 8) | a] = t[(a << 8) | w];
                    zero[w] &= wm[(w << 8) | a] == 0;
                }
            }
            zeroRow.put(cfg, zero);
            return wm;
        });
    }
}
