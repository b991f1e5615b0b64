package org.maxdnn.layout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.maxdnn.MaxdnnException;

/**
 * The parasitics of a routed design from a SPEF file (IEEE 1481), as far as the energy model needs
 * them: per net its total (wire) capacitance and its connections.
 *
 * <p>Names are resolved through {@code *NAME_MAP}. Values are kept as written, in the header's
 * {@code *C_UNIT}; see {@link WireCapacitance} for why qflow's header cannot be taken at its word.
 *
 * @param design {@code *DESIGN}
 * @param program {@code *PROGRAM} (qflow: "qrouter", converted by rc2dly)
 * @param capacitanceUnitFarads the header's {@code *C_UNIT} in farads
 * @param nets the {@code *D_NET} sections in file order
 */
public record Spef(String design, String program, double capacitanceUnitFarads, List<Net> nets) {
    private static final Pattern C_UNIT = Pattern.compile("(?m)^\\*C_UNIT\\s+([0-9.eE+-]+)\\s+(\\w+)\\s*$");
    private static final Pattern HEADER = Pattern.compile("(?m)^\\*(DESIGN|PROGRAM)\\s+\"([^\"]*)\"");

    /**
     * One {@code *D_NET}.
     *
     * @param name the net name (as the router wrote it: qflow's bus bits read {@code a[3]} here
     *        where its Verilog netlist says {@code a_3_})
     * @param totalCapacitance the D_NET's total capacitance (qflow: the wire alone, pins excluded),
     *        in the file's unit
     * @param connections its {@code *CONN} entries
     */
    public record Net(String name, double totalCapacitance, List<Connection> connections) {
    }

    /**
     * A {@code *CONN} entry: a port ({@code *P name dir}) or an instance pin ({@code *I inst:pin dir}).
     *
     * @param instance the instance, or null for a top-level port
     * @param pin the pin of the instance, or the port name
     * @param direction I, O or B
     * @param load the {@code *L} pin capacitance, in the file's unit; NaN when absent
     */
    public record Connection(String instance, String pin, String direction, double load) {
        public boolean isPort() {
            return instance == null;
        }
    }

    /** Parses SPEF text; {@code where} names the file in errors. */
    public static Spef parse(String text, String where) {
        Map<String, String> header = new HashMap<>();
        Matcher h = HEADER.matcher(text);
        while (h.find()) {
            header.putIfAbsent(h.group(1), h.group(2));
        }
        Matcher cu = C_UNIT.matcher(text);
        if (!cu.find()) {
            throw MaxdnnException.badInput(where + ": no *C_UNIT header");
        }
        double unit = Double.parseDouble(cu.group(1)) * capacitanceUnit(cu.group(2), where);
        String divider = headerChar(text, "DELIMITER", ":");
        Map<String, String> names = new HashMap<>();
        List<Net> nets = new ArrayList<>();
        String[] lines = text.split("\n");
        String section = "";
        String netName = null;
        double netCap = 0;
        List<Connection> conns = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("//")) {
                continue;
            }
            String[] t = line.split("\\s+");
            String where1 = where + " line " + (i + 1);
            switch (t[0]) {
                case "*NAME_MAP", "*PORTS", "*CONN", "*CAP", "*RES", "*INDUC" -> section = t[0];
                case "*D_NET" -> {
                    if (t.length < 3) {
                        throw MaxdnnException.badInput(where1 + ": *D_NET needs a name and a capacitance");
                    }
                    netName = resolve(t[1], names);
                    netCap = number(t[2], where1);
                    conns = new ArrayList<>();
                    section = "*D_NET";
                }
                case "*END" -> {
                    if (netName == null) {
                        throw MaxdnnException.badInput(where1 + ": *END outside a *D_NET");
                    }
                    nets.add(new Net(netName, netCap, List.copyOf(conns)));
                    netName = null;
                    section = "";
                }
                case "*P", "*I" -> {
                    if (!section.equals("*CONN") || conns == null) {
                        continue; // *PORTS entries and the like
                    }
                    if (t.length < 3) {
                        throw MaxdnnException.badInput(where1 + ": a connection needs a name and a direction");
                    }
                    double load = Double.NaN;
                    for (int k = 3; k + 1 < t.length; k++) {
                        if (t[k].equals("*L")) {
                            load = number(t[k + 1], where1);
                        }
                    }
                    if (t[0].equals("*P")) {
                        conns.add(new Connection(null, resolve(t[1], names), t[2], load));
                    } else {
                        int cut = t[1].lastIndexOf(divider);
                        if (cut <= 0) {
                            throw MaxdnnException.badInput(where1 + ": instance pin '" + t[1] + "' has no '" + divider
                                    + "'");
                        }
                        conns.add(new Connection(resolve(t[1].substring(0, cut), names), t[1].substring(cut + 1), t[2],
                                load));
                    }
                }
                default -> {
                    if (section.equals("*NAME_MAP") && t[0].startsWith("*") && t.length >= 2) {
                        names.put(t[0], t[1]);
                    }
                }
            }
        }
        if (netName != null) {
            throw MaxdnnException.badInput(where + ": *D_NET " + netName + " has no *END");
        }
        return new Spef(header.getOrDefault("DESIGN", ""), header.getOrDefault("PROGRAM", ""), unit, List.copyOf(nets));
    }

    private static String resolve(String token, Map<String, String> names) {
        String n = token.startsWith("*") ? names.getOrDefault(token, token) : token;
        return n.replace("\\", "");
    }

    private static double number(String token, String where) {
        try {
            return Double.parseDouble(token);
        } catch (NumberFormatException e) {
            throw MaxdnnException.badInput(where + ": '" + token + "' is not a number");
        }
    }

    private static String headerChar(String text, String key, String dflt) {
        Matcher m = Pattern.compile("(?m)^\\*" + key + "\\s+(\\S)").matcher(text);
        return m.find() ? m.group(1) : dflt;
    }

    private static double capacitanceUnit(String unit, String where) {
        return switch (unit.toUpperCase(Locale.ROOT)) {
            case "F" -> 1.0;
            case "PF" -> 1e-12;
            case "FF" -> 1e-15;
            case "NF" -> 1e-9;
            case "UF" -> 1e-6;
            default -> throw MaxdnnException.badInput(where + ": unknown *C_UNIT unit " + unit);
        };
    }
}
