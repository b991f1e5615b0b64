package org.maxdnn.array;

import java.util.ArrayList;
import java.util.List;
import org.maxdnn.MaxdnnException;
import org.maxdnn.mult.MultiplierConfig;

/**
 * How a layer's {@link GemmView} runs on an array, as SCALE-Sim's weight-stationary mapping: the
 * reduction index k on the rows and the output channels on the columns, folded by
 * ceil(K / rows) × ceil(N / cols) per group. PE (r, c) of a fold holds the weight of (k0 + r, n0 + c)
 * and its kernel's multiplier; PEs beyond a partial fold are idle (weight 0, activation 0, and in the
 * configurable array the exact code, so they add nothing; a fixed array's idle PE adds its own
 * f(0, 0), which the driver folds out like the zero-point term).
 *
 * <p>Cycles follow the protocol of the generated array: a fold loads its weights one row per cycle
 * ({@link ArrayConfig#loadCycles}), streams its vectors one per cycle, and its last output appears
 * {@link ArrayConfig#latency} cycles after its last input; no load while data is in flight.
 */
public record Tiling(GemmView view, ArrayConfig array, List<Fold> folds) {
    /** One weight load: group, reduction indices k0… (kCount of them) on rows 0…, outputs n0… on columns 0…. */
    public record Fold(int group, int k0, int kCount, int n0, int nCount) {
        public boolean used(int r, int c) {
            return r < kCount && c < nCount;
        }

        /** PEs doing useful work in this fold. */
        public int usedPes() {
            return kCount * nCount;
        }
    }

    public Tiling {
        folds = List.copyOf(folds);
    }

    /** Groups outermost, then output-channel folds, then reduction folds (the accumulating ones adjacent). */
    public static Tiling of(GemmView view, ArrayConfig array) {
        List<Fold> folds = new ArrayList<>();
        for (int g = 0; g < view.groups(); g++) {
            for (int n0 = 0; n0 < view.n(); n0 += array.cols()) {
                for (int k0 = 0; k0 < view.k(); k0 += array.rows()) {
                    folds.add(new Fold(g, k0, Math.min(array.rows(), view.k() - k0), n0,
                            Math.min(array.cols(), view.n() - n0)));
                }
            }
        }
        return new Tiling(view, array, folds);
    }

    public int kFolds() {
        return ceilDiv(view.k(), array.rows());
    }

    public int nFolds() {
        return ceilDiv(view.n(), array.cols());
    }

    /** The weight PE (r, c) holds in fold f: 0 when idle. */
    public int weight(Fold f, int r, int c) {
        return f.used(r, c) ? view.weight(f.group(), f.k0() + r, f.n0() + c) : 0;
    }

    /** The patch index row r streams in fold f, or -1 for an idle row (fed 0). */
    public int patchIndex(Fold f, int r) {
        return r < f.kCount() ? view.patchIndex(f.group(), f.k0() + r) : -1;
    }

    /** The layer output channel column c computes in fold f, or -1 for an idle column. */
    public int outputChannel(Fold f, int c) {
        return c < f.nCount() ? view.outputChannel(f.group(), f.n0() + c) : -1;
    }

    /**
     * The multiplier of PE (r, c) in fold f under the map's {@code kernels} ([outC][kernel column]):
     * a fixed array's own; in the configurable array the kernel's, exact when idle.
     */
    public MultiplierConfig config(Fold f, int r, int c, MultiplierConfig[][] kernels) {
        if (!array.isConfigurable()) {
            return array.config(r, c);
        }
        return f.used(r, c) ? kernelConfig(f, r, c, kernels) : MultiplierConfig.EXACT;
    }

    private MultiplierConfig kernelConfig(Fold f, int r, int c, MultiplierConfig[][] kernels) {
        return kernels[outputChannel(f, c)][view.kernelColumn(f.k0() + r)];
    }

    /**
     * The fixed array that runs every fold of this layer under the map's {@code kernels}, labelled
     * with the layer, if the map allows one: PE (r, c) takes the one configuration of every kernel it
     * meets over the folds (exact where it meets none). A map is fold-consistent when no PE meets
     * two: always at layer level, and at filter or kernel level when the configurations repeat with
     * the fold.
     */
    public FixedArray fixedArray(MultiplierConfig[][] kernels) {
        MultiplierConfig[][] pe = new MultiplierConfig[array.rows()][array.cols()];
        Fold[] first = new Fold[array.rows() * array.cols()];
        for (Fold f : folds) {
            for (int r = 0; r < f.kCount(); r++) {
                for (int c = 0; c < f.nCount(); c++) {
                    MultiplierConfig k = kernelConfig(f, r, c, kernels);
                    Fold f0 = first[r * array.cols() + c];
                    if (f0 == null) {
                        pe[r][c] = k;
                        first[r * array.cols() + c] = f;
                    } else if (!pe[r][c].equals(k)) {
                        return new FixedArray(null, String.format(java.util.Locale.ROOT, "no fixed array runs all of %s: "
                                        + "its map is not fold-consistent (PE (%d,%d) would need %s for (k %d, channel %d) "
                                        + "and %s for (k %d, channel %d))", view.name(), r, c, pe[r][c].name(), f0.k0() + r,
                                outputChannel(f0, c), k.name(), f.k0() + r, outputChannel(f, c)));
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
        return new FixedArray(ArrayConfig.fixed(view.name(), out), null);
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
        long used = folds.stream().mapToLong(Fold::usedPes).sum();
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
