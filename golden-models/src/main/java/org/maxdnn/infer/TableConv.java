package org.maxdnn.infer;

import java.util.IdentityHashMap;
import java.util.Map;
import org.maxdnn.mult.Multiplier;

/**
 * The general path: one table lookup per multiplication, for any mix of multipliers per kernel
 * (roupc, EvoApprox tables, ALWANN-tuned tables, or anything else). The distinct tables of the
 * layer are stored transposed side by side, so a kernel's weight selects a 256-entry column and
 * the activation code indexes into it.
 */
final class TableConv extends ConvKernel {
    private final int[] tables;
    /** Per output channel and patch position: start of the column of (multiplier, weight). */
    private final int[][] columns;
    /** Σ over all taps of f(x_zp, w), per output channel. */
    private final int[] zeroPointTerm;

    TableConv(ConvLayer layer, Multiplier[][] f) {
        super(layer);
        Map<Multiplier, Integer> ids = new IdentityHashMap<>();
        for (Multiplier[] row : f) {
            for (Multiplier m : row) {
                ids.putIfAbsent(m, ids.size());
            }
        }
        tables = new int[ids.size() << 16];
        ids.forEach((m, id) -> {
            int[] t = m.table();
            for (int i = 0; i < 65536; i++) {
                // table index is (a << 8 | b); store it as (b << 8 | a) so a column is contiguous
                tables[(id << 16) | ((i & 0xFF) << 8) | (i >>> 8)] = t[i];
            }
        });
        int inC = layer.inC();
        columns = new int[layer.outC()][kernelSize];
        zeroPointTerm = new int[layer.outC()];
        for (int oc = 0; oc < layer.outC(); oc++) {
            for (int k = 0; k < kernelSize; k++) {
                Multiplier m = f[oc][k % inC];
                columns[oc][k] = (ids.get(m) << 16) | ((weightAt(oc, k) & 0xFF) << 8);
                zeroPointTerm[oc] += m.multiply(layer.inZeroPoint(), weightAt(oc, k));
            }
        }
    }

    @Override
    protected void accumulate(int[] patch, int[] acc, Scratch s) {
        int n = kernelSize;
        int[] x = s.rounded;
        for (int k = 0; k < n; k++) {
            x[k] = patch[k] & 0xFF;
        }
        int[] t = tables;
        for (int oc = 0; oc < columns.length; oc++) {
            int[] col = columns[oc];
            int sum = 0;
            for (int k = 0; k < n; k++) {
                sum += t[col[k] + x[k]];
            }
            acc[oc] = sum - zeroPointTerm[oc];
        }
    }
}
