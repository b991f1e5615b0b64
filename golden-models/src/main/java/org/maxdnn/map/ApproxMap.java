package org.maxdnn.map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.maxdnn.MaxdnnException;
import org.maxdnn.infer.ConvLayer;
import org.maxdnn.infer.Network;
import org.maxdnn.io.AtomicFiles;
import org.maxdnn.io.JsonFiles;
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
    private static final ObjectMapper JSON = new ObjectMapper();

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

    /** Checks layer names and lengths against a network; {@code source} names the map in errors. */
    public ApproxMap validate(Network net, String source) {
        for (Map.Entry<String, LayerEntry> en : layers.entrySet()) {
            String where = "map " + source + ": layers." + en.getKey();
            ConvLayer l = namedLayer(net, en.getKey(), layers.keySet(), where, "layers.");
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
        if (compensation != null) {
            validateCompensation(net, source);
        }
        return this;
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

    private void validateCompensation(Network net, String source) {
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
    public ApproxMap checkTables(MultiplierRegistry registry, String source) {
        String at = "map " + source + ": ";
        checkTable(registry, defaultMultiplier, at + "default");
        layers.forEach((name, e) -> {
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
        return this;
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

    public static ApproxMap read(Path file) {
        return fromJson(JsonFiles.read(file, "map"), file.toString());
    }

    public static ApproxMap parse(String json, String source) {
        return fromJson(JsonFiles.parse(json, "map " + source), source);
    }

    private static ApproxMap fromJson(JsonNode root, String source) {
        String at = "map " + source + ": ";
        if (root == null || !root.isObject()) {
            throw MaxdnnException.badInput(at + "expected a JSON object with \"default\" and \"layers\"");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!f.equals("default") && !f.equals("layers") && !f.equals("compensation")) {
                throw MaxdnnException.badInput(at + "unknown field '" + f
                        + "' (expected default, layers, compensation)");
            }
        }
        MultiplierConfig dflt = root.has("default") ? config(root.get("default"), at + "default")
                : MultiplierConfig.EXACT;
        Map<String, LayerEntry> layers = new LinkedHashMap<>();
        JsonNode ls = root.get("layers");
        if (ls != null && !ls.isNull()) {
            if (!ls.isObject()) {
                throw MaxdnnException.badInput(at + "layers: expected an object keyed by layer name");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = ls.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> en = it.next();
                layers.put(en.getKey(), entry(en.getValue(), at + "layers." + en.getKey()));
            }
        }
        return new ApproxMap(dflt, layers, root.has("compensation")
                ? compensation(root.get("compensation"), at + "compensation") : null);
    }

    private static Map<String, List<Integer>> compensation(JsonNode n, String where) {
        if (!n.isObject()) {
            throw MaxdnnException.badInput(where + ": expected an object keyed by layer name, each an array "
                    + "of int32 bias corrections (one per output channel)");
        }
        Map<String, List<Integer>> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> en = it.next();
            String at = where + "." + en.getKey();
            JsonNode a = en.getValue();
            if (!a.isArray()) {
                throw MaxdnnException.badInput(at + ": expected an array of int32 bias corrections, got " + a);
            }
            List<Integer> c = new ArrayList<>(a.size());
            for (int i = 0; i < a.size(); i++) {
                JsonNode v = a.get(i);
                if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                    throw MaxdnnException.badInput(at + "[" + i + "]: expected an int32, got " + v);
                }
                c.add(v.intValue());
            }
            out.put(en.getKey(), c);
        }
        return out;
    }

    private static LayerEntry entry(JsonNode n, String where) {
        if (!n.isObject()) {
            throw MaxdnnException.badInput(where + ": expected an object with multiplier, filters or kernels");
        }
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!List.of("multiplier", "filters", "kernels").contains(f)) {
                throw MaxdnnException.badInput(where + ": unknown field '" + f + "' (expected multiplier, filters, kernels)");
            }
        }
        MultiplierConfig m = n.has("multiplier") ? config(n.get("multiplier"), where + ".multiplier") : null;
        List<MultiplierConfig> filters = n.has("filters") ? list(n.get("filters"), where + ".filters") : null;
        List<List<MultiplierConfig>> kernels = null;
        if (n.has("kernels")) {
            JsonNode k = n.get("kernels");
            if (!k.isArray()) {
                throw MaxdnnException.badInput(where + ".kernels: expected an array of arrays [out][in]");
            }
            kernels = new ArrayList<>();
            for (int i = 0; i < k.size(); i++) {
                kernels.add(list(k.get(i), where + ".kernels[" + i + "]"));
            }
        }
        if (m == null && filters == null && kernels == null) {
            throw MaxdnnException.badInput(where + ": names no multiplier, filters or kernels");
        }
        return new LayerEntry(m, filters, kernels);
    }

    private static List<MultiplierConfig> list(JsonNode n, String where) {
        if (!n.isArray()) {
            throw MaxdnnException.badInput(where + ": expected an array of multiplier names");
        }
        List<MultiplierConfig> out = new ArrayList<>(n.size());
        for (int i = 0; i < n.size(); i++) {
            out.add(config(n.get(i), where + "[" + i + "]"));
        }
        return out;
    }

    private static MultiplierConfig config(JsonNode n, String where) {
        if (!n.isTextual()) {
            throw MaxdnnException.badInput(where + ": expected a multiplier name string, got " + n);
        }
        try {
            return MultiplierConfig.parse(n.asText());
        } catch (MaxdnnException e) {
            throw MaxdnnException.badInput(where + ": " + e.getMessage(), e);
        }
    }

    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("default", defaultMultiplier.name());
        ObjectNode ls = root.putObject("layers");
        layers.forEach((name, e) -> {
            ObjectNode o = ls.putObject(name);
            if (e.multiplier() != null) {
                o.put("multiplier", e.multiplier().name());
            }
            if (e.filters() != null) {
                ArrayNode a = o.putArray("filters");
                e.filters().forEach(c -> a.add(c.name()));
            }
            if (e.kernels() != null) {
                ArrayNode a = o.putArray("kernels");
                for (List<MultiplierConfig> row : e.kernels()) {
                    ArrayNode r = a.addArray();
                    row.forEach(c -> r.add(c.name()));
                }
            }
        });
        if (compensation != null) {
            ObjectNode cs = root.putObject("compensation");
            compensation.forEach((name, c) -> c.forEach(cs.putArray(name)::add));
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public void write(Path file) {
        AtomicFiles.writeString(file, toJson());
    }
}
