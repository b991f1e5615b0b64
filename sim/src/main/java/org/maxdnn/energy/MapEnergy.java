package org.maxdnn.energy;

import java.util.ArrayList;
import java.util.List;
import org.maxdnn.array.GemmView;
import org.maxdnn.array.GemmViews;
import org.maxdnn.infer.ConvLayer;
import org.maxdnn.infer.Network;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.mult.MultiplierConfig;

/**
 * Network multiplier energy of a map (SPEC §8): Σ over layers and kernels of the kernel's
 * multiplications (counted from the layer's GEMM view) × the pJ per multiplication of its
 * configuration on that layer's data.
 */
public final class MapEnergy {
    private MapEnergy() {
    }

    /** One layer's share. */
    public record LayerEnergy(String layer, long macs, double pj, double exactPj) {
        public double savingPct() {
            return exactPj == 0 ? 0 : 100 * (1 - pj / exactPj);
        }
    }

    /** Per-layer and total energy of a map, and of the exact map on the same table. */
    public record Breakdown(List<LayerEnergy> layers) {
        public double pj() {
            return layers.stream().mapToDouble(LayerEnergy::pj).sum();
        }

        public double exactPj() {
            return layers.stream().mapToDouble(LayerEnergy::exactPj).sum();
        }

        public double savingPct() {
            return 100 * (1 - pj() / exactPj());
        }
    }

    public static Breakdown of(Network net, ApproxMap map, EnergyTable table) {
        List<LayerEnergy> out = new ArrayList<>();
        for (ConvLayer l : net.weightedLayers()) {
            long[][] counts = multiplicationsPerKernel(GemmViews.of(l));
            double pj = 0;
            double exact = 0;
            double exactPj = table.pj(l.name(), MultiplierConfig.EXACT);
            MultiplierConfig[][] configs = map.resolve(l);
            for (int oc = 0; oc < configs.length; oc++) {
                for (int j = 0; j < configs[oc].length; j++) {
                    pj += counts[oc][j] * table.pj(l.name(), configs[oc][j]);
                    exact += counts[oc][j] * exactPj; // summed the same way, so the exact map saves exactly 0
                }
            }
            out.add(new LayerEnergy(l.name(), l.macs(), pj, exact));
        }
        return new Breakdown(out);
    }

    /** Multiplications per input of each kernel [output channel][kernel column]: M for every PE position it fills. */
    static long[][] multiplicationsPerKernel(GemmView view) {
        int columns = 0;
        for (int k = 0; k < view.k(); k++) {
            columns = Math.max(columns, view.kernelColumn(k) + 1);
        }
        long[][] counts = new long[view.groups() * view.n()][columns];
        for (int g = 0; g < view.groups(); g++) {
            for (int n = 0; n < view.n(); n++) {
                long[] row = counts[view.outputChannel(g, n)];
                for (int k = 0; k < view.k(); k++) {
                    row[view.kernelColumn(k)] += view.m();
                }
            }
        }
        return counts;
    }
}
