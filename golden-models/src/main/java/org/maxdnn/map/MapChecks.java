package org.maxdnn.map;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.maxdnn.MaxdnnException;
import org.maxdnn.infer.ConvLayer;
import org.maxdnn.infer.Network;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.mult.MultiplierRegistry;

/**
 * The checks of a map against what it will run on: its layer names, filter and kernel counts and
 * compensation entries against a network, its table multipliers against a registry's tables. Each
 * error names the place in the map ({@code map FILE: layers.conv1.kernels[3]}).
 */
final class MapChecks {
    private MapChecks() {
    }

    /** Checks layer names and lengths against a network; {@code source} names the map in errors. */
    static ApproxMap validate(ApproxMap map, Network net, String source) {
        for (Map.Entry<String, LayerEntry> en : map.layers().entrySet()) {
            String where = "map " + source + ": layers." + en.getKey();
            ConvLayer l = namedLayer(net, en.getKey(), map.layers().keySet(), where, "layers.");
            LayerEntry e = en.getValue();
            if (e.filters() != null && e.filters().size() != l.outC()) {
                throw MaxdnnException.badInput(where + ".filters: " + e.filters().size() + " entries, but "
                        + l.name() + " has " + l.outC() + " filters");
            }
            if (e.kernels() != null) {
                if (e.kernels().size() != l.outC()) {
                    throw MaxdnnException.badInput(where + ".kernels: " + e.kernels().size() + " rows, but "
                            + l.name() + " has " + l.outC() + " filters");
                }
                for (int oc = 0; oc < l.outC(); oc++) {
                    if (e.kernels().get(oc).size() != l.filterDepth()) {
                        throw MaxdnnException.badInput(where + ".kernels[" + oc + "]: " + e.kernels().get(oc).size()
                                + " entries, but a filter of " + l.name() + " (" + l.op() + ") reads "
                                + l.filterDepth() + " input channel" + (l.filterDepth() == 1 ? "" : "s"));
                    }
                }
            }
        }
        if (map.compensation() != null) {
            validateCompensation(map.compensation(), net, source);
        }
        return map;
    }

    /** The layer a key of {@code keys} names (fc0 finds fc), or a clear error at {@code where}. */
    private static ConvLayer namedLayer(Network net, String key, Set<String> keys, String where, String prefix) {
        ConvLayer l;
        try {
            l = net.approximableLayer(key);
        } catch (MaxdnnException e) {
            throw MaxdnnException.badInput(where + ": " + e.getMessage(), e);
        }
        if (!l.name().equals(key) && keys.contains(l.name())) {
            throw MaxdnnException.badInput(where + ": names the same layer as " + prefix + l.name());
        }
        return l;
    }

    private static void validateCompensation(Map<String, List<Integer>> compensation, Network net, String source) {
        for (Map.Entry<String, List<Integer>> en : compensation.entrySet()) {
            String where = "map " + source + ": compensation." + en.getKey();
            ConvLayer l = namedLayer(net, en.getKey(), compensation.keySet(), where, "compensation.");
            List<Integer> c = en.getValue();
            if (c.size() != l.outC()) {
                throw MaxdnnException.badInput(where + ": " + c.size() + " corrections, but " + l.name() + " has "
                        + l.outC() + " output channels (one int32 per channel)");
            }
            for (int oc = 0; oc < c.size(); oc++) {
                long b = (long) l.bias()[oc] - c.get(oc);
                if (b != (int) b) {
                    throw MaxdnnException.badInput(where + "[" + oc + "]: bias " + l.bias()[oc] + " − " + c.get(oc)
                            + " overflows int32");
                }
            }
        }
    }

    /**
     * Checks that every table multiplier the map names has its table in {@code registry}'s folder,
     * naming the place in the map ({@code layers.conv1.multiplier}) of the first that does not.
     */
    static ApproxMap checkTables(ApproxMap map, MultiplierRegistry registry, String source) {
        String at = "map " + source + ": ";
        checkTable(registry, map.defaultMultiplier(), at + "default");
        map.layers().forEach((name, e) -> {
            String where = at + "layers." + name;
            checkTable(registry, e.multiplier(), where + ".multiplier");
            for (int i = 0; e.filters() != null && i < e.filters().size(); i++) {
                checkTable(registry, e.filters().get(i), where + ".filters[" + i + "]");
            }
            for (int i = 0; e.kernels() != null && i < e.kernels().size(); i++) {
                for (int j = 0; j < e.kernels().get(i).size(); j++) {
                    checkTable(registry, e.kernels().get(i).get(j), where + ".kernels[" + i + "][" + j + "]");
                }
            }
        });
        return map;
    }

    private static void checkTable(MultiplierRegistry registry, MultiplierConfig c, String where) {
        if (c == null || c.table() == null) {
            return;
        }
        try {
            registry.get(c);
        } catch (MaxdnnException e) {
            throw MaxdnnException.badInput(where + ": " + e.getMessage(), e);
        }
    }
}
