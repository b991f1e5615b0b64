package org.maxdnn.array;

import java.util.ArrayList;
import java.util.List;
import org.maxdnn.MaxdnnException;
import org.maxdnn.mult.MultiplierConfig;

/**
 * How a layer's {@link GemmView} runs on an array, as SCALE-Sim's weight-stationary mapping: the
 * reduction index k on the rows and the output channels on the columns, folded by the array's rows
 * and columns. PE (r, c) of a fold holds the weight of its (k, n) and its kernel's multiplier; PEs
 * beyond a partial fold are idle (weight 0, activation 0, and in the configurable array the exact
 * code, so they add nothing; a fixed array's idle PE adds its own f(a, 0), which the driver folds
 * out like the zero-point term).
 *
 * <p>Groups narrower than the array ({@link #groupsPerFold} > 1: a depthwise layer, N = the depth
 * multiplier) are packed into one block-diagonal GEMM per block of groups, as many as fit the
 * columns side by side: group j of a block takes columns j·N… and reduction rows j·K… of the block's
 * stacked reduction, which is folded onto the rows like any other (a group may straddle two folds;
 * its columns accumulate across them). A PE whose row and column belong to different groups is idle.
 * On a weight-stationary array a row's activation is shared by its columns, so each row of a
 * depthwise fold has one useful column: packing fills all the rows, which SCALE-Sim's one layer per
 * channel leaves at K of them, and cuts the folds to ceil(G·K / rows) per G channels.
 *
 * <p>Cycles follow the protocol of the generated array: a fold loads its weights one row per cycle
 * ({@link ArrayConfig#loadCycles}), streams its vectors one per cycle, and its last output appears
 * {@link ArrayConfig#latency} cycles after its last input; no load while data is in flight.
 */
public record Tiling(GemmView view, ArrayConfig array, List<Fold> folds) {
    /**
     * One weight load: the block of groups starting at {@code group}, its (stacked) reduction indices
     * k0… (kCount of them) on rows 0…, its columns n0… (nCount of them) on array columns 0….
     * Unpacked (one group per block) these are the group's k and n.
     */
    public record Fold(int group, int k0, int kCount, int n0, int nCount) {
    }

    public Tiling {
        folds = List.copyOf(folds);
    }

    /** Blocks of groups outermost, then column folds, then reduction folds (the accumulating ones adjacent). */
    public static Tiling of(GemmView view, ArrayConfig array) {
        int perFold = groupsPerFold(view, array);
        List<Fold> folds = new ArrayList<>();
        for (int g = 0; g < view.groups(); g += perFold) {
            int blockGroups = Math.min(perFold, view.groups() - g);
            int k = blockGroups * view.k();
            int n = blockGroups * view.n();
            for (int n0 = 0; n0 < n; n0 += array.cols()) {
                for (int k0 = 0; k0 < k; k0 += array.rows()) {
                    folds.add(new Fold(g, k0, Math.min(array.rows(), k - k0), n0, Math.min(array.cols(), n - n0)));
                }
            }
        }
        return new Tiling(view, array, folds);
    }

    /** Groups side by side in one block: as many as the columns hold, 1 when a group is half the array wide or more. */
    private static int groupsPerFold(GemmView view, ArrayConfig array) {
        return Math.max(1, Math.min(view.groups(), array.cols() / view.n()));
    }

    /** Groups packed side by side in a fold (1: SCALE-Sim's one GEMM per group). */
    public int groupsPerFold() {
        return groupsPerFold(view, array);
    }

    /** Reduction folds of a full block of groups. */
    public int kFolds() {
        return ceilDiv(groupsPerFold() * view.k(), array.rows());
    }

    /** Column folds of a full block of groups. */
    public int nFolds() {
        return ceilDiv(groupsPerFold() * view.n(), array.cols());
    }

    /** The group of row r of fold f (r < kCount). */
    private int rowGroup(Fold f, int r) {
        return f.group() + (f.k0() + r) / view.k();
    }

    /** The group's reduction index of row r of fold f (r < kCount). */
    private int rowK(Fold f, int r) {
        return (f.k0() + r) % view.k();
    }

    /** The group of column c of fold f (c < nCount). */
    private int columnGroup(Fold f, int c) {
        return f.group() + (f.n0() + c) / view.n();
    }

    /** The group's output index of column c of fold f (c < nCount). */
    private int columnN(Fold f, int c) {
        return (f.n0() + c) % view.n();
    }

    /** True when PE (r, c) of fold f multiplies a weight of the layer: its row and column in the fold and in one group. */
    public boolean used(Fold f, int r, int c) {
        return r < f.kCount() && c < f.nCount() && rowGroup(f, r) == columnGroup(f, c);
    }

    /** PEs doing useful work in fold f. */
    public int usedPes(Fold f) {
        int used = 0;
        for (int r = 0; r < f.kCount(); r++) {
            for (int c = 0; c < f.nCount(); c++) {
                used += used(f, r, c) ? 1 : 0;
            }
        }
        return used;
    }

    /** The weight PE (r, c) holds in fold f: 0 when idle. */
    public int weight(Fold f, int r, int c) {
        return used(f, r, c) ? view.weight(rowGroup(f, r), rowK(f, r), columnN(f, c)) : 0;
    }

    /** The patch index row r streams in fold f, or -1 for an idle row (fed 0). */
    public int patchIndex(Fold f, int r) {
        return r < f.kCount() ? view.patchIndex(rowGroup(f, r), rowK(f, r)) : -1;
    }

    /** The layer output channel column c computes in fold f, or -1 for an idle column. */
    public int outputChannel(Fold f, int c) {
        return c < f.nCount() ? view.outputChannel(columnGroup(f, c), columnN(f, c)) : -1;
    }

    /**
     * The multiplier of PE (r, c) in fold f under the map's {@code kernels} ([outC][kernel column]):
     * a fixed array's own; in the configurable array the kernel's, exact when idle.
     */
    public MultiplierConfig config(Fold f, int r, int c, MultiplierConfig[][] kernels) {
        if (!array.isConfigurable()) {
            return array.config(r, c);
        }
        return used(f, r, c) ? kernelConfig(f, r, c, kernels) : MultiplierConfig.EXACT;
    }

    private MultiplierConfig kernelConfig(Fold f, int r, int c, MultiplierConfig[][] kernels) {
        return kernels[outputChannel(f, c)][view.kernelColumn(rowK(f, r))];
    }

    /** Where fold f sits in its layer, for messages: its index, group block, reduction and column ranges. */
    public String describe(Fold f) {
        int index = folds.indexOf(f);
        return String.format(java.util.Locale.ROOT, "tile %d of %d (%sk %d..%d, n %d..%d)", index, folds.size(),
                view.groups() > 1 ? "groups from " + f.group() + ", " : "", f.k0(), f.k0() + f.kCount() - 1, f.n0(),
                f.n0() + f.nCount() - 1);
    }

    /**
     * The fixed array that runs every fold of this layer under the map's {@code kernels}, labelled
     * with the layer, if the map allows one: PE (r, c) takes the one configuration of every kernel it
     * meets over the folds (exact where it meets none). A map is fold-consistent when no PE meets
     * two: always at layer level, and at filter or kernel level when the configurations repeat with
     * the fold. It is gated when the tiling's array is.
     */
    public FixedArray fixedArray(MultiplierConfig[][] kernels) {
        MultiplierConfig[][] pe = new MultiplierConfig[array.rows()][array.cols()];
        Fold[] first = new Fold[array.rows() * array.cols()];
        for (Fold f : folds) {
            for (int r = 0; r < f.kCount(); r++) {
                for (int c = 0; c < f.nCount(); c++) {
                    if (!used(f, r, c)) {
                        continue;
                    }
                    MultiplierConfig k = kernelConfig(f, r, c, kernels);
                    Fold f0 = first[r * array.cols() + c];
                    if (f0 == null) {
                        pe[r][c] = k;
                        first[r * array.cols() + c] = f;
                    } else if (!pe[r][c].equals(k)) {
                        return new FixedArray(null, String.format(java.util.Locale.ROOT, "no fixed array runs all of %s: "
                                        + "its map is not fold-consistent (PE (%d,%d) would need %s for (k %d, channel %d) "
                                        + "and %s for (k %d, channel %d))", view.name(), r, c, pe[r][c].name(), rowK(f0, r),
                                outputChannel(f0, c), k.name(), rowK(f, r), outputChannel(f, c)));
                    }
                }
            }
        }
        List<List<MultiplierConfig>> out = new ArrayList<>();
        for (MultiplierConfig[] row : pe) {
            List<MultiplierConfig> l = new ArrayList<>();
            for (MultiplierConfig c : row) {
                l.add(c != null ? c : MultiplierConfig.EXACT);
            }
            out.add(l);
        }
        return new FixedArray(ArrayConfig.fixed(view.name(), out).withGating(array.gated()), null);
    }

    /** A layer's fixed array, or (array null) why it has none. */
    public record FixedArray(ArrayConfig array, String why) {
        public boolean exists() {
            return array != null;
        }

        /** The array, or a clear error saying why there is none. */
        public ArrayConfig require() {
            if (array == null) {
                throw MaxdnnException.badInput(why);
            }
            return array;
        }
    }

    /** Useful PEs over all PEs loaded, across the folds (SCALE-Sim's mapping efficiency). */
    public double mappingEfficiency() {
        long used = folds.stream().mapToLong(this::usedPes).sum();
        return (double) used / ((long) folds.size() * array.rows() * array.cols());
    }

    /** Cycles of the layer when every fold streams {@code vectors} input vectors (inputs × M). */
    public long cycles(int vectors) {
        if (vectors < 1) {
            throw MaxdnnException.badInput("a fold streams at least one vector, not " + vectors);
        }
        return (long) folds.size() * (array.loadCycles() + vectors + array.latency());
    }

    /** Multiplications done over the PE-cycles spent, for {@code vectors} per fold (inputs × M). */
    public double utilisation(int vectors) {
        long macs = (long) vectors * view.k() * view.n() * view.groups();
        return (double) macs / ((double) cycles(vectors) * array.rows() * array.cols());
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
