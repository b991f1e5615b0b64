package org.maxdnn.sim;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.maxdnn.MaxdnnException;

/**
 * The meaning of a parsed liberty file ({@link LibertyParser}) as far as the energy flow needs it:
 * units, pins (direction, capacitance, function), internal power, output transition tables,
 * leakage, wire loads. Everything else stays available in the group tree ({@link Liberty#root()}).
 */
public final class LibertyInterpreter {
    private LibertyInterpreter() {
    }

    private record Template(String var1, String var2, double[] index1, double[] index2) {
    }

    /** The library a parsed file describes; {@code path} names it in error messages. */
    public static Liberty interpret(Path path, LibertyGroup lib) {
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
        Map<String, Template> templates = templates(lib, where);
        Map<String, LibertyCell> cells = new LinkedHashMap<>();
        for (LibertyGroup cg : lib.groups("cell")) {
            LibertyCell c = cell(cg, templates, where);
            cells.put(c.name(), c);
        }
        return new Liberty(lib.name(), path, timeUnit, capUnit, voltUnit, leakUnit, nominalVoltage(lib, voltUnit, where),
                cells, defaultWireLoad(lib, where), lib);
    }

    /** {@code nom_voltage}, else the default operating conditions' voltage, in volts. */
    private static double nominalVoltage(LibertyGroup lib, double voltUnit, String where) {
        if (lib.simple("nom_voltage") != null) {
            return number(lib.simple("nom_voltage"), where) * voltUnit;
        }
        String def = lib.simple("default_operating_conditions");
        for (LibertyGroup oc : lib.groups("operating_conditions")) {
            if ((def == null || def.equals(oc.name())) && oc.simple("voltage") != null) {
                return number(oc.simple("voltage"), where) * voltUnit;
            }
        }
        throw MaxdnnException.badInput(where + ": no nom_voltage and no operating_conditions voltage");
    }

    /** The lookup-table templates ({@code *_template} groups) by name. */
    private static Map<String, Template> templates(LibertyGroup lib, String where) {
        Map<String, Template> templates = new HashMap<>();
        for (LibertyGroup g : lib.groups()) {
            if (g.type().endsWith("_template") && g.name() != null) {
                templates.put(g.name(), new Template(g.simple("variable_1"), g.simple("variable_2"),
                        numbers(g.complex("index_1"), where), numbers(g.complex("index_2"), where)));
            }
        }
        return templates;
    }

    /** The wire-load model {@code default_wire_load} names, or null when there is none. */
    private static WireLoad defaultWireLoad(LibertyGroup lib, String where) {
        String name = lib.simple("default_wire_load");
        if (name == null) {
            return null;
        }
        for (LibertyGroup g : lib.groups("wire_load")) {
            if (name.equals(g.name())) {
                Map<Integer, Double> fl = new HashMap<>();
                for (List<String> f : g.complexAll("fanout_length")) {
                    fl.put((int) number(f.get(0), where), number(f.get(1), where));
                }
                return new WireLoad(g.name(), numberOr(g.simple("capacitance"), 0, where),
                        numberOr(g.simple("slope"), 0, where), fl);
            }
        }
        throw MaxdnnException.badInput(where + ": default_wire_load " + name + " is not defined");
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
        LibertyCell.FlipFlop ff = null;
        LibertyGroup fg = cg.group("ff");
        if (fg != null && fg.args().size() == 2 && fg.simple("next_state") != null && fg.simple("clocked_on") != null) {
            ff = new LibertyCell.FlipFlop(fg.args().get(0), fg.args().get(1), BooleanFunction.parse(fg.simple("next_state")),
                    fg.simple("clocked_on").trim(), fg.simple("clear"), fg.simple("preset"));
        }
        LibertyCell.Latch latch = null;
        LibertyGroup lg = cg.group("latch");
        if (lg != null && lg.args().size() == 2 && lg.simple("data_in") != null && lg.simple("enable") != null
                && lg.simple("clear") == null && lg.simple("preset") == null) {
            latch = new LibertyCell.Latch(lg.args().get(0), lg.args().get(1), BooleanFunction.parse(lg.simple("data_in")),
                    lg.simple("enable").trim());
        }
        return new LibertyCell(cg.name(), numberOr(cg.simple("area"), 0, cw),
                numberOr(cg.simple("cell_leakage_power"), Double.NaN, cw), leaks, pins, seq,
                "true".equalsIgnoreCase(cg.simple("dont_use")), ff, latch);
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
