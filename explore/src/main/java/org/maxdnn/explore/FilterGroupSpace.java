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
 * Filter level, the paper-faithful form: each layer's filters are split into k equal
 * contiguous groups, each with its own configuration (MAx-DNN's precursor work).
 */
public final class FilterGroupSpace implements MapSpace {
    private final List<ConvLayer> layers;
    private final List<MultiplierConfig> configs;
    private final int groups;

    public FilterGroupSpace(List<ConvLayer> layers, List<MultiplierConfig> configs, int groups) {
        this.layers = List.copyOf(layers);
        this.configs = List.copyOf(configs);
        this.groups = groups;
    }

    @Override
    public String name() {
        return "filter-groups";
    }

    @Override
    public String description() {
        return "each layer's filters in " + groups + " equal groups, one of " + configs.size()
                + " configurations per group";
    }

    @Override
    public int genes() {
        return layers.size() * groups;
    }

    @Override
    public int alleles(int gene) {
        return configs.size();
    }

    @Override
    public ApproxMap map(int[] genome) {
        Map<String, LayerEntry> m = new LinkedHashMap<>();
        for (int l = 0; l < layers.size(); l++) {
            ConvLayer layer = layers.get(l);
            List<MultiplierConfig> filters = new ArrayList<>(layer.outC());
            boolean any = false;
            for (int oc = 0; oc < layer.outC(); oc++) {
                int g = genome[l * groups + oc * groups / layer.outC()];
                any |= g != 0;
                filters.add(configs.get(g));
            }
            if (any) {
                m.put(layer.name(), LayerEntry.filters(filters));
            }
        }
        return new ApproxMap(MultiplierConfig.EXACT, m);
    }

    @Override
    public List<int[]> seeds() {
        return MapSpace.uniformSeeds(genes(), configs.size());
    }
}
