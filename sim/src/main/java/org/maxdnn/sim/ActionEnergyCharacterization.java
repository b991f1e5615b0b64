package org.maxdnn.sim;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.maxdnn.energy.Action;
import org.maxdnn.energy.ActionEnergyTable;
import org.maxdnn.energy.PeActions;
import org.maxdnn.io.AtomicFiles;
import org.maxdnn.mult.Multiplier;
import org.maxdnn.rtl.RtlTemplate;

/**
 * Measures the {@link ActionEnergyTable} on netlists of the PE's parts, synthesised to the liberty
 * like the multipliers and simulated (flip-flops included, {@link GateSimulator}) on the
 * {@link PeStimulus} of a real layer's operand stream: a 32-bit register (the partial-sum
 * register: its clock per flop and cycle with the data held, then per changed bit on the partial
 * sums), the 32-bit adder (partial sum + sign-extended product), and the 8-bit weight register
 * with its load enable (per load, beyond its clock). For the energy-proportional array (SPEC §6.1):
 * the latch-based clock gate alone held open and held closed (per cycle), a 32-bit register behind
 * it held open (its flops' clock pins and the gated net, per flop and open cycle, beyond the gate),
 * and the adder at every partial-sum width a gated array has. Energies are the cells' (OpenSTA's
 * scope: no charging of the primary-input nets, the clock net's included; a gate's output net is a
 * cell's and counts).
 */
public final class ActionEnergyCharacterization {
    static final String REGISTER = "module PeRegister(input clock, input [31:0] d, output reg [31:0] q);\n"
            + "  always @(posedge clock) q <= d;\nendmodule\n";
    static final String ADDER = "module PeAdder(input [31:0] a, input [15:0] b, output [31:0] s);\n"
            + "  assign s = a + {{16{b[15]}}, b};\nendmodule\n";
    static final String WEIGHT_REGISTER = "module PeWeightRegister(input clock, input load, input [7:0] d, "
            + "output reg [7:0] q);\n  always @(posedge clock) if (load) q <= d;\nendmodule\n";

    static final String GATED_REGISTER = "module PeGatedRegister(input clock, input reset, input enable, "
            + "input [31:0] d, output reg [31:0] q);\n  wire gated;\n  ClockGate gate (.clock(clock), .reset(reset), "
            + ".enable(enable), .gated(gated));\n  always @(posedge gated) q <= d;\nendmodule\n";

    private ActionEnergyCharacterization() {
    }

    /** The table from {@code stream} (a layer's real operands) and its exact products; designs under {@code workDir}. */
    public static ActionEnergyTable run(OperandStream stream, Multiplier exact, Path liberty, Path workDir) {
        PeStimulus pe = PeStimulus.of(stream, exact);
        int cycles = pe.cycles();
        long transitions = cycles - 1L;
        String where = String.format(Locale.ROOT, "gate-level simulation on %s of the PE stimulus of %s (%d cycles, "
                + "%d loads)", liberty.getFileName(), stream.name(), cycles, pe.loads());

        GateLevelEnergy reg = design("PeRegister", REGISTER, liberty, workDir);
        int[] next = new int[cycles];
        for (int c = 0; c < cycles; c++) {
            next[c] = pe.psum()[c] + exact.multiply(pe.product().a()[c], pe.product().b()[c]);
        }
        double idle = joules(reg, Map.of("clock", new int[cycles], "d", new int[cycles]));
        double clockPerFlopCycle = idle / (32.0 * transitions);
        Activity data = reg.simulator().simulate(Map.of("clock", new int[cycles], "d", next), false);
        long qToggles = 0;
        for (int b : reg.synthesis().netlist().port("q").bits()) {
            qToggles += data.toggles()[b];
        }
        double perToggle = (reg.model().evaluate(data).cellsOnly() * transitions - idle) / qToggles;

        GateLevelEnergy add = design("PeAdder", ADDER, liberty, workDir);
        int[] products = new int[cycles];
        for (int c = 0; c < cycles; c++) {
            products[c] = exact.multiply(pe.product().a()[c], pe.product().b()[c]);
        }
        double perAdd = add.model().evaluate(add.simulator().simulate(Map.of("a", pe.psum(), "b", products), false))
                .cellsOnly();

        GateLevelEnergy w = design("PeWeightRegister", WEIGHT_REGISTER, liberty, workDir);
        double loads = joules(w, Map.of("clock", new int[cycles], "load", pe.load(), "d", pe.weight()));
        double perLoad = (loads - 8 * clockPerFlopCycle * transitions) / pe.loads();

        String clockGate = RtlTemplate.text("ClockGate.sv");
        GateLevelEnergy gate = design("ClockGate", clockGate, liberty, workDir);
        int[] zeros = new int[cycles];
        int[] ones = new int[cycles];
        Arrays.fill(ones, 1);
        double gateOpen = joules(gate, Map.of("clock", zeros, "reset", zeros, "enable", ones)) / transitions;
        double gateClosed = joules(gate, Map.of("clock", zeros, "reset", zeros, "enable", zeros)) / transitions;
        GateLevelEnergy gated = design("PeGatedRegister", GATED_REGISTER + clockGate, liberty, workDir);
        double gatedOpen = joules(gated, Map.of("clock", zeros, "reset", zeros, "enable", ones, "d", zeros))
                / transitions;
        double perGatedFlop = (gatedOpen - gateOpen) / 32.0;

        Map<Action, ActionEnergyTable.Entry> e = new LinkedHashMap<>();
        e.put(PeActions.REGISTER_CLOCK, new ActionEnergyTable.Entry(clockPerFlopCycle * 1e12,
                "32-bit register with its data held; " + where));
        e.put(PeActions.REGISTER_BIT_TOGGLE, new ActionEnergyTable.Entry(perToggle * 1e12,
                "32-bit register on the partial sums beyond its clock per changed bit; " + where));
        e.put(PeActions.ADDER_ADD, new ActionEnergyTable.Entry(perAdd * 1e12,
                "32-bit adder: partial sum + sign-extended product; " + where));
        e.put(PeActions.WEIGHT_LOAD, new ActionEnergyTable.Entry(perLoad * 1e12,
                "8-bit weight register with load enable beyond its clock per load; " + where));
        e.put(PeActions.CLOCK_GATE_OPEN, new ActionEnergyTable.Entry(gateOpen * 1e12,
                "latch-based clock gate (ClockGate.sv: latch + AND) held open, per cycle; " + where));
        e.put(PeActions.CLOCK_GATE_CLOSED, new ActionEnergyTable.Entry(gateClosed * 1e12,
                "latch-based clock gate held closed, per cycle; " + where));
        e.put(PeActions.REGISTER_GATED_CLOCK, new ActionEnergyTable.Entry(perGatedFlop * 1e12,
                "32-bit register behind an open clock gate with its data held, beyond the gate, per flop and cycle; "
                        + where));
        for (int bits = PeActions.MIN_ADDER_BITS; bits <= PeActions.MAX_ADDER_BITS; bits++) {
            GateLevelEnergy narrow = design("PeAdder" + bits, adder(bits), liberty, workDir);
            double pj = narrow.model().evaluate(narrow.simulator().simulate(Map.of("a", pe.psum(), "b", products), false))
                    .cellsOnly() * 1e12;
            e.put(PeActions.adderAdd(bits), new ActionEnergyTable.Entry(pj, bits + "-bit adder of a gated array's row: "
                    + "partial sum + sign-extended product; " + where));
        }
        return new ActionEnergyTable("measured", e);
    }

    /** A gated array row's adder: a {@code bits}-bit partial sum plus the sign-extended product. */
    static String adder(int bits) {
        return "module PeAdder" + bits + "(input [" + (bits - 1) + ":0] a, input [15:0] b, output [" + (bits - 1)
                + ":0] s);\n  assign s = a + " + (bits > 16 ? "{{" + (bits - 16) + "{b[15]}}, b}" : "b") + ";\nendmodule\n";
    }

    private static GateLevelEnergy design(String top, String verilog, Path liberty, Path workDir) {
        Path dir = workDir.resolve(top);
        Path file = dir.resolve(top + ".v");
        AtomicFiles.writeString(file, verilog);
        return GateLevelEnergy.synthesize(file, top, liberty, dir, EnergyModel.Options.DEFAULT);
    }

    /** The cells' energy over the whole stimulus, joules. */
    private static double joules(GateLevelEnergy g, Map<String, int[]> in) {
        Activity a = g.simulator().simulate(in, false);
        return g.model().evaluate(a).cellsOnly() * a.transitions();
    }
}
