package org.maxdnn.array;

/**
 * SCALE-Sim's analytical weight-stationary cycle count (Samajdar et al., ISPASS 2020; SCALE-Sim v2
 * {@code compute/systolic_compute_ws.py}), to hold the RTL's measured cycles against. For a GEMM of
 * Sr reduction rows, Sc output columns and T streamed vectors on an R × C array, SCALE-Sim folds it
 * into ceil(Sr / R) · ceil(Sc / C) folds, each
 * <pre>  2R + C + T − 2 cycles:  R (weights loaded) + T (vectors) + (R − 1) (input skew) + (C − 1) (output drain),</pre>
 * the length of its IFMAP demand matrix (an R-row load prefix, T rows, a (C − 1)-row drain suffix,
 * skewed over R rows), with no memory stalls. A depthwise layer is split into one single-channel
 * layer per channel ({@code topology_utils.py}): per group, Sr = K, Sc = N.
 *
 * <p>The generated array's fold takes 2R + C + T ({@link Tiling#cycles}): two cycles more, the
 * boundary register every input passes before the skew and the last row's partial-sum register
 * (SCALE-Sim writes an output in the cycle of its last MAC; here it leaves a register a cycle later).
 * And {@link Tiling} packs depthwise groups block-diagonally, so its fold count differs there.
 * {@link Comparison} states both terms.
 */
public final class ScaleSimModel {
    private ScaleSimModel() {
    }

    /** Cycles of one fold that streams {@code vectors} vectors. */
    public static long foldCycles(ArrayConfig array, int vectors) {
        return 2L * array.rows() + array.cols() + vectors - 2;
    }

    /** Folds of the layer in SCALE-Sim's normal form: one GEMM per group. */
    public static long folds(GemmView view, ArrayConfig array) {
        return (long) view.groups() * ceilDiv(view.k(), array.rows()) * ceilDiv(view.n(), array.cols());
    }

    /** Cycles of the layer with {@code vectors} streamed per fold (inputs × M). */
    public static long cycles(GemmView view, ArrayConfig array, int vectors) {
        return folds(view, array) * foldCycles(array, vectors);
    }

    /**
     * A layer's measured RTL cycles against SCALE-Sim's, the difference split into its two terms:
     * {@code registers} = 2 per fold the RTL ran, {@code packing} = (the RTL's folds − SCALE-Sim's)
     * × SCALE-Sim's fold cycles (0 unless groups are packed).
     */
    public record Comparison(String layer, long rtlCycles, long scaleSimCycles, long registers, long packing) {
        /** True when the two terms account for the whole difference. */
        public boolean explained() {
            return rtlCycles == scaleSimCycles + registers + packing;
        }
    }

    /** Compares {@code rtlCycles}, measured for {@code tiling} streaming {@code vectors} per fold. */
    public static Comparison compare(Tiling tiling, int vectors, long rtlCycles) {
        ArrayConfig a = tiling.array();
        long ours = tiling.folds().size();
        long theirs = folds(tiling.view(), a);
        return new Comparison(tiling.view().name(), rtlCycles, theirs * foldCycles(a, vectors), 2 * ours,
                (ours - theirs) * foldCycles(a, vectors));
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
