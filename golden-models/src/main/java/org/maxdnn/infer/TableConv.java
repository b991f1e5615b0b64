package org.maxdnn.infer;

import java.util.IdentityHashMap;
import java.util.Map;
import org.maxdnn.mult.Multiplier;

/**
 * The general path: one table lookup per multiplication, for any mix of multipliers per kernel
 * (roupc, EvoApprox tables, ALWANN-tuned tables, or anything else). The distinct tables of the
 * layer are stored transposed side by side, already differenced against the zero point,
 * D[w][x] = f(x, w) − f(x_zp, w), so a kernel's weight selects a 256-entry column and the
 * activation code indexes into it. Taps at the zero point contribute nothing and are skipped: after
 * a ReLU about half the activations sit there. When every difference fits in 16 bits (exact and ROUP
 * products do: |x − x_zp|·|w| < 2^15) the tables are stored as shorts, halving what the lookups
 * pull through the cache. In a grouped layer (depthwise) each output channel reads its own group's
 * part of the patch.
 */
final class TableConv extends PatchConv {
    private final int[] tables;
    /** The same tables as shorts when every value fits, else null. */
    private final short[] shortTables;
    /** Per output channel and kernel position: start of the column of (multiplier, weight). */
    private final int[][] columns;
    /** Grouped layers: per output channel and kernel position, the patch position it reads; else null. */
    private final int[][] patchAt;

    TableConv(ConvLayer layer, Multiplier[][] f) {
        super(layer);
        Map<Multiplier, Integer> ids = new IdentityHashMap<>();
        for (Multiplier[] row : f) {
            for (Multiplier m : row) {
                ids.putIfAbsent(m, ids.size());
            }
        }
        int zp = layer.inZeroPoint();
        tables = new int[ids.size() << 16];
        ids.forEach((m, id) -> {
            int[] t = m.table();
            for (int i = 0; i < 65536; i++) {
                // table index is (a << 8 | b); store it as (b << 8 | a) so a column is contiguous
                int a = i >>> 8;
                int b = i & 0xFF;
                tables[(id << 16) | (b << 8) | a] = t[i] - t[Multiplier.index(zp, b)];
            }
        });
        boolean fits = true;
        for (int v : tables) {
            fits &= v == (short) v;
        }
        if (fits) {
            shortTables = new short[tables.length];
            for (int i = 0; i < tables.length; i++) {
                shortTables[i] = (short) tables[i];
            }
        } else {
            shortTables = null;
        }
        int depth = layer.filterDepth();
        columns = new int[layer.outC()][kernelSize];
        patchAt = layer.groups() == 1 ? null : new int[layer.outC()][kernelSize];
        for (int oc = 0; oc < layer.outC(); oc++) {
            for (int k = 0; k < kernelSize; k++) {
                columns[oc][k] = (ids.get(f[oc][k % depth]) << 16) | ((weightAt(oc, k) & 0xFF) << 8);
                if (patchAt != null) {
                    patchAt[oc][k] = k / depth * layer.inC() + layer.firstInputChannel(oc) + k % depth;
                }
            }
        }
    }

    @Override
    protected void accumulate(int[] patch, int[] acc, Scratch s) {
        if (patchAt != null) {
            for (int oc = 0; oc < columns.length; oc++) {
                int[] col = columns[oc];
                int[] at = patchAt[oc];
                int sum = 0;
                for (int k = 0; k < kernelSize; k++) {
                    sum += tables[col[k] + (patch[at[k]] & 0xFF)];
                }
                acc[oc] = sum;
            }
            return;
        }
        int zp = layer.inZeroPoint();
        int[] index = s.index;
        int[] code = s.rounded;
        int nnz = 0;
        for (int k = 0; k < kernelSize; k++) {
            int x = patch[k];
            if (x != zp) {
                index[nnz] = k;
                code[nnz] = x & 0xFF;
                nnz++;
            }
        }
        if (shortTables != null) {
            short[] t = shortTables;
            for (int oc = 0; oc < columns.length; oc++) {
                int[] col = columns[oc];
                int sum = 0;
                for (int j = 0; j < nnz; j++) {
                    sum += t[col[index[j]] + code[j]];
                }
                acc[oc] = sum;
            }
            return;
        }
        int[] t = tables;
        for (int oc = 0; oc < columns.length; oc++) {
            int[] col = columns[oc];
            int sum = 0;
            for (int j = 0; j < nnz; j++) {
                sum += t[col[index[j]] + code[j]];
            }
            acc[oc] = sum;
        }
    }
}
