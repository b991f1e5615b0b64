package org.maxdnn.sim;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.maxdnn.MaxdnnException;
import org.maxdnn.io.AtomicFiles;
import org.maxdnn.io.ExternalTool;

/**
 * Cross-checks {@link EnergyModel} with OpenSTA ({@code sta}) on the same netlist, liberty, loads,
 * input transitions and measured activity.
 *
 * <p>The script reads the liberty and the gate-level Verilog, makes a virtual clock of the model's
 * period with zero input/output delays (so every pin is clocked and activities are per period),
 * sets the input transition and output load, annotates every primary input
 * ({@code set_power_activity -input_ports}) and every cell output pin ({@code -pins}) with the
 * simulated toggles per operation and duty, and reports total power. Then it checks whether this
 * OpenSTA honours pin annotations (a probe re-annotates one pin and looks for a change), and
 * finally reports per-instance power under {@code set_power_activity -global -activity 1 -duty 0.5}.
 *
 * <p>OpenSTA releases before 2020 (Debian's 2.0.17 among them) only honour annotations on primary
 * inputs and overwrite internal pins with their probabilistic propagation. For those the
 * annotated result is built from the per-instance report instead: OpenSTA's energy per output
 * toggle of each instance (its power at activity 1 × period: switching ½·C·V² at OpenSTA's load plus
 * internal energy at OpenSTA's slews, weighted by its own input-duty rule) times the simulated
 * toggles of that instance's output, plus OpenSTA's leakage. Either way the activity is the
 * simulation's and every energy figure is OpenSTA's.
 */
public final class OpenStaPower {
    public static final long DEFAULT_TIMEOUT_SECONDS = 600;
    private static final String MARK = "MAXDNN-SECTION ";

    /**
     * @param pinAnnotationsHonoured whether this OpenSTA used the per-pin activities
     * @param energyPerOp OpenSTA's energy per operation (J) under the simulated activity
     * @param switchingPerOp its switching part, J
     * @param internalPerOp its internal part, J
     * @param leakagePerOp its leakage part, J
     * @param script the Tcl script
     * @param log OpenSTA's output
     */
    public record Result(boolean pinAnnotationsHonoured, double energyPerOp, double switchingPerOp,
                         double internalPerOp, double leakagePerOp, Path script, String log) {
        public double energyPerOpPj() {
            return energyPerOp * 1e12;
        }
    }

    private OpenStaPower() {
    }

    /**
     * Runs OpenSTA on {@code synth}'s Verilog netlist with the activity {@code act} measured on
     * {@code model}'s simulator; files go to {@code workDir}.
     */
    public static Result run(YosysSynth.Result synth, EnergyModel model, Activity act, Path workDir) {
        return run(synth.verilog(), synth.plainLiberty(), model, act, workDir, DEFAULT_TIMEOUT_SECONDS);
    }

    public static Result run(Path netlistVerilog, Path liberty, EnergyModel model, Activity act, Path workDir,
                             long timeoutSeconds) {
        ExternalTool.STA.locate();
        Path dir = workDir.toAbsolutePath();
        Path lib = LibertyFiles.plain(liberty, dir);
        GateSimulator sim = model.simulator();
        Netlist n = sim.netlist();
        if (act.transitions() == 0) {
            throw MaxdnnException.badInput("the activity has no transitions (fewer than 2 vectors)");
        }
        String tcl = script(netlistVerilog.toAbsolutePath(), lib, model, act);
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
        double[] direct = totalLine(sections.get("direct"), dir);
        Map<String, double[]> p1 = instanceLines(sections.get("probe1"));
        Map<String, double[]> p2 = instanceLines(sections.get("probe2"));
        boolean honoured = !p1.isEmpty() && differs(p1, p2);
        Map<String, double[]> inst = instanceLines(sections.get("instances"));
        double period = model.options().clockPeriod();
        long ops = act.transitions();
        double sw = 0;
        double in = 0;
        double leak = 0;
        for (int c = 0; c < n.cells().size(); c++) {
            String name = n.cells().get(c).name();
            double[] p = inst.get(name);
            if (p == null) {
                throw MaxdnnException.badInput("OpenSTA reported no power for instance " + name + " (see " + dir
                        + "/sta.log)");
            }
            // p = internal, switching, leakage, total at activity 1 per period on every pin
            double rate = 0;
            List<LibertyPin> outs = sim.cellType(c).outputs();
            for (LibertyPin o : outs) {
                rate += act.toggles()[sim.pinNet(c, o.name())];
            }
            rate = outs.isEmpty() ? 0 : rate / outs.size() / ops;
            double eInt = p[0] * period * rate;
            double eSw = p[1] * period * rate;
            in += eInt;
            sw += eSw;
            leak += p[2] * period;
        }
        if (honoured) {
            return new Result(true, direct[3] * period, direct[1] * period, direct[0] * period, direct[2] * period,
                    script, log);
        }
        return new Result(false, sw + in + leak, sw, in, leak, script, log);
    }

    private static boolean differs(Map<String, double[]> a, Map<String, double[]> b) {
        for (Map.Entry<String, double[]> e : a.entrySet()) {
            double[] o = b.get(e.getKey());
            if (o == null || Math.abs(o[3] - e.getValue()[3]) > 1e-6 * Math.abs(e.getValue()[3])) {
                return true;
            }
        }
        return false;
    }

    /** The Tcl script: units are the liberty's (OpenSTA takes command units from the library). */
    static String script(Path verilog, Path lib, EnergyModel model, Activity act) {
        GateSimulator sim = model.simulator();
        Liberty l = sim.liberty();
        Netlist n = sim.netlist();
        EnergyModel.Options o = model.options();
        double t = l.timeUnit();
        StringBuilder b = new StringBuilder();
        b.append("# MAx-DNN energy cross-check: activity from the gate-level simulation\n");
        b.append("read_liberty ").append(brace(lib.toString())).append('\n');
        b.append("read_verilog ").append(brace(verilog.toString())).append('\n');
        b.append("link_design ").append(n.module()).append('\n');
        b.append(String.format(Locale.ROOT, "create_clock -name vclk -period %.6g%n", o.clockPeriod() / t));
        b.append("set_input_delay 0 -clock vclk [all_inputs]\n");
        b.append("set_output_delay 0 -clock vclk [all_outputs]\n");
        b.append(String.format(Locale.ROOT, "set_input_transition %.6g [all_inputs]%n", o.inputSlew() / t));
        b.append(String.format(Locale.ROOT, "set_load %.6g [all_outputs]%n",
                model.outputLoadFarads() / l.capacitanceUnit()));
        b.append("set_power_activity -input -activity 0 -duty 0\n");
        for (Netlist.Port p : n.inputs()) {
            for (int i = 0; i < p.width(); i++) {
                int bit = p.bits()[i];
                String name = p.width() == 1 ? p.name() : p.name() + "[" + i + "]";
                b.append(String.format(Locale.ROOT, "set_power_activity -input_ports [get_ports %s] -activity %.8g -duty %.8g%n",
                        brace(name), act.toggleRate(bit), act.duty(bit)));
            }
        }
        String probePin = null;
        String probeCell = null;
        double probeAct = 0;
        double probeDuty = 0;
        for (int c = 0; c < n.cells().size(); c++) {
            for (LibertyPin out : sim.cellType(c).outputs()) {
                if (!n.cells().get(c).connections().containsKey(out.name())) {
                    continue;
                }
                int net = sim.pinNet(c, out.name());
                String pin = n.cells().get(c).name() + "/" + out.name();
                // caught: Debian's OpenSTA 2.0.17 fails on -pins (its Tcl calls an undefined get_pins_error)
                b.append(String.format(Locale.ROOT,
                        "catch {set_power_activity -pins [get_pins %s] -activity %.8g -duty %.8g}%n",
                        brace(pin), act.toggleRate(net), act.duty(net)));
                if (probePin == null) {
                    probePin = pin;
                    probeCell = n.cells().get(c).name();
                    probeAct = act.toggleRate(net);
                    probeDuty = act.duty(net);
                }
            }
        }
        b.append("puts \"").append(MARK).append("direct\"\n");
        b.append("report_power -digits 10\n");
        if (probePin != null) {
            b.append("puts \"").append(MARK).append("probe1\"\n");
            b.append("report_power -instances [get_cells ").append(brace(probeCell)).append("] -digits 10\n");
            b.append(String.format(Locale.ROOT,
                    "catch {set_power_activity -pins [get_pins %s] -activity %.8g -duty %.8g}%n",
                    brace(probePin), probeAct * 0.5 + 0.25, probeDuty));
            b.append("puts \"").append(MARK).append("probe2\"\n");
            b.append("report_power -instances [get_cells ").append(brace(probeCell)).append("] -digits 10\n");
        }
        b.append("set_power_activity -global -activity 1 -duty 0.5\n");
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
