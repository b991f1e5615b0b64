package org.maxdnn.map;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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
        StringWriter text = new StringWriter();
        try (JsonGenerator g = JSON.getFactory().createGenerator(text)) {
            g.setPrettyPrinter(new DefaultPrettyPrinter());
            write(map, g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text + "\n";
    }

    /**
     * The SHA-256 of the map's compact JSON, streamed (no text or tree of the whole map is held), as
     * 64 hex digits: equal for equal maps, a fixed 64 characters however many kernels the map names.
     */
    static String digest(ApproxMap map) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (JsonGenerator g = JSON.getFactory().createGenerator(new DigestOutputStream(OutputStream.nullOutputStream(),
                sha), JsonEncoding.UTF8)) {
            write(map, g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The map's fields, in order, through {@code g}. */
    private static void write(ApproxMap map, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("default", map.defaultMultiplier().name());
        g.writeObjectFieldStart("layers");
        for (Map.Entry<String, LayerEntry> l : map.layers().entrySet()) {
            LayerEntry e = l.getValue();
            g.writeObjectFieldStart(l.getKey());
            if (e.multiplier() != null) {
                g.writeStringField("multiplier", e.multiplier().name());
            }
            if (e.filters() != null) {
                g.writeArrayFieldStart("filters");
                names(e.filters(), g);
                g.writeEndArray();
            }
            if (e.kernels() != null) {
                g.writeArrayFieldStart("kernels");
                for (List<MultiplierConfig> row : e.kernels()) {
                    g.writeStartArray();
                    names(row, g);
                    g.writeEndArray();
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        }
        g.writeEndObject();
        if (map.compensation() != null) {
            g.writeObjectFieldStart("compensation");
            for (Map.Entry<String, List<Integer>> c : map.compensation().entrySet()) {
                g.writeArrayFieldStart(c.getKey());
                for (int v : c.getValue()) {
                    g.writeNumber(v);
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void names(List<MultiplierConfig> configs, JsonGenerator g) throws IOException {
        for (MultiplierConfig c : configs) {
            g.writeString(c.name());
        }
    }

    static void write(ApproxMap map, Path file) {
        AtomicFiles.writeString(file, toJson(map));
    }
}
