package org.maxdnn.explore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.maxdnn.infer.ConvLayer;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.map.LayerEntry;
import org.maxdnn.mult.MultiplierConfig;

/**
 * Ranked filter or kernel level: each layer's units (filters, or (filter, input channel)
 * kernels) are ordered by {@link Sensitivity}, most tolerant first; per layer the genome picks a
 * configuration for the tolerant share, one for the rest, and the share (0, 1/4, …, 1).
 */
public final class RankedSpace implements MapSpace {
    public enum Unit { FILTER, KERNEL }

    static final int SHARES = 4;

    private final Unit unit;
    private final List<ConvLayer> layers;
    private final List<MultiplierConfig> configs;
    private final List<int[]> orders;

    public RankedSpace(Unit unit, List<ConvLayer> layers, List<MultiplierConfig> configs,
                       Map<String, Sensitivity.LayerScores> scores) {
        this.unit = unit;
        this.layers = List.copyOf(layers);
        this.configs = List.copyOf(configs);
        orders = new ArrayList<>();
        for (ConvLayer l : layers) {
            Sensitivity.LayerScores s = scores.get(l.name());
            orders.add(unit == Unit.FILTER ? s.filterOrder() : s.kernelOrder());
        }
    }

    @Override
    public String name() {
        return unit == Unit.FILTER ? "filter-ranked" : "kernel-ranked";
    }

    @Override
    public String description() {
        return "per layer, " + (unit == Unit.FILTER ? "filters" : "kernels")
                + " ranked by injected error (most tolerant first): one configuration for the tolerant share, one for the rest, share in quarters";
    }

    @Override
    public int genes() {
        return layers.size() * 3;
    }

    @Override
    public int alleles(int gene) {
        return gene % 3 == 2 ? SHARES + 1 : configs.size();
    }

    @Override
    public ApproxMap map(int[] genome) {
        Map<String, LayerEntry> m = new LinkedHashMap<>();
        for (int l = 0; l < layers.size(); l++) {
            ConvLayer layer = layers.get(l);
            MultiplierConfig tolerant = configs.get(genome[3 * l]);
            MultiplierConfig rest = configs.get(genome[3 * l + 1]);
            int[] order = orders.get(l);
            int share = order.length * genome[3 * l + 2] / SHARES;
            MultiplierConfig[] perUnit = new MultiplierConfig[order.length];
            for (int i = 0; i < order.length; i++) {
                perUnit[order[i]] = i < share ? tolerant : rest;
            }
            if (share == order.length || share == 0 || tolerant.equals(rest)) {
                MultiplierConfig all = share == 0 ? rest : tolerant;
                if (!all.equals(MultiplierConfig.EXACT)) {
                    m.put(layer.name(), LayerEntry.layer(all));
                }
            } else if (unit == Unit.FILTER) {
                m.put(layer.name(), LayerEntry.filters(List.of(perUnit)));
            } else {
                // one list of the layer's units, each filter's row a view of it (LayerEntry copies the
                // rows): a copy of every unit per row was outC times the layer's kernels, 5 GB for
                // MobileNetV2's 1000 x 1280 classifier
                List<MultiplierConfig> units = List.of(perUnit);
                List<List<MultiplierConfig>> k = new ArrayList<>();
                for (int oc = 0; oc < layer.outC(); oc++) {
                    k.add(units.subList(oc * layer.filterDepth(), (oc + 1) * layer.filterDepth()));
                }
                m.put(layer.name(), LayerEntry.kernels(k));
            }
        }
        return new ApproxMap(MultiplierConfig.EXACT, m);
    }

    @Override
    public List<int[]> seeds() {
        List<int[]> s = new ArrayList<>();
        for (int c = 0; c < configs.size(); c++) {
            int[] g = new int[genes()];
            for (int l = 0; l < layers.size(); l++) {
                g[3 * l] = c;
                g[3 * l + 2] = SHARES / 2; // half the units at c, the sensitive half exact
            }
            s.add(g);
        }
        return s;
    }
}
