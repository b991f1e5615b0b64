package org.maxdnn.map;

import java.util.List;
import org.maxdnn.mult.MultiplierConfig;

/**
 * What a map says about one layer: a layer-wide multiplier, per-filter (output channel)
 * multipliers and per-kernel [out][in] multipliers, each optional. The most specific wins.
 */
public record LayerEntry(MultiplierConfig multiplier, List<MultiplierConfig> filters,
                         List<List<MultiplierConfig>> kernels) {
    public LayerEntry {
        filters = filters == null ? null : List.copyOf(filters);
        kernels = kernels == null ? null : kernels.stream().map(List::copyOf).toList();
    }

    public static LayerEntry layer(MultiplierConfig multiplier) {
        return new LayerEntry(multiplier, null, null);
    }

    public static LayerEntry filters(List<MultiplierConfig> filters) {
        return new LayerEntry(null, filters, null);
    }

    public static LayerEntry kernels(List<List<MultiplierConfig>> kernels) {
        return new LayerEntry(null, null, kernels);
    }
}
