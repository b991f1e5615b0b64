package org.maxdnn.sim;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.maxdnn.MaxdnnException;

/**
 * Reads a liberty file ({@code .lib}, or gzip-compressed {@code .lib.gz}, recognised by content)
 * into a {@link Liberty}. The syntax is parsed strictly — groups {@code type (args) { … }}, simple
 * attributes {@code name : value ;}, complex attributes {@code name (v, …) ;}, C comments and
 * backslash line continuations — and a malformed file fails with its line number. Only the
 * semantics the energy flow needs are interpreted: units, pins (direction, capacitance, function),
 * internal power, output transition tables, leakage, wire loads.
 */
public final class LibertyReader {
    private final String file;
    private final char[] s;
    private int pos;
    private int line = 1;
    /** The line the current token started on, and whether a newline preceded it. */
    private int tokLine;
    private boolean newlineBefore;

    private enum Kind { WORD, STRING, LPAREN, RPAREN, LBRACE, RBRACE, COLON, SEMI, COMMA, EOF }

    private Kind kind;
    private String text;

    private LibertyReader(String file, String content) {
        this.file = file;
        this.s = content.toCharArray();
        advance();
    }

    /** Reads and interprets a liberty file. */
    public static Liberty read(Path path) {
        LibertyGroup root = parse(path);
        return interpret(path, root);
    }

    /** Parses a liberty file into its group tree without interpreting it. */
    public static LibertyGroup parse(Path path) {
        String content;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path))) {
            in.mark(2);
            int b0 = in.read();
            int b1 = in.read();
            in.reset();
            InputStream src = (b0 == 0x1f && b1 == 0x8b) ? new GZIPInputStream(in, 1 << 16) : in;
            content = new String(src.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw MaxdnnException.badInput("cannot read liberty " + path + ": " + e.getMessage(), e);
        }
        return parseText(path.toString(), content);
    }

    /** Parses liberty text; {@code file} names it in error messages. */
    public static LibertyGroup parseText(String file, String content) {
        LibertyReader r = new LibertyReader(file, content);
        if (r.kind != Kind.WORD || !r.text.equals("library")) {
            throw r.error("expected 'library (name) {'");
        }
        LibertyGroup lib = r.statement(null);
        if (lib == null || !lib.type().equals("library")) {
            throw r.error("expected a library group");
        }
        if (r.kind != Kind.EOF) {
            throw r.error("text after the library group");
        }
        return lib;
    }

    // ---------------------------------------------------------------- tokenizer

    private MaxdnnException error(String what) {
        return MaxdnnException.badInput("liberty " + file + ":" + tokLine + ": " + what
                + (kind == null ? "" : " (at " + describe() + ")"));
    }

    private String describe() {
        return switch (kind) {
            case WORD -> "'" + text + "'";
            case STRING -> "\"" + text + "\"";
            case EOF -> "end of file";
            default -> "'" + text + "'";
        };
    }

    private void advance() {
        newlineBefore = false;
        while (pos < s.length) {
            char c = s[pos];
            if (c == '\n') {
                line++;
                newlineBefore = true;
                pos++;
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
                pos++;
            } else if (c == '\\') {
                // line continuation: backslash, optional blanks, newline
                int p = pos + 1;
                while (p < s.length && (s[p] == ' ' || s[p] == '\t' || s[p] == '\r')) {
                    p++;
                }
                if (p < s.length && s[p] == '\n') {
                    pos = p + 1;
                    line++;
                } else {
                    break;
                }
            } else if (c == '/' && pos + 1 < s.length && s[pos + 1] == '*') {
                int start = line;
                pos += 2;
                while (pos + 1 < s.length && !(s[pos] == '*' && s[pos + 1] == '/')) {
                    if (s[pos] == '\n') {
                        line++;
                    }
                    pos++;
                }
                if (pos + 1 >= s.length) {
                    tokLine = start;
                    kind = null;
                    throw error("unterminated comment");
                }
                pos += 2;
            } else if (c == '/' && pos + 1 < s.length && s[pos + 1] == '/') {
                while (pos < s.length && s[pos] != '\n') {
                    pos++;
                }
            } else {
                break;
            }
        }
        tokLine = line;
        if (pos >= s.length) {
            kind = Kind.EOF;
            text = "";
            return;
        }
        char c = s[pos];
        switch (c) {
            case '(' -> single(Kind.LPAREN, "(");
            case ')' -> single(Kind.RPAREN, ")");
            case '{' -> single(Kind.LBRACE, "{");
            case '}' -> single(Kind.RBRACE, "}");
            case ':' -> single(Kind.COLON, ":");
            case ';' -> single(Kind.SEMI, ";");
            case ',' -> single(Kind.COMMA, ",");
            case '"' -> {
                StringBuilder b = new StringBuilder();
                pos++;
                while (true) {
                    if (pos >= s.length) {
                        kind = null;
                        throw error("unterminated string");
                    }
                    char d = s[pos];
                    if (d == '"') {
                        pos++;
                        break;
                    }
                    if (d == '\\' && pos + 1 < s.length) {
                        // a continuation inside a string: drop backslash and newline
                        int p = pos + 1;
                        while (p < s.length && (s[p] == ' ' || s[p] == '\t' || s[p] == '\r')) {
                            p++;
                        }
                        if (p < s.length && s[p] == '\n') {
                            pos = p + 1;
                            line++;
                            continue;
                        }
                    }
                    if (d == '\n') {
                        line++;
                    }
                    b.append(d);
                    pos++;
                }
                kind = Kind.STRING;
                text = b.toString();
            }
            default -> {
                int start = pos;
                while (pos < s.length && !isDelimiter(s[pos])) {
                    pos++;
                }
                kind = Kind.WORD;
                text = new String(s, start, pos - start);
            }
        }
    }

    private static boolean isDelimiter(char c) {
        return c == '(' || c == ')' || c == '{' || c == '}' || c == ':' || c == ';' || c == ',' || c == '"'
                || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    private void single(Kind k, String t) {
        kind = k;
        text = t;
        pos++;
    }

    // ---------------------------------------------------------------- parser

    /**
     * One statement inside {@code parent} (or the library itself when parent is null): a simple
     * attribute, a complex attribute or a group. Returns the group when it was one.
     */
    private LibertyGroup statement(LibertyGroup parent) {
        if (kind != Kind.WORD && kind != Kind.STRING) {
            throw error("expected an attribute or group name");
        }
        String name = text;
        int at = tokLine;
        advance();
        if (kind == Kind.COLON) {
            if (parent == null) {
                throw error("expected a group");
            }
            advance();
            StringBuilder v = new StringBuilder();
            if (kind != Kind.WORD && kind != Kind.STRING) {
                throw error("missing value of '" + name + "'");
            }
            v.append(text);
            advance();
            // an unquoted value may run over several words (e.g. "a + b") up to ';' or the line end
            while ((kind == Kind.WORD || kind == Kind.STRING) && !newlineBefore) {
                v.append(' ').append(text);
                advance();
            }
            if (kind == Kind.SEMI) {
                advance();
            } else if (!newlineBefore && kind != Kind.RBRACE) {
                throw error("expected ';' after '" + name + "'");
            }
            parent.putSimple(name, v.toString());
            return null;
        }
        if (kind != Kind.LPAREN) {
            throw error("expected ':' or '(' after '" + name + "'");
        }
        advance();
        List<String> args = new ArrayList<>();
        if (kind != Kind.RPAREN) {
            while (true) {
                StringBuilder v = new StringBuilder();
                boolean any = false;
                while (kind == Kind.WORD || kind == Kind.STRING) {
                    if (any) {
                        v.append(' ');
                    }
                    v.append(text);
                    any = true;
                    advance();
                }
                args.add(v.toString());
                if (kind == Kind.COMMA) {
                    advance();
                } else if (kind == Kind.RPAREN) {
                    break;
                } else {
                    throw error("expected ',' or ')' in '" + name + "'");
                }
            }
        }
        advance(); // ')'
        if (kind == Kind.LBRACE) {
            LibertyGroup g = new LibertyGroup(name, args, at);
            advance();
            while (kind != Kind.RBRACE) {
                if (kind == Kind.EOF) {
                    tokLine = at;
                    throw error("group '" + name + "' is not closed");
                }
                LibertyGroup child = statement(g);
                if (child != null) {
                    g.addGroup(child);
                }
            }
            advance(); // '}'
            if (kind == Kind.SEMI) {
                advance(); // tolerated after a group
            }
            return g;
        }
        if (parent == null) {
            throw error("expected '{' after library (" + String.join(",", args) + ")");
        }
        if (kind == Kind.SEMI) {
            advance();
        } else if (!newlineBefore && kind != Kind.RBRACE) {
            throw error("expected ';' after complex attribute '" + name + "'");
        }
        parent.addComplex(name, args);
        return null;
    }

    // ---------------------------------------------------------------- interpretation

    private record Template(String var1, String var2, double[] index1, double[] index2) {
    }

    static Liberty interpret(Path path, LibertyGroup lib) {
        String where = "liberty " + path;
        double timeUnit = unit(lib.simple("time_unit"), "s", 1e-9, where);
        double voltUnit = unit(lib.simple("voltage_unit"), "v", 1.0, where);
        double leakUnit = unit(lib.simple("leakage_power_unit"), "w", 1e-9, where);
        double capUnit = 1e-12;
        List<String> cu = lib.complex("capacitive_load_unit");
        if (cu != null) {
            if (cu.size() != 2) {
                throw MaxdnnException.badInput(where + ": capacitive_load_unit needs (value, unit)");
            }
            capUnit = number(cu.get(0), where) * prefix(cu.get(1).trim().toLowerCase(Locale.ROOT), "f", where);
        }
        double voltage = Double.NaN;
        if (lib.simple("nom_voltage") != null) {
            voltage = number(lib.simple("nom_voltage"), where) * voltUnit;
        } else {
            String def = lib.simple("default_operating_conditions");
            for (LibertyGroup oc : lib.groups("operating_conditions")) {
                if ((def == null || def.equals(oc.name())) && oc.simple("voltage") != null) {
                    voltage = number(oc.simple("voltage"), where) * voltUnit;
                    break;
                }
            }
        }
        if (Double.isNaN(voltage)) {
            throw MaxdnnException.badInput(where + ": no nom_voltage and no operating_conditions voltage");
        }

        Map<String, Template> templates = new HashMap<>();
        for (LibertyGroup g : lib.groups()) {
            if (g.type().endsWith("_template") && g.name() != null) {
                templates.put(g.name(), new Template(g.simple("variable_1"), g.simple("variable_2"),
                        numbers(g.complex("index_1"), where), numbers(g.complex("index_2"), where)));
            }
        }

        WireLoad wireLoad = null;
        String defWl = lib.simple("default_wire_load");
        if (defWl != null) {
            for (LibertyGroup g : lib.groups("wire_load")) {
                if (defWl.equals(g.name())) {
                    Map<Integer, Double> fl = new HashMap<>();
                    for (List<String> f : g.complexAll("fanout_length")) {
                        fl.put((int) number(f.get(0), where), number(f.get(1), where));
                    }
                    wireLoad = new WireLoad(g.name(), numberOr(g.simple("capacitance"), 0, where),
                            numberOr(g.simple("slope"), 0, where), fl);
                }
            }
            if (wireLoad == null) {
                throw MaxdnnException.badInput(where + ": default_wire_load " + defWl + " is not defined");
            }
        }

        Map<String, LibertyCell> cells = new LinkedHashMap<>();
        for (LibertyGroup cg : lib.groups("cell")) {
            LibertyCell c = cell(cg, templates, where);
            cells.put(c.name(), c);
        }
        return new Liberty(lib.name(), path, timeUnit, capUnit, voltUnit, leakUnit, voltage, cells, wireLoad, lib);
    }

    private static LibertyCell cell(LibertyGroup cg, Map<String, Template> templates, String where) {
        String cw = where + " cell " + cg.name();
        Map<String, LibertyPin> pins = new LinkedHashMap<>();
        for (LibertyGroup pg : cg.groups("pin")) {
            for (String pinName : pg.args()) { // pin (A, B) declares several alike pins
                pins.put(pinName, pin(pinName, pg, templates, cw));
            }
        }
        List<LibertyCell.ConditionalLeakage> leaks = new ArrayList<>();
        for (LibertyGroup lg : cg.groups("leakage_power")) {
            String w = lg.simple("when");
            leaks.add(new LibertyCell.ConditionalLeakage(w == null ? null : BooleanFunction.parse(w),
                    number(lg.simple("value"), cw)));
        }
        boolean seq = cg.group("ff") != null || cg.group("latch") != null || cg.group("statetable") != null
                || cg.group("ff_bank") != null || cg.group("latch_bank") != null;
        return new LibertyCell(cg.name(), numberOr(cg.simple("area"), 0, cw),
                numberOr(cg.simple("cell_leakage_power"), Double.NaN, cw), leaks, pins, seq,
                "true".equalsIgnoreCase(cg.simple("dont_use")));
    }

    private static LibertyPin pin(String name, LibertyGroup pg, Map<String, Template> templates, String where) {
        String pw = where + " pin " + name;
        String dir = pg.simple("direction");
        if (dir == null) {
            dir = "internal";
        }
        // the largest of capacitance, rise_capacitance and fall_capacitance: the load a static
        // timing/power analyser (OpenSTA) puts on the driving net
        double cap = Math.max(numberOr(pg.simple("capacitance"), 0, pw),
                Math.max(numberOr(pg.simple("rise_capacitance"), 0, pw), numberOr(pg.simple("fall_capacitance"), 0, pw)));
        String fn = pg.simple("function");
        BooleanFunction function = fn == null || fn.isBlank() ? null : BooleanFunction.parse(fn);
        List<InternalPower> powers = new ArrayList<>();
        for (LibertyGroup ip : pg.groups("internal_power")) {
            String when = ip.simple("when");
            LibertyGroup rise = ip.group("rise_power");
            LibertyGroup fall = ip.group("fall_power");
            LibertyGroup both = ip.group("power");
            LookupTable r = table(rise != null ? rise : both, templates, pw);
            LookupTable f = table(fall != null ? fall : both, templates, pw);
            powers.add(new InternalPower(names(ip.simple("related_pin")),
                    when == null || when.isBlank() ? null : BooleanFunction.parse(when), r, f,
                    ip.simple("related_pg_pin")));
        }
        List<TimingArc> arcs = new ArrayList<>();
        for (LibertyGroup t : pg.groups("timing")) {
            arcs.add(new TimingArc(names(t.simple("related_pin")), t.simple("timing_sense"), t.simple("timing_type"),
                    table(t.group("rise_transition"), templates, pw), table(t.group("fall_transition"), templates, pw)));
        }
        return new LibertyPin(name, dir, cap, function, powers, arcs);
    }

    private static List<String> names(String related) {
        if (related == null || related.isBlank()) {
            return List.of();
        }
        return List.of(related.trim().split("\\s+"));
    }

    private static LookupTable table(LibertyGroup g, Map<String, Template> templates, String where) {
        if (g == null) {
            return null;
        }
        String tw = where + " " + g.type() + " (line " + g.line() + ")";
        String tname = g.name();
        double[] values = numbers(g.complex("values"), tw);
        if (tname == null || tname.equals("scalar")) {
            if (values.length != 1) {
                throw MaxdnnException.badInput(tw + ": a scalar table needs one value");
            }
            return LookupTable.scalar(values[0]);
        }
        Template t = templates.get(tname);
        if (t == null) {
            throw MaxdnnException.badInput(tw + ": unknown template " + tname);
        }
        double[] i1 = g.complex("index_1") != null ? numbers(g.complex("index_1"), tw) : t.index1();
        double[] i2 = g.complex("index_2") != null ? numbers(g.complex("index_2"), tw) : t.index2();
        if (t.var2() == null) {
            i2 = new double[0];
        }
        return new LookupTable(t.var1(), t.var2(), i1, i2, values);
    }

    /** All numbers in a complex attribute's values: each value may hold a comma list ("1, 2, 3"). */
    private static double[] numbers(List<String> vals, String where) {
        if (vals == null) {
            return new double[0];
        }
        List<Double> out = new ArrayList<>();
        for (String v : vals) {
            for (String part : v.split("[,\\s]+")) {
                if (!part.isEmpty()) {
                    out.add(number(part, where));
                }
            }
        }
        double[] a = new double[out.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = out.get(i);
        }
        return a;
    }

    private static double number(String v, String where) {
        if (v == null) {
            throw MaxdnnException.badInput(where + ": missing number");
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw MaxdnnException.badInput(where + ": '" + v + "' is not a number");
        }
    }

    private static double numberOr(String v, double dflt, String where) {
        return v == null ? dflt : number(v, where);
    }

    /** "1ns" → 1e-9 with base "s"; "10mV" with base "v" → 0.01; null gives {@code dflt}. */
    private static double unit(String v, String base, double dflt, String where) {
        if (v == null) {
            return dflt;
        }
        String t = v.trim().toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < t.length() && (Character.isDigit(t.charAt(i)) || t.charAt(i) == '.')) {
            i++;
        }
        double scale = i == 0 ? 1.0 : number(t.substring(0, i), where);
        String rest = t.substring(i).trim();
        if (!rest.endsWith(base)) {
            throw MaxdnnException.badInput(where + ": unit '" + v + "' is not in " + base);
        }
        return scale * prefix(rest.substring(0, rest.length() - base.length()) + base, base, where);
    }

    /** The SI factor of a prefixed unit such as "pf", "ns", "nw", "mv". */
    private static double prefix(String unit, String base, String where) {
        if (!unit.endsWith(base)) {
            throw MaxdnnException.badInput(where + ": unit '" + unit + "' is not in " + base);
        }
        String p = unit.substring(0, unit.length() - base.length());
        return switch (p) {
            case "" -> 1.0;
            case "k" -> 1e3;
            case "m" -> 1e-3;
            case "u" -> 1e-6;
            case "n" -> 1e-9;
            case "p" -> 1e-12;
            case "f" -> 1e-15;
            case "a" -> 1e-18;
            default -> throw MaxdnnException.badInput(where + ": unknown unit prefix in '" + unit + "'");
        };
    }
}
