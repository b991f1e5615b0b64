package org.maxdnn.sim;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.maxdnn.MaxdnnException;
import org.maxdnn.io.AtomicFiles;
import org.maxdnn.io.ExternalTool;

/**
 * OpenSTA's ({@code sta}) power of a netlist under one uniform activity, the one annotation every
 * OpenSTA release honours: {@code set_power_activity -global -activity α -duty 0.5} puts α toggles
 * per clock period on every pin. (Debian's 2.0.17 ignores per-pin annotations and overwrites
 * internal pins with its own propagation, so it cannot price a simulated activity.) The script reads
 * the liberty and the gate-level Verilog, makes a virtual clock of the model's period with zero
 * input/output delays, sets the model's input transition and output load, and reports power in
 * total and per instance. {@link EnergyCrossCheck} compares it with {@link EnergyModel#evaluate} of
 * {@link UniformActivity} on the same netlist.
 */
public final class OpenStaPower {
    public static final long DEFAULT_TIMEOUT_SECONDS = 600;
    private static final String MARK = "MAXDNN-SECTION ";

    /**
     * @param togglesPerOp α
     * @param instances per instance name, joules per clock period: internal, switching, leakage
     * @param total the report's total, the same parts
     * @param script the Tcl script
     * @param log OpenSTA's output
     */
    public record Result(double togglesPerOp, Map<String, double[]> instances, double[] total, Path script,
                         String log) {
    }

    private OpenStaPower() {
    }

    /** Runs OpenSTA on {@code synth}'s netlist at α = {@code togglesPerOp}; files go to {@code workDir}. */
    public static Result uniform(YosysSynth.Result synth, EnergyModel model, double togglesPerOp, Path workDir) {
        return uniform(synth.verilog(), synth.plainLiberty(), model, togglesPerOp, workDir, DEFAULT_TIMEOUT_SECONDS);
    }

    public static Result uniform(Path netlistVerilog, Path liberty, EnergyModel model, double togglesPerOp,
                                 Path workDir, long timeoutSeconds) {
        ExternalTool.STA.locate();
        Path dir = workDir.toAbsolutePath();
        Path lib = LibertyFiles.plain(liberty, dir);
        String tcl = script(netlistVerilog.toAbsolutePath(), lib, model, togglesPerOp);
        Path script = dir.resolve("power.tcl");
        AtomicFiles.writeString(script, tcl);
        ExternalTool.Result r = ExternalTool.STA.run(dir, timeoutSeconds, "-no_init", "-no_splash", "-exit",
                script.toString());
        String log = r.output();
        AtomicFiles.writeString(dir.resolve("sta.log"), log);
        if (log.contains("Error:") || log.contains("error:")) {
            throw MaxdnnException.badInput("OpenSTA reported an error in " + dir + ":\n" + ExternalTool.tail(log, 20));
        }
        Map<String, String> sections = sections(log);
        double period = model.options().clockPeriod();
        double[] total = perPeriod(totalLine(sections.get("total"), dir), period);
        Map<String, double[]> inst = new HashMap<>();
        instanceLines(sections.get("instances")).forEach((name, p) -> inst.put(name, perPeriod(p, period)));
        for (Netlist.Cell c : model.simulator().netlist().cells()) {
            if (!inst.containsKey(c.name())) {
                throw MaxdnnException.badInput("OpenSTA reported no power for instance " + c.name() + " (see " + dir
                        + "/sta.log)");
            }
        }
        return new Result(togglesPerOp, inst, total, script, log);
    }

    /** Watts → joules per period, the first three figures (internal, switching, leakage). */
    private static double[] perPeriod(double[] watts, double period) {
        return new double[] {watts[0] * period, watts[1] * period, watts[2] * period};
    }

    /** The Tcl script: units are the liberty's (OpenSTA takes command units from the library). */
    static String script(Path verilog, Path lib, EnergyModel model, double togglesPerOp) {
        Liberty l = model.simulator().liberty();
        Netlist n = model.simulator().netlist();
        EnergyModel.Options o = model.options();
        double t = l.timeUnit();
        StringBuilder b = new StringBuilder();
        b.append("# MAx-DNN energy cross-check: one uniform activity on every pin\n");
        b.append("read_liberty ").append(brace(lib.toString())).append('\n');
        b.append("read_verilog ").append(brace(verilog.toString())).append('\n');
        b.append("link_design ").append(n.module()).append('\n');
        b.append(String.format(Locale.ROOT, "create_clock -name vclk -period %.6g%n", o.clockPeriod() / t));
        b.append("set_input_delay 0 -clock vclk [all_inputs]\n");
        b.append("set_output_delay 0 -clock vclk [all_outputs]\n");
        b.append(String.format(Locale.ROOT, "set_input_transition %.6g [all_inputs]%n", o.inputSlew() / t));
        b.append(String.format(Locale.ROOT, "set_load %.6g [all_outputs]%n",
                model.outputLoadFarads() / l.capacitanceUnit()));
        b.append(String.format(Locale.ROOT, "set_power_activity -global -activity %.8g -duty 0.5%n", togglesPerOp));
        b.append("puts \"").append(MARK).append("total\"\n");
        b.append("report_power -digits 10\n");
        b.append("puts \"").append(MARK).append("instances\"\n");
        b.append("report_power -instances [get_cells *] -digits 10\n");
        return b.toString();
    }

    private static String brace(String s) {
        if (s.contains("{") || s.contains("}")) {
            throw MaxdnnException.badInput("name unusable in a Tcl script: " + s);
        }
        return "{" + s + "}";
    }

    private static Map<String, String> sections(String log) {
        Map<String, String> out = new HashMap<>();
        String current = null;
        StringBuilder b = new StringBuilder();
        for (String line : log.split("\n")) {
            if (line.startsWith(MARK)) {
                if (current != null) {
                    out.put(current, b.toString());
                }
                current = line.substring(MARK.length()).trim();
                b.setLength(0);
            } else if (current != null) {
                b.append(line).append('\n');
            }
        }
        if (current != null) {
            out.put(current, b.toString());
        }
        return out;
    }

    /** internal, switching, leakage, total of the "Total" line. */
    private static double[] totalLine(String section, Path dir) {
        if (section != null) {
            for (String line : section.split("\n")) {
                String[] f = line.trim().split("\\s+");
                if (f.length >= 5 && f[0].equals("Total")) {
                    return new double[] {num(f[1]), num(f[2]), num(f[3]), num(f[4])};
                }
            }
        }
        throw MaxdnnException.badInput("no total power in OpenSTA's report (see " + dir + "/sta.log)");
    }

    /** instance name → internal, switching, leakage, total. */
    private static Map<String, double[]> instanceLines(String section) {
        Map<String, double[]> out = new HashMap<>();
        if (section == null) {
            return out;
        }
        for (String line : section.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 5 && isNumber(f[0]) && isNumber(f[1]) && isNumber(f[2]) && isNumber(f[3])) {
                out.put(f[4], new double[] {num(f[0]), num(f[1]), num(f[2]), num(f[3])});
            }
        }
        return out;
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static double num(String s) {
        return Double.parseDouble(s);
    }
}
