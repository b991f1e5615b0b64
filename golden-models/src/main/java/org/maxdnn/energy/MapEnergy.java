package org.maxdnn.energy;

import java.util.ArrayList;
import java.util.List;
import org.maxdnn.infer.ConvLayer;
import org.maxdnn.infer.Network;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.mult.MultiplierConfig;

/**
 * Network multiplier energy of a map (SPEC §8): Σ over layers and kernels of the kernel's
 * multiplications × the pJ per multiplication of its configuration on that layer's data.
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
            long perKernel = (long) l.outH() * l.outW() * l.kh() * l.kw();
            double pj = 0;
            double exact = 0;
            double exactPerKernel = perKernel * table.pj(l.name(), MultiplierConfig.EXACT);
            MultiplierConfig[][] configs = map.resolve(l);
            for (MultiplierConfig[] row : configs) {
                for (MultiplierConfig c : row) {
                    pj += perKernel * table.pj(l.name(), c);
                    exact += exactPerKernel; // summed the same way, so the exact map saves exactly 0
                }
            }
            out.add(new LayerEnergy(l.name(), l.macs(), pj, exact));
        }
        return new Breakdown(out);
    }
}
