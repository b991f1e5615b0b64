package org.maxdnn.explore;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.mult.MultiplierConfig;

/** Layer level: one configuration per layer (conv, depthwise or FC; also the ALWANN baseline, with its tables). */
public final class LayerSpace implements MapSpace {
    private final String name;
    private final List<String> layers;
    private final List<MultiplierConfig> configs;

    /** {@code configs.get(0)} must be exact (the all-exact seed). */
    public LayerSpace(String name, List<String> layers, List<MultiplierConfig> configs) {
        this.name = name;
        this.layers = List.copyOf(layers);
        this.configs = List.copyOf(configs);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return "one of " + configs.size() + " configurations per layer (" + layers.size() + " layers)";
    }

    @Override
    public int genes() {
        return layers.size();
    }

    @Override
    public int alleles(int gene) {
        return configs.size();
    }

    @Override
    public ApproxMap map(int[] genome) {
        Map<String, MultiplierConfig> m = new LinkedHashMap<>();
        for (int i = 0; i < layers.size(); i++) {
            if (genome[i] != 0) {
                m.put(layers.get(i), configs.get(genome[i]));
            }
        }
        return ApproxMap.layerLevel(m);
    }

    @Override
    public List<int[]> seeds() {
        return MapSpace.uniformSeeds(genes(), configs.size());
    }
}
