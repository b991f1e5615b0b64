package org.maxdnn.array;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.maxdnn.infer.ConvLayer;
import org.maxdnn.infer.Network;
import org.maxdnn.io.AtomicFiles;

/**
 * The tiling of every weight-bearing layer of a network on some arrays, as CSV (SCALE-Sim's
 * per-layer report): GEMM shape, groups packed per fold, folds, mapping efficiency, and cycles and
 * utilisation for one input, beside SCALE-Sim's own folds and cycles ({@link ScaleSimModel}). The
 * reviewed golden copy for ResNet-8 is written by {@code make golden} through {@link #main}.
 */
public final class TilingTable {
    public static final String HEADER = "layer,op,array,M,K,N,groups,groups_per_fold,k_folds,n_folds,folds,mapping_efficiency,"
            + "cycles,utilisation,scalesim_folds,scalesim_cycles";

    private TilingTable() {
    }

    public static String csv(Network net, List<ArrayConfig> arrays) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (ArrayConfig a : arrays) {
            for (ConvLayer l : net.weightedLayers()) {
                Tiling t = Tiling.of(GemmViews.of(l), a);
                GemmView v = t.view();
                out.append(String.format(Locale.ROOT, "%s,%s,%dx%d,%d,%d,%d,%d,%d,%d,%d,%d,%.4f,%d,%.4f,%d,%d%n", l.name(),
                        l.op(), a.rows(), a.cols(), v.m(), v.k(), v.n(), v.groups(), t.groupsPerFold(), t.kFolds(), t.nFolds(),
                        t.folds().size(), t.mappingEfficiency(), t.cycles(v.m()), t.utilisation(v.m()),
                        ScaleSimModel.folds(v, a), ScaleSimModel.cycles(v, a, v.m())));
            }
        }
        return out.toString();
    }

    /** The arrays of the golden table: the default 16x16 and the quick 8x8. */
    public static List<ArrayConfig> goldenArrays() {
        return List.of(ArrayConfig.configurable(16, 16), ArrayConfig.configurable(8, 8));
    }

    /** {@code TilingTable MODEL.tflite OUT.csv}: writes the table of the golden arrays (for {@code make golden}). */
    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: TilingTable MODEL.tflite OUT.csv");
            System.exit(1);
        }
        AtomicFiles.writeString(Path.of(args[1]), csv(Network.load(Path.of(args[0])), goldenArrays()));
        System.out.println("wrote " + args[1]);
    }
}
