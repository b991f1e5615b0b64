package org.maxdnn.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.maxdnn.MaxdnnException;

/**
 * One flat module of a Yosys JSON netlist ({@code write_json}): ports and cell instances with their
 * connections as Yosys bit numbers. Yosys numbers nets from 2, so the constants "0" and "1" are
 * bits {@link #CONST0} and {@link #CONST1} here; "x" and "z" read as 0.
 *
 * @param module the module name
 * @param ports ports in declaration order
 * @param cells cell instances in file order
 * @param netNames a name per bit (the first name Yosys lists for it, public names preferred)
 */
public record Netlist(String module, List<Port> ports, List<Cell> cells, Map<Integer, String> netNames) {
    public static final int CONST0 = 0;
    public static final int CONST1 = 1;

    /** A module port; {@code bits[0]} is the least significant bit. */
    public record Port(String name, String direction, boolean signed, int[] bits) {
        public boolean isInput() {
            return direction.equals("input");
        }

        public boolean isOutput() {
            return direction.equals("output");
        }

        public int width() {
            return bits.length;
        }
    }

    /** A cell instance: its type (a liberty cell name) and the bit of each of its pins. */
    public record Cell(String name, String type, Map<String, Integer> connections) {
    }

    public Netlist {
        ports = List.copyOf(ports);
        cells = List.copyOf(cells);
        netNames = Collections.unmodifiableMap(new TreeMap<>(netNames));
    }

    /** Reads module {@code top} of a Yosys JSON file. */
    public static Netlist read(Path json, String top) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json.toFile());
        } catch (IOException e) {
            throw MaxdnnException.badInput("cannot read Yosys netlist " + json + ": " + e.getMessage(), e);
        }
        JsonNode mod = root.path("modules").path(top);
        if (mod.isMissingNode()) {
            List<String> names = new ArrayList<>();
            root.path("modules").fieldNames().forEachRemaining(names::add);
            throw MaxdnnException.badInput("module " + top + " is not in " + json + " (it has " + names + ")");
        }
        String where = json + " module " + top;
        List<Port> ports = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = mod.path("ports").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode p = e.getValue();
            ports.add(new Port(e.getKey(), p.path("direction").asText(), p.path("signed").asInt(0) != 0,
                    bits(p.path("bits"), where + " port " + e.getKey())));
        }
        List<Cell> cells = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = mod.path("cells").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode c = e.getValue();
            Map<String, Integer> conn = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> ci = c.path("connections").fields(); ci.hasNext();) {
                Map.Entry<String, JsonNode> pc = ci.next();
                int[] b = bits(pc.getValue(), where + " cell " + e.getKey() + " pin " + pc.getKey());
                if (b.length != 1) {
                    throw MaxdnnException.badInput(where + ": cell " + e.getKey() + " pin " + pc.getKey() + " has "
                            + b.length + " bits; the netlist must be mapped to single-bit liberty cells");
                }
                conn.put(pc.getKey(), b[0]);
            }
            cells.add(new Cell(e.getKey(), c.path("type").asText(), conn));
        }
        Map<Integer, String> names = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = mod.path("netnames").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            boolean hidden = e.getValue().path("hide_name").asInt(0) != 0;
            int[] b = bits(e.getValue().path("bits"), where + " net " + e.getKey());
            for (int i = 0; i < b.length; i++) {
                if (b[i] < 2) {
                    continue;
                }
                String n = b.length == 1 ? e.getKey() : e.getKey() + "[" + i + "]";
                String old = names.get(b[i]);
                if (old == null || (!hidden && old.startsWith("$"))) {
                    names.put(b[i], n);
                }
            }
        }
        return new Netlist(top, ports, cells, names);
    }

    private static int[] bits(JsonNode arr, String where) {
        if (!arr.isArray()) {
            throw MaxdnnException.badInput(where + ": no bits");
        }
        int[] out = new int[arr.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode b = arr.get(i);
            if (b.isInt()) {
                out[i] = b.asInt();
                if (out[i] < 2) {
                    throw MaxdnnException.badInput(where + ": unexpected bit number " + out[i]);
                }
            } else {
                out[i] = "1".equals(b.asText()) ? CONST1 : CONST0;
            }
        }
        return out;
    }

    public Port port(String name) {
        for (Port p : ports) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw MaxdnnException.badInput("module " + module + " has no port " + name);
    }

    public List<Port> inputs() {
        return ports.stream().filter(Port::isInput).toList();
    }

    public List<Port> outputs() {
        return ports.stream().filter(Port::isOutput).toList();
    }

    /** The largest bit number used, so arrays indexed by bit need {@code maxBit() + 1} slots. */
    public int maxBit() {
        int m = 1;
        for (Port p : ports) {
            for (int b : p.bits()) {
                m = Math.max(m, b);
            }
        }
        for (Cell c : cells) {
            for (int b : c.connections().values()) {
                m = Math.max(m, b);
            }
        }
        return m;
    }

    /** Instances per cell type, sorted by type. */
    public Map<String, Integer> cellCounts() {
        Map<String, Integer> m = new TreeMap<>();
        for (Cell c : cells) {
            m.merge(c.type(), 1, Integer::sum);
        }
        return m;
    }

    /** A readable name of a bit. */
    public String netName(int bit) {
        if (bit == CONST0) {
            return "1'b0";
        }
        if (bit == CONST1) {
            return "1'b1";
        }
        return netNames.getOrDefault(bit, "$bit" + bit);
    }
}
