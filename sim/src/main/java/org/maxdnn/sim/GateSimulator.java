package org.maxdnn.sim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.maxdnn.MaxdnnException;

/**
 * Zero-delay, bit-parallel simulation of a combinational gate-level netlist: 64 input vectors per
 * {@code long}, cells evaluated in topological order with their liberty {@code function}s. It
 * counts, per net, the toggles between consecutive vectors (the switching activity of a stream, as
 * a clocked datapath fed one vector per cycle sees it, glitches excluded) and the vectors at 1, and
 * attributes every output toggle of a cell to the internal-power groups of the input pins that
 * caused it (see {@link Activity}).
 *
 * <p>Edge-triggered flip-flops (a liberty {@code ff} group without clear or preset) are simulated
 * as registers of one clock: each input vector is one clock cycle, a flop's output holds the state
 * its {@code next_state} took at the previous vector (0 before the first), and a netlist with flops
 * is simulated one vector at a time (its state feeds back). The clock does not need a stimulus: its
 * net toggles twice per cycle, each flop's clock-pin power groups count a rise and a fall per
 * cycle, and an output toggle of a flop is caused by the clock.
 *
 * <p>Clock gating (SPEC §6.1): a flop may be clocked through a cell that ANDs the clock port
 * ({@code clock}) with an enable, the enable held by a latch transparent while the clock is low (its
 * enable pin driven by the inverted clock). Such a latch passes its data in the cycle it is
 * evaluated (the value it holds when the clock rises), the flop takes its next state only in the
 * cycles the gate's enable is high, and the clock-driven events (the clock and inverted-clock nets,
 * the latch's enable pin, the gate's output: two transitions per cycle, per open cycle for the
 * gated clock and the flops behind it) are added after the vectors. Other latches and sequential
 * cells and combinational loops are errors. A tri-state output is simulated as always driven. An unconnected
 * cell output gets a private net.
 */
public final class GateSimulator {
    /** Vectors are simulated in chunks of at most this many 64-bit words. */
    private static final int MAX_CHUNK_WORDS = 64;

    /**
     * An internal-power group of a cell type in the flat order used by {@link Activity#powerEvents()}.
     *
     * @param pin the pin that holds the group
     * @param index the group's position among the pin's groups
     * @param power the group
     */
    public record PowerGroup(LibertyPin pin, int index, InternalPower power) {
    }

    private static final class Group {
        int event;
        /** Nets whose toggle causes this group's events (the related pins); empty = any toggle. */
        int[] relatedNets;
        /** Index into the output's related-net list of each related net. */
        BooleanFunction when;
        int[] whenNets;
        /** For an unconditional group: the conditional groups of the same related pins. */
        Group[] conditionalSiblings;
        /** A flop's group caused by its clock: an output group related to it, or the clock pin's own. */
        boolean clocked;
    }

    private static final class Output {
        int net;
        BooleanFunction function;
        int[] functionNets;
        /** Distinct related nets of this output's groups, for counting simultaneous causes. */
        int[] relatedNets;
        Group[] groups;
    }

    private static final class InputGroups {
        int net;
        Group[] groups;
    }

    /** A flip-flop's state: its two private nets and what it takes at the clock edge. */
    private static final class Flop {
        int stateNet;
        int stateBarNet;
        BooleanFunction nextState;
        int[] nextStateNets;
        int clockNet;
    }

    private static final class Gate {
        int cellIndex;
        Flop flop;
        LibertyCell type;
        Output[] outputs;
        InputGroups[] inputs;
        int eventCount;
    }

    private final Netlist netlist;
    private final Liberty liberty;
    private final int netCount;
    private final Gate[] order;
    private final LibertyCell[] cellTypes;
    private final List<Map<String, Integer>> pinNets = new ArrayList<>();
    private final int maxStack;
    /** The flip-flops, in evaluation order; a netlist with any is simulated one vector at a time. */
    private final Gate[] flops;
    /** Clock-gate latches (cell indices). */
    private final List<Integer> latches = new ArrayList<>();
    /** The clock port's net, or -1. */
    private final int clockNet;
    /** Cells fed by the clock: inverters of it and clock gates. */
    private final List<ClockCell> clockCells;
    /** Per net: driven by a clock gate. */
    private final boolean[] gatedClockNet;

    /**
     * A cell with an input on the clock: an inverter of it ({@code inverted}), or a clock gate whose
     * output pulses with the clock while its other inputs (the enable) make it follow the clock.
     *
     * @param gate the cell
     * @param output its output net
     * @param clockInput the net of its input on the clock
     * @param inverted true for an inverter of the clock
     */
    private record ClockCell(Gate gate, int output, int clockInput, boolean inverted) {
    }

    /** The cells on the clock: inverters of it, and gates whose output is the clock ANDed with an enable. */
    private List<ClockCell> clockCone(Gate[] gates) {
        List<ClockCell> out = new ArrayList<>();
        if (clockNet < 0) {
            return out;
        }
        for (Gate g : gates) {
            Map<String, Integer> pins = pinNets.get(g.cellIndex);
            for (LibertyPin p : g.type.inputs()) {
                if (pins.get(p.name()) != clockNet || g.outputs.length != 1 || g.flop != null) {
                    continue;
                }
                Output o = g.outputs[0];
                int k = indexOf(o.functionNets, clockNet);
                long[] stack = new long[o.function.stackSize() + 1];
                long[] v = new long[o.functionNets.length];
                // an inverter: a function of the clock alone, its complement
                if (o.functionNets.length == 1 && o.function.eval(v, stack) == -1L) {
                    out.add(new ClockCell(g, o.net, clockNet, true));
                    continue;
                }
                // a gate: 0 while the clock is low, whatever the enable
                boolean gate = true;
                for (int m = 0; m < 1 << (o.functionNets.length - 1) && gate; m++) {
                    int bit = 0;
                    for (int i = 0; i < v.length; i++) {
                        v[i] = i == k ? 0 : ((m >> bit++) & 1) != 0 ? -1L : 0;
                    }
                    gate = o.function.eval(v, stack) == 0;
                }
                if (gate) {
                    out.add(new ClockCell(g, o.net, clockNet, false));
                }
            }
        }
        return out;
    }

    /** A flop's or latch's clock-pin groups, a rise and a fall per clock edge it sees. */
    private static void clockPinEvents(Gate g, double[][] events, long edges) {
        for (InputGroups ig : g.inputs) {
            for (Group gr : ig.groups) {
                if (gr.clocked) {
                    events[g.cellIndex][2 * gr.event] += edges;
                    events[g.cellIndex][2 * gr.event + 1] += edges;
                }
            }
        }
    }

    private Gate gateOfCell(int cellIndex) {
        for (Gate g : order) {
            if (g.cellIndex == cellIndex) {
                return g;
            }
        }
        throw new IllegalStateException("no cell " + cellIndex);
    }

    private static int indexOf(int[] a, int x) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == x) {
                return i;
            }
        }
        return -1;
    }

    /** True when {@code net} is a clock gate's output (a gated clock). */
    public boolean isGatedClock(int net) {
        return gatedClockNet[net];
    }

    /** The clock gate driving {@code net}, or null. */
    private ClockCell gateOf(int net) {
        for (ClockCell k : clockCells) {
            if (!k.inverted && k.output == net) {
                return k;
            }
        }
        return null;
    }

    public GateSimulator(Netlist netlist, Liberty liberty) {
        this.netlist = netlist;
        this.liberty = liberty;
        int next = netlist.maxBit() + 1;
        List<Netlist.Cell> cells = netlist.cells();
        cellTypes = new LibertyCell[cells.size()];
        Gate[] gates = new Gate[cells.size()];
        Map<Integer, Integer> driver = new HashMap<>();
        int stack = 1;
        for (int ci = 0; ci < cells.size(); ci++) {
            Netlist.Cell c = cells.get(ci);
            LibertyCell type = liberty.cells().get(c.type());
            if (type == null) {
                throw MaxdnnException.badInput("netlist " + netlist.module() + " cell " + c.name() + " has type "
                        + c.type() + ", which liberty " + liberty.name() + " does not define");
            }
            LibertyCell.FlipFlop ff = type.flipFlop();
            LibertyCell.Latch latch = type.latch();
            if (type.sequential() && latch == null && (ff == null || ff.clear() != null || ff.preset() != null
                    || type.pin(ff.clockedOn()) == null)) {
                throw MaxdnnException.badInput("netlist " + netlist.module() + " cell " + c.name() + " (" + c.type()
                        + ") is sequential but not a plain edge-triggered flip-flop; the gate simulator handles "
                        + "combinational logic, flip-flops without clear or preset and clock-gate latches only");
            }
            cellTypes[ci] = type;
            Map<String, Integer> pinNet = new HashMap<>();
            for (LibertyPin p : type.pins().values()) {
                Integer net = c.connections().get(p.name());
                if (net == null) {
                    if (p.isInput()) {
                        throw MaxdnnException.badInput("netlist " + netlist.module() + " cell " + c.name()
                                + " leaves input " + p.name() + " unconnected");
                    }
                    net = next++;
                }
                pinNet.put(p.name(), net);
            }
            Flop flop = null;
            if (latch != null) {
                // transparent in the clock's low phase: in the cycle it is evaluated it passes its data
                pinNet.put(latch.state(), netOf(pinNet, latch.dataIn().variables().get(0), c));
                if (latch.dataIn().variables().size() != 1 || type.pin(latch.enable()) == null) {
                    throw MaxdnnException.badInput("latch " + c.type() + " of " + netlist.module() + ": the gate simulator "
                            + "handles a latch whose data is one pin and whose enable is a pin");
                }
                latches.add(ci);
            }
            if (ff != null && type.sequential()) {
                flop = new Flop();
                flop.stateNet = next++;
                flop.stateBarNet = next++;
                pinNet.put(ff.state(), flop.stateNet);
                pinNet.put(ff.stateBar(), flop.stateBarNet);
                flop.nextState = ff.nextState();
                flop.nextStateNets = nets(ff.nextState(), pinNet, c);
                flop.clockNet = pinNet.get(ff.clockedOn());
                stack = Math.max(stack, ff.nextState().stackSize());
            }
            pinNets.add(pinNet);
            for (String pin : c.connections().keySet()) {
                if (type.pin(pin) == null) {
                    throw MaxdnnException.badInput("netlist cell " + c.name() + " connects pin " + pin + ", which "
                            + c.type() + " does not have");
                }
            }
            Gate g = new Gate();
            g.cellIndex = ci;
            g.type = type;
            g.flop = flop;
            List<Output> outs = new ArrayList<>();
            List<InputGroups> ins = new ArrayList<>();
            int event = 0;
            for (LibertyPin p : type.pins().values()) {
                List<Group> groups = new ArrayList<>();
                for (InternalPower ip : p.internalPowers()) {
                    Group gr = new Group();
                    gr.event = event++;
                    gr.relatedNets = ip.relatedPins().stream().mapToInt(r -> netOf(pinNet, r, c)).toArray();
                    gr.when = ip.when();
                    gr.whenNets = ip.when() == null ? new int[0] : nets(ip.when(), pinNet, c);
                    if (ip.when() != null) {
                        stack = Math.max(stack, ip.when().stackSize());
                    }
                    gr.clocked = flop != null && (p.name().equals(ff.clockedOn())
                            || (p.isOutput() && ip.relatedPins().contains(ff.clockedOn())))
                            || latch != null && p.name().equals(latch.enable());
                    groups.add(gr);
                }
                for (Group gr : groups) {
                    if (gr.when == null) {
                        List<Group> sib = new ArrayList<>();
                        for (Group other : groups) {
                            if (other.when != null && Arrays.equals(other.relatedNets, gr.relatedNets)) {
                                sib.add(other);
                            }
                        }
                        gr.conditionalSiblings = sib.toArray(new Group[0]);
                    }
                }
                if (p.isOutput()) {
                    if (p.function() == null) {
                        throw MaxdnnException.badInput("liberty cell " + type.name() + " output " + p.name()
                                + " has no function");
                    }
                    Output o = new Output();
                    o.net = pinNet.get(p.name());
                    o.function = p.function();
                    if (latch != null) {
                        if (!p.function().variables().equals(List.of(latch.state()))
                                || p.function().eval(new long[] {-1L}, new long[p.function().stackSize() + 1]) != -1L) {
                            throw MaxdnnException.badInput("latch " + c.type() + " of " + netlist.module() + " uses output "
                                    + p.name() + ", which is not its state; the gate simulator handles the true output only");
                        }
                    }
                    o.functionNets = nets(p.function(), pinNet, c);
                    stack = Math.max(stack, p.function().stackSize());
                    o.groups = groups.toArray(new Group[0]);
                    o.relatedNets = groups.stream().flatMapToInt(gr -> Arrays.stream(gr.relatedNets)).distinct()
                            .toArray();
                    outs.add(o);
                    Integer old = driver.put(o.net, ci);
                    if (old != null || o.net < 2) {
                        throw MaxdnnException.badInput("netlist " + netlist.module() + " net "
                                + netlist.netName(o.net) + " has more than one driver");
                    }
                } else if (!groups.isEmpty()) {
                    InputGroups ig = new InputGroups();
                    ig.net = pinNet.get(p.name());
                    ig.groups = groups.toArray(new Group[0]);
                    ins.add(ig);
                }
            }
            g.outputs = outs.toArray(new Output[0]);
            g.inputs = ins.toArray(new InputGroups[0]);
            g.eventCount = event;
            gates[ci] = g;
        }
        for (Netlist.Port p : netlist.inputs()) {
            for (int b : p.bits()) {
                if (driver.containsKey(b)) {
                    throw MaxdnnException.badInput("input port " + p.name() + " is driven by a cell");
                }
            }
        }
        this.netCount = next;
        this.maxStack = stack;
        this.order = topological(gates, driver);
        this.flops = Arrays.stream(this.order).filter(g -> g.flop != null).toArray(Gate[]::new);
        Netlist.Port clk = netlist.ports().stream().filter(p -> p.isInput() && p.name().equals("clock") && p.width() == 1)
                .findFirst().orElse(null);
        this.clockNet = clk == null ? -1 : clk.bits()[0];
        this.clockCells = clockCone(gates);
        this.gatedClockNet = new boolean[netCount];
        clockCells.stream().filter(k -> !k.inverted()).forEach(k -> gatedClockNet[k.output()] = true);
        for (Gate g : flops) {
            if (g.flop.clockNet != clockNet && gateOf(g.flop.clockNet) == null) {
                throw MaxdnnException.badInput("netlist " + netlist.module() + " clocks flop "
                        + netlist.cells().get(g.cellIndex).name() + " from net " + netlist.netName(g.flop.clockNet)
                        + ", neither the clock port nor a clock gate's output");
            }
        }
        for (int ci : latches) {
            LibertyCell.Latch l = cellTypes[ci].latch();
            int en = pinNets.get(ci).get(l.enable());
            if (clockCells.stream().noneMatch(k -> k.output == en && k.inverted)) {
                throw MaxdnnException.badInput("latch " + netlist.cells().get(ci).name() + " of " + netlist.module()
                        + " is not enabled by the inverted clock: only clock-gate latches are simulated");
            }
        }
    }

    private static int netOf(Map<String, Integer> pinNet, String pin, Netlist.Cell c) {
        Integer n = pinNet.get(pin);
        if (n == null) {
            throw MaxdnnException.badInput("liberty cell " + c.type() + " refers to pin " + pin + ", which it lacks");
        }
        return n;
    }

    private static int[] nets(BooleanFunction f, Map<String, Integer> pinNet, Netlist.Cell c) {
        int[] out = new int[f.variables().size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = netOf(pinNet, f.variables().get(i), c);
        }
        return out;
    }

    private Gate[] topological(Gate[] gates, Map<Integer, Integer> driver) {
        int n = gates.length;
        int[] pending = new int[n];
        List<List<Integer>> users = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            users.add(new ArrayList<>());
        }
        for (Gate g : gates) {
            java.util.Set<Integer> deps = new java.util.HashSet<>();
            for (Output o : g.outputs) {
                for (int net : o.functionNets) {
                    Integer d = driver.get(net);
                    if (d != null) {
                        deps.add(d);
                    }
                }
            }
            for (int d : deps) {
                users.get(d).add(g.cellIndex);
            }
            pending[g.cellIndex] = deps.size();
        }
        ArrayDeque<Integer> ready = new ArrayDeque<>();
        for (int i = 0; i < n; i++) {
            if (pending[i] == 0) {
                ready.add(i);
            }
        }
        Gate[] out = new Gate[n];
        int k = 0;
        while (!ready.isEmpty()) {
            int i = ready.poll();
            out[k++] = gates[i];
            for (int u : users.get(i)) {
                if (--pending[u] == 0) {
                    ready.add(u);
                }
            }
        }
        if (k != n) {
            for (int i = 0; i < n; i++) {
                if (pending[i] > 0) {
                    throw MaxdnnException.badInput("netlist " + netlist.module() + " has a combinational loop through "
                            + netlist.cells().get(i).name() + " (" + netlist.cells().get(i).type() + ")");
                }
            }
        }
        return out;
    }

    /** The internal-power groups of a cell type in {@link Activity#powerEvents()} order. */
    public static List<PowerGroup> powerGroups(LibertyCell cell) {
        List<PowerGroup> out = new ArrayList<>();
        for (LibertyPin p : cell.pins().values()) {
            for (int i = 0; i < p.internalPowers().size(); i++) {
                out.add(new PowerGroup(p, i, p.internalPowers().get(i)));
            }
        }
        return out;
    }

    public Netlist netlist() {
        return netlist;
    }

    public Liberty liberty() {
        return liberty;
    }

    /** Nets including private ones for unconnected outputs; arrays in {@link Activity} have this size. */
    public int netCount() {
        return netCount;
    }

    /** The liberty cell of netlist cell {@code i}. */
    public LibertyCell cellType(int i) {
        return cellTypes[i];
    }

    /** The net on {@code pin} of cell {@code cellIndex} (a private net for an unconnected output). */
    public int pinNet(int cellIndex, String pin) {
        Integer n = pinNets.get(cellIndex).get(pin);
        if (n == null) {
            throw new IllegalArgumentException("cell " + cellIndex + " has no pin " + pin);
        }
        return n;
    }

    /** Cell indices in evaluation (topological) order. */
    public int[] order() {
        int[] o = new int[order.length];
        for (int i = 0; i < o.length; i++) {
            o[i] = order[i].cellIndex;
        }
        return o;
    }

    /** Simulates a two-operand datapath (a multiplier) with input ports {@code a} and {@code b}. */
    public Activity simulateOperands(int[] a, int[] b, boolean keepOutputs) {
        Map<String, int[]> in = new LinkedHashMap<>();
        in.put("a", a);
        in.put("b", b);
        return simulate(in, keepOutputs);
    }

    /**
     * Simulates the vectors given per input port (value i of every array is vector i; bit j of a
     * value drives bit j of the port). Every input port needs a stream and all streams the same
     * length.
     */
    public Activity simulate(Map<String, int[]> inputs, boolean keepOutputs) {
        List<Netlist.Port> inPorts = netlist.inputs();
        int n = -1;
        int[][] streams = new int[inPorts.size()][];
        for (int i = 0; i < inPorts.size(); i++) {
            Netlist.Port p = inPorts.get(i);
            int[] v = inputs.get(p.name());
            if (v == null) {
                throw MaxdnnException.badInput("no stimulus for input port " + p.name() + " of " + netlist.module());
            }
            if (n >= 0 && v.length != n) {
                throw MaxdnnException.badInput("stimulus for " + p.name() + " has " + v.length + " vectors, not " + n);
            }
            n = v.length;
            streams[i] = v;
        }
        for (String name : inputs.keySet()) {
            if (inPorts.stream().noneMatch(p -> p.name().equals(name))) {
                throw MaxdnnException.badInput(netlist.module() + " has no input port " + name);
            }
        }
        if (n < 0) {
            n = 0;
        }
        int chunkWords = Math.max(1, Math.min(MAX_CHUNK_WORDS, (1 << 21) / Math.max(1, netCount)));
        int step = flops.length > 0 ? 1 : 64 * chunkWords;
        long[] state = new long[flops.length];
        long[] opened = new long[clockCells.size()];
        boolean[] open = new boolean[clockCells.size()];
        int[] flopGate = new int[flops.length];
        for (int f = 0; f < flops.length; f++) {
            flopGate[f] = clockCells.indexOf(gateOf(flops[f].flop.clockNet));
        }
        long[][] val = new long[netCount][chunkWords];
        long[][] tog = new long[netCount][chunkWords];
        long[] lastBit = new long[netCount];
        long[] toggles = new long[netCount];
        long[] ones = new long[netCount];
        double[][] events = new double[cellTypes.length][];
        for (Gate g : order) {
            events[g.cellIndex] = new double[2 * g.eventCount];
        }
        List<Netlist.Port> outPorts = netlist.outputs();
        Map<String, long[]> outputs = new LinkedHashMap<>();
        if (keepOutputs) {
            for (Netlist.Port p : outPorts) {
                outputs.put(p.name(), new long[n]);
            }
        }
        Arrays.fill(val[Netlist.CONST1], -1L);
        long[] scratch = new long[64];
        long[] stack = new long[maxStack + 1];
        long[] vars = new long[64];
        long[] counter = new long[16];
        for (int start = 0; start < n; start += step) {
            int count = Math.min(step, n - start);
            int words = (count + 63) >>> 6;
            // inputs
            for (int i = 0; i < inPorts.size(); i++) {
                int[] bitsOf = inPorts.get(i).bits();
                int[] s = streams[i];
                for (int bi = 0; bi < bitsOf.length; bi++) {
                    int net = bitsOf[bi];
                    if (net < 2) {
                        continue;
                    }
                    long[] dst = val[net];
                    for (int w = 0; w < words; w++) {
                        long word = 0;
                        int base = start + (w << 6);
                        int lim = Math.min(64, count - (w << 6));
                        for (int k = 0; k < lim; k++) {
                            word |= (long) ((s[base + k] >>> bi) & 1) << k;
                        }
                        dst[w] = word;
                    }
                }
            }
            // flip-flop outputs hold the state of the previous edge (one vector per chunk)
            for (int f = 0; f < flops.length; f++) {
                val[flops[f].flop.stateNet][0] = state[f];
                val[flops[f].flop.stateBarNet][0] = ~state[f];
            }
            // gates
            for (Gate g : order) {
                for (Output o : g.outputs) {
                    long[] dst = val[o.net];
                    int[] fn = o.functionNets;
                    long[] v = fn.length <= vars.length ? vars : new long[fn.length];
                    for (int w = 0; w < words; w++) {
                        for (int k = 0; k < fn.length; k++) {
                            v[k] = val[fn[k]][w];
                        }
                        dst[w] = o.function.eval(v, stack);
                    }
                }
            }
            // the clock gates: open where the enable lets the clock through (clock at 1), counted per edge
            for (int k = 0; k < clockCells.size(); k++) {
                ClockCell cc = clockCells.get(k);
                if (cc.inverted()) {
                    continue;
                }
                Output o = cc.gate().outputs[0];
                int ck = indexOf(o.functionNets, clockNet);
                long[] v = o.functionNets.length <= vars.length ? vars : new long[o.functionNets.length];
                open[k] = false;
                for (int w = 0; w < words; w++) {
                    for (int i = 0; i < o.functionNets.length; i++) {
                        v[i] = i == ck ? -1L : val[o.functionNets[i]][w];
                    }
                    long e = o.function.eval(v, stack);
                    int first = start + (w << 6);
                    int valid = Math.min(64, (n - 1) - first); // edges: vectors before the last
                    long m = valid >= 64 ? -1L : valid <= 0 ? 0 : (1L << valid) - 1;
                    opened[k] += Long.bitCount(e & m);
                    open[k] |= w == 0 && (e & 1L) != 0;
                }
            }
            // the clock edge at the end of the cycle
            for (int f = 0; f < flops.length; f++) {
                if (flopGate[f] >= 0 && !open[flopGate[f]]) {
                    continue;
                }
                Flop fl = flops[f].flop;
                long[] v = fl.nextStateNets.length <= vars.length ? vars : new long[fl.nextStateNets.length];
                for (int k = 0; k < fl.nextStateNets.length; k++) {
                    v[k] = val[fl.nextStateNets[k]][0];
                }
                state[f] = (fl.nextState.eval(v, stack) & 1L) != 0 ? -1L : 0L;
            }
            // toggles and duty
            long lastMask = (count & 63) == 0 ? -1L : (1L << (count & 63)) - 1;
            for (int net = 2; net < netCount; net++) {
                long[] v = val[net];
                long[] t = tog[net];
                long prev = lastBit[net];
                long tc = 0;
                long oc = 0;
                for (int w = 0; w < words; w++) {
                    long x = v[w];
                    long m = w == words - 1 ? lastMask : -1L;
                    long tt = (x ^ ((x << 1) | prev)) & m;
                    if (start == 0 && w == 0) {
                        tt &= ~1L;
                    }
                    t[w] = tt;
                    prev = x >>> 63;
                    tc += Long.bitCount(tt);
                    oc += Long.bitCount(x & m);
                }
                lastBit[net] = (v[words - 1] >>> ((count - 1) & 63)) & 1L;
                toggles[net] += tc;
                ones[net] += oc;
            }
            // internal-power attribution
            for (Gate g : order) {
                attribute(g, val, tog, words, events[g.cellIndex], stack, vars, counter, scratch);
            }
            if (keepOutputs) {
                for (Netlist.Port p : outPorts) {
                    long[] dst = outputs.get(p.name());
                    int[] bitsOf = p.bits();
                    for (int k = 0; k < count; k++) {
                        long value = 0;
                        int w = k >>> 6;
                        int sh = k & 63;
                        for (int bi = 0; bi < bitsOf.length; bi++) {
                            value |= ((val[bitsOf[bi]][w] >>> sh) & 1L) << bi;
                        }
                        if (p.signed() && bitsOf.length < 64 && ((value >>> (bitsOf.length - 1)) & 1L) != 0) {
                            value |= -1L << bitsOf.length;
                        }
                        dst[start + k] = value;
                    }
                }
            }
        }
        long cycles = Math.max(0, n - 1);
        if (clockNet >= 0 && !clockCells.isEmpty()) {
            toggles[clockNet] = 2 * cycles;
            ones[clockNet] = n / 2;
        }
        for (int k = 0; k < clockCells.size(); k++) {
            ClockCell cc = clockCells.get(k);
            long edges = cc.inverted() ? cycles : opened[k];
            toggles[cc.output()] = 2 * edges;
            ones[cc.output()] = cc.inverted() ? n - n / 2 : edges / 2;
            double[] ev = events[cc.gate().cellIndex];
            for (Group gr : cc.gate().outputs[0].groups) {
                if (gr.when == null && indexOf(gr.relatedNets, cc.clockInput()) >= 0) {
                    ev[2 * gr.event] += edges;
                    ev[2 * gr.event + 1] += edges;
                }
            }
            for (InputGroups ig : cc.gate().inputs) {
                if (ig.net == cc.clockInput()) {
                    for (Group gr : ig.groups) {
                        if (gr.when == null) {
                            ev[2 * gr.event] += cycles;
                            ev[2 * gr.event + 1] += cycles;
                        }
                    }
                }
            }
        }
        for (int f = 0; f < flops.length; f++) {
            Gate g = flops[f];
            long edges = flopGate[f] >= 0 ? opened[flopGate[f]] : cycles;
            toggles[g.flop.clockNet] = 2 * edges;
            ones[g.flop.clockNet] = flopGate[f] >= 0 ? edges / 2 : n / 2;
            clockPinEvents(g, events, edges);
        }
        for (int ci : latches) {
            clockPinEvents(gateOfCell(ci), events, cycles);
        }
        return new Activity(n, toggles, ones, events, outputs);
    }

    private static long when(Group gr, long[][] val, int w, long[] stack, long[] vars) {
        int[] nets = gr.whenNets;
        long[] v = nets.length <= vars.length ? vars : new long[nets.length];
        for (int k = 0; k < nets.length; k++) {
            v[k] = val[nets[k]][w];
        }
        return gr.when.eval(v, stack);
    }

    /** The vectors at which group {@code gr} applies (its when holds, or no sibling's when holds). */
    private static long eligible(Group gr, long[][] val, int w, long[] stack, long[] vars) {
        if (gr.when != null) {
            return when(gr, val, w, stack, vars);
        }
        long any = 0;
        for (Group s : gr.conditionalSiblings) {
            any |= when(s, val, w, stack, vars);
        }
        return ~any;
    }

    private static void attribute(Gate g, long[][] val, long[][] tog, int words, double[] ev, long[] stack,
                                  long[] vars, long[] counter, long[] scratch) {
        for (Output o : g.outputs) {
            if (o.groups.length == 0) {
                continue;
            }
            long[] to = tog[o.net];
            long[] vo = val[o.net];
            int[] rel = o.relatedNets;
            int k = rel.length;
            for (int w = 0; w < words; w++) {
                long t = to[w];
                if (t == 0) {
                    continue;
                }
                long now = vo[w];
                // bit-sliced count of the related inputs toggling at each output toggle
                long s0 = 0;
                long s1 = 0;
                long s2 = 0;
                long s3 = 0;
                for (int r : rel) {
                    long x = tog[r][w] & t;
                    long c0 = s0 & x;
                    s0 ^= x;
                    long c1 = s1 & c0;
                    s1 ^= c0;
                    long c2 = s2 & c1;
                    s2 ^= c1;
                    s3 ^= c2;
                }
                int kmax = Math.min(k, 15);
                for (int c = 1; c <= kmax; c++) {
                    counter[c] = ((c & 1) != 0 ? s0 : ~s0) & ((c & 2) != 0 ? s1 : ~s1)
                            & ((c & 4) != 0 ? s2 : ~s2) & ((c & 8) != 0 ? s3 : ~s3);
                }
                for (Group gr : o.groups) {
                    if (gr.clocked) { // a flop's output changes at the clock edge
                        long m = t & eligible(gr, val, w, stack, vars);
                        ev[2 * gr.event] += Long.bitCount(m & now);
                        ev[2 * gr.event + 1] += Long.bitCount(m & ~now);
                        continue;
                    }
                    long cause;
                    if (gr.relatedNets.length == 0) {
                        cause = t;
                    } else {
                        cause = 0;
                        for (int r : gr.relatedNets) {
                            cause |= tog[r][w];
                        }
                        cause &= t;
                    }
                    if (cause == 0) {
                        continue;
                    }
                    cause &= eligible(gr, val, w, stack, vars);
                    if (cause == 0) {
                        continue;
                    }
                    if (gr.relatedNets.length == 0 || k == 0) {
                        ev[2 * gr.event] += Long.bitCount(cause & now);
                        ev[2 * gr.event + 1] += Long.bitCount(cause & ~now);
                        continue;
                    }
                    for (int c = 1; c <= kmax; c++) {
                        long m = cause & counter[c];
                        if (m != 0) {
                            ev[2 * gr.event] += (double) Long.bitCount(m & now) / c;
                            ev[2 * gr.event + 1] += (double) Long.bitCount(m & ~now) / c;
                        }
                    }
                }
            }
        }
        for (InputGroups ig : g.inputs) {
            long[] ti = tog[ig.net];
            long[] vi = val[ig.net];
            for (int w = 0; w < words; w++) {
                long t = ti[w];
                if (t == 0) {
                    continue;
                }
                for (Group gr : ig.groups) {
                    if (gr.clocked) {
                        continue; // counted per cycle
                    }
                    long m = t & eligible(gr, val, w, stack, vars);
                    ev[2 * gr.event] += Long.bitCount(m & vi[w]);
                    ev[2 * gr.event + 1] += Long.bitCount(m & ~vi[w]);
                }
            }
        }
    }
}
