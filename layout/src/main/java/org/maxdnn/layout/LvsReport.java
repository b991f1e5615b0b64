package org.maxdnn.layout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.maxdnn.MaxdnnException;

/**
 * Netgen's layout-versus-schematic result: its verdict line ("Result: Circuits match uniquely.")
 * and the mismatches counted from its JSON report {@code comp.json} the way qflow's
 * {@code count_lvs.py} counts them (top cell, the last record: device and net count differences,
 * unmatched nets and devices, pin mismatches; properties in every cell).
 *
 * @param verdict netgen's last "Result:" line, without the prefix
 * @param errors the mismatches counted from comp.json
 */
public record LvsReport(String verdict, int errors) {
    private static final Pattern RESULT = Pattern.compile("(?m)^Result:\\s*(.+?)\\s*$");

    /** True when netgen matched the circuits with no mismatch. */
    public boolean clean() {
        return errors == 0 && verdict.startsWith("Circuits match");
    }

    /** Parses netgen's log ({@code log/lvs.log}) and {@code comp.json}; {@code where} names them in errors. */
    public static LvsReport parse(String log, String compJson, String where) {
        Matcher m = RESULT.matcher(log);
        String verdict = null;
        while (m.find()) {
            verdict = m.group(1);
        }
        if (verdict == null) {
            throw MaxdnnException.badInput(where + ": netgen printed no 'Result:' line; LVS did not run to the end");
        }
        return new LvsReport(verdict, countErrors(compJson, where));
    }

    static int countErrors(String compJson, String where) {
        JsonNode cells;
        try {
            cells = new ObjectMapper().readTree(compJson);
        } catch (IOException e) {
            throw MaxdnnException.badInput(where + ": comp.json is not JSON: " + e.getMessage(), e);
        }
        if (!cells.isArray() || cells.isEmpty()) {
            throw MaxdnnException.badInput(where + ": comp.json holds no cell records");
        }
        int errors = 0;
        for (int c = 0; c < cells.size(); c++) {
            JsonNode cell = cells.get(c);
            errors += cell.path("properties").size();
            if (c < cells.size() - 1) {
                continue;
            }
            JsonNode devices = cell.path("devices");
            if (devices.size() == 2) {
                Map<String, Integer> counts = new HashMap<>();
                for (JsonNode d : devices.get(0)) {
                    counts.merge(d.get(0).asText(), d.get(1).asInt(), Integer::sum);
                }
                for (JsonNode d : devices.get(1)) {
                    counts.merge(d.get(0).asText(), -d.get(1).asInt(), Integer::sum);
                }
                for (int diff : counts.values()) {
                    errors += Math.abs(diff);
                }
            }
            JsonNode nets = cell.path("nets");
            if (nets.size() == 2) {
                errors += Math.abs(nets.get(0).asInt() - nets.get(1).asInt());
            }
            errors += cell.path("badnets").size() + cell.path("badelements").size();
            JsonNode pins = cell.path("pins");
            if (pins.size() == 2) {
                Iterator<JsonNode> a = pins.get(0).iterator();
                Iterator<JsonNode> b = pins.get(1).iterator();
                while (a.hasNext() && b.hasNext()) {
                    if (!pinName(a.next()).equals(pinName(b.next()))) {
                        errors++;
                    }
                }
            }
        }
        return errors;
    }

    private static String pinName(JsonNode pin) {
        return pin.asText().toLowerCase(Locale.ROOT).replaceAll("!$", "");
    }
}
