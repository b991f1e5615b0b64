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
import java.util.List;
import java.util.Map;
import org.maxdnn.MaxdnnException;
import org.maxdnn.io.AtomicFiles;
import org.maxdnn.io.JsonFiles;
import org.maxdnn.mult.MultiplierConfig;

/**
 * A map's JSON form (SPEC §5): {@code default}, {@code layers} (each {@code multiplier},
 * {@code filters} or {@code kernels}) and the optional {@code compensation}, read with an error that
 * names the place of anything malformed ({@code map FILE: layers.conv1.filters[2]: ...}) and written
 * as the same fields.
 */
final class MapJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private MapJson() {
    }

    static ApproxMap read(Path file) {
        return fromJson(JsonFiles.read(file, "map"), file.toString());
    }

    static ApproxMap parse(String json, String source) {
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

    static String toJson(ApproxMap map) {
        ObjectNode root = JSON.createObjectNode();
        root.put("default", map.defaultMultiplier().name());
        ObjectNode ls = root.putObject("layers");
        map.layers().forEach((name, e) -> {
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
        if (map.compensation() != null) {
            ObjectNode cs = root.putObject("compensation");
            map.compensation().forEach((name, c) -> c.forEach(cs.putArray(name)::add));
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static void write(ApproxMap map, Path file) {
        AtomicFiles.writeString(file, toJson(map));
    }
}
