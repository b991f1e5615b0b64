package org.maxdnn.map;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.maxdnn.MaxdnnException;
import org.maxdnn.infer.ConvLayer;
import org.maxdnn.infer.Network;
import org.maxdnn.infer.ops.LayerNames;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.mult.MultiplierRegistry;

/**
 * An approximation map (SPEC §5, §12): which multiplier each kernel of each layer uses. Resolution
 * is kernel > filter > layer > default; {@code default} covers the conv and depthwise layers, FC
 * layers are approximated only when named. A depthwise layer's kernels are [out][1], an FC layer's
 * [out][in] (one per weight); a single FC layer {@code fc} may also be named {@code fc0}.
 *
 * <p>{@code compensation}, when not null, makes the map <em>compensated</em>: per layer, one int32
 * per output channel, the channel's calibrated mean accumulator error ({@link Compensation}),
 * subtracted from the model's bias wherever the map runs ({@link #compensate}). Layers it does not
 * name keep their bias.
 */
public record ApproxMap(MultiplierConfig defaultMultiplier, Map<String, LayerEntry> layers,
                        Map<String, List<Integer>> compensation) {
    public ApproxMap {
        layers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(layers));
        if (compensation != null) {
            Map<String, List<Integer>> c = new LinkedHashMap<>();
            compensation.forEach((k, v) -> c.put(k, List.copyOf(v)));
            compensation = java.util.Collections.unmodifiableMap(c);
        }
    }

    /** An uncompensated map. */
    public ApproxMap(MultiplierConfig defaultMultiplier, Map<String, LayerEntry> layers) {
        this(defaultMultiplier, layers, null);
    }

    /** Whether the map carries bias compensation (possibly empty: nothing to correct). */
    public boolean isCompensated() {
        return compensation != null;
    }

    /** The same multipliers with these per-layer bias corrections ({@code null}: uncompensated). */
    public ApproxMap withCompensation(Map<String, List<Integer>> perLayer) {
        return new ApproxMap(defaultMultiplier, layers, perLayer);
    }

    /** The bias correction of each output channel of {@code layer} (subtracted from its bias), or null. */
    public int[] compensation(ConvLayer layer) {
        if (compensation == null) {
            return null;
        }
        List<Integer> c = compensation.get(layer.name());
        if (c == null) {
            c = compensation.get(LayerNames.alias(layer.name()));
        }
        return c == null ? null : c.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * {@code net} with every compensated layer's bias replaced by bias − correction: what eval,
     * cosimulation and the energy flow run. {@code net} itself when the map corrects nothing.
     */
    public Network compensate(Network net) {
        if (compensation == null || compensation.isEmpty()) {
            return net;
        }
        Map<String, int[]> biases = new LinkedHashMap<>();
        for (ConvLayer l : net.weightedLayers()) {
            int[] c = compensation(l);
            if (c != null) {
                int[] b = l.bias().clone();
                for (int oc = 0; oc < b.length; oc++) {
                    b[oc] -= c[oc];
                }
                biases.put(l.name(), b);
            }
        }
        return net.withBiases(biases);
    }

    public static ApproxMap exact() {
        return uniform(MultiplierConfig.EXACT);
    }

    /** Every conv and depthwise kernel uses {@code config}; FC stays exact. */
    public static ApproxMap uniform(MultiplierConfig config) {
        return new ApproxMap(config, Map.of());
    }

    /** One configuration per named layer, the rest exact. */
    public static ApproxMap layerLevel(Map<String, MultiplierConfig> perLayer) {
        Map<String, LayerEntry> m = new LinkedHashMap<>();
        perLayer.forEach((k, v) -> m.put(k, LayerEntry.layer(v)));
        return new ApproxMap(MultiplierConfig.EXACT, m);
    }

    /**
     * A kernel-level map over every conv and depthwise layer (those {@code default} covers), each
     * kernel drawn uniformly from {@code choices} with a seeded generator (tests, benchmarks,
     * cosimulation).
     */
    public static ApproxMap randomKernels(Network net, List<MultiplierConfig> choices, long seed) {
        return randomKernels(net.weightedLayers().stream().filter(ApproxMap::coveredByDefault).toList(), choices, seed);
    }

    /** A kernel-level map over {@code layers}, each kernel drawn uniformly from {@code choices}. */
    public static ApproxMap randomKernels(List<ConvLayer> layers, List<MultiplierConfig> choices, long seed) {
        java.util.Random rnd = new java.util.Random(seed);
        Map<String, LayerEntry> m = new LinkedHashMap<>();
        for (ConvLayer l : layers) {
            List<List<MultiplierConfig>> k = new ArrayList<>();
            for (int oc = 0; oc < l.outC(); oc++) {
                List<MultiplierConfig> row = new ArrayList<>();
                for (int ic = 0; ic < l.filterDepth(); ic++) {
                    row.add(choices.get(rnd.nextInt(choices.size())));
                }
                k.add(row);
            }
            m.put(l.name(), LayerEntry.kernels(k));
        }
        return new ApproxMap(MultiplierConfig.EXACT, m);
    }

    /** Whether {@code default} applies to the layer: conv and depthwise layers, not FC. */
    public static boolean coveredByDefault(ConvLayer layer) {
        return LayerNames.coveredByDefault(layer.op());
    }

    /**
     * The multiplier of every kernel of {@code layer}: [outC][filterDepth] (conv and FC: [out][in],
     * depthwise: [out][1]). Call {@link #validate} first.
     */
    public MultiplierConfig[][] resolve(ConvLayer layer) {
        LayerEntry e = entry(layer.name());
        MultiplierConfig base = e != null && e.multiplier() != null ? e.multiplier()
                : coveredByDefault(layer) ? defaultMultiplier : MultiplierConfig.EXACT;
        MultiplierConfig[][] out = new MultiplierConfig[layer.outC()][layer.filterDepth()];
        for (int oc = 0; oc < layer.outC(); oc++) {
            MultiplierConfig f = e != null && e.filters() != null ? e.filters().get(oc) : base;
            for (int j = 0; j < layer.filterDepth(); j++) {
                out[oc][j] = e != null && e.kernels() != null ? e.kernels().get(oc).get(j) : f;
            }
        }
        return out;
    }

    /** Whether every kernel of a {@link #resolve}d layer is exact by definition. */
    public static boolean allExact(MultiplierConfig[][] configs) {
        return java.util.Arrays.stream(configs).flatMap(java.util.Arrays::stream)
                .allMatch(MultiplierConfig::isExactByDefinition);
    }

    /** The entry of a layer by its name, or by {@code fc0} for a single FC layer {@code fc}. */
    private LayerEntry entry(String layer) {
        LayerEntry e = layers.get(layer);
        return e == null ? layers.get(LayerNames.alias(layer)) : e;
    }

    /** Every distinct configuration the map uses on {@code net}. */
    public Set<MultiplierConfig> configsUsed(Network net) {
        Set<MultiplierConfig> s = new LinkedHashSet<>();
        for (ConvLayer l : net.weightedLayers()) {
            for (MultiplierConfig[] row : resolve(l)) {
                s.addAll(List.of(row));
            }
        }
        return s;
    }

    /** Checks layer names and lengths against a network; {@code source} names the map in errors ({@link MapChecks}). */
    public ApproxMap validate(Network net, String source) {
        return MapChecks.validate(this, net, source);
    }

    /**
     * Checks that every table multiplier the map names has its table in {@code registry}'s folder,
     * naming the place in the map ({@code layers.conv1.multiplier}) of the first that does not.
     */
    public ApproxMap checkTables(MultiplierRegistry registry, String source) {
        return MapChecks.checkTables(this, registry, source);
    }

    /** The map in a JSON file ({@link MapJson}). */
    public static ApproxMap read(Path file) {
        return MapJson.read(file);
    }

    /** The map in JSON text; {@code source} names it in errors. */
    public static ApproxMap parse(String json, String source) {
        return MapJson.parse(json, source);
    }

    public String toJson() {
        return MapJson.toJson(this);
    }

    /**
     * A fixed-size key of the map: the SHA-256 of its JSON in 64 hex digits, equal for maps with
     * equal JSON, computed without holding the JSON (a kernel map of MobileNetV2 is 70 MB of it).
     */
    public String digest() {
        return MapJson.digest(this);
    }

    public void write(Path file) {
        MapJson.write(this, file);
    }
}
