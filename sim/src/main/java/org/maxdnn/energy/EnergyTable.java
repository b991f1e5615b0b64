package org.maxdnn.energy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.maxdnn.MaxdnnException;
import org.maxdnn.io.AtomicFiles;
import org.maxdnn.io.JsonFiles;
import org.maxdnn.mult.MultiplierConfig;

/**
 * Energy per multiplication (pJ) of each multiplier configuration on each layer's own operand
 * stream — the "energy per action" table of an Accelergy-style estimate. It is an input: the
 * energy flow measures it (gate-level switching on a liberty), the exploration and reports read it.
 *
 * @param library the liberty the figures come from
 * @param method  how they were obtained, stated in reports
 * @param pj      layer name → multiplier name → pJ per multiplication
 */
public record EnergyTable(String library, String method, Map<String, Map<String, Double>> pj) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public EnergyTable {
        Map<String, Map<String, Double>> copy = new LinkedHashMap<>();
        pj.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        pj = Collections.unmodifiableMap(copy);
    }

    /** pJ per multiplication of {@code config} on {@code layer}; a clear error when not characterised. */
    public double pj(String layer, MultiplierConfig config) {
        Map<String, Double> l = pj.get(layer);
        Double v = l == null ? null : l.get(config.name());
        if (v == null) {
            throw MaxdnnException.badInput("energy table (" + library + ") has no figure for " + config.name()
                    + " on layer " + layer + (l == null ? " (layer not characterised)" : ""));
        }
        return v;
    }

    public boolean has(String layer, MultiplierConfig config) {
        Map<String, Double> l = pj.get(layer);
        return l != null && l.containsKey(config.name());
    }

    public String toJson() {
        ObjectNode root = JSON.createObjectNode().put("library", library).put("method", method);
        ObjectNode layers = root.putObject("pj_per_multiplication");
        pj.forEach((layer, m) -> {
            ObjectNode o = layers.putObject(layer);
            m.forEach(o::put);
        });
        return root.toPrettyString() + "\n";
    }

    public void write(Path file) {
        AtomicFiles.writeString(file, toJson());
    }

    public static EnergyTable read(Path file) {
        JsonNode root = JsonFiles.read(file, "energy table");
        String at = "energy table " + file + ": ";
        if (root == null || !root.has("pj_per_multiplication") || !root.get("pj_per_multiplication").isObject()) {
            throw MaxdnnException.badInput(at + "expected an object with pj_per_multiplication");
        }
        Map<String, Map<String, Double>> pj = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.get("pj_per_multiplication").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> layer = it.next();
            if (!layer.getValue().isObject()) {
                throw MaxdnnException.badInput(at + "pj_per_multiplication." + layer.getKey()
                        + ": expected an object of multiplier name → pJ");
            }
            Map<String, Double> m = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> c = layer.getValue().fields(); c.hasNext(); ) {
                Map.Entry<String, JsonNode> e = c.next();
                String where = at + "pj_per_multiplication." + layer.getKey() + "." + e.getKey();
                double v = e.getValue().asDouble();
                if (!e.getValue().isNumber() || v < 0 || !Double.isFinite(v)) {
                    throw MaxdnnException.badInput(where + ": expected a non-negative number");
                }
                try {
                    MultiplierConfig.parse(e.getKey());
                } catch (MaxdnnException bad) {
                    throw MaxdnnException.badInput(where + ": " + bad.getMessage(), bad);
                }
                m.put(e.getKey(), e.getValue().asDouble());
            }
            pj.put(layer.getKey(), m);
        }
        return new EnergyTable(root.path("library").asText("?"), root.path("method").asText("?"), pj);
    }
}
