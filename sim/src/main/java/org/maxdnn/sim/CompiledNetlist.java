package org.maxdnn.sim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.maxdnn.MaxdnnException;

/**
 * A gate-level netlist compiled once for {@link GateSimulator}: every cell bound to its liberty
 * cell, its pins to nets (a private net for an unconnected output, two for a flip-flop's state), its
 * output functions and internal-power groups resolved to nets, the cells on the clock (inverters
 * and clock gates), and the cells in topological order. The checks that refuse a netlist the
 * simulator cannot run (an unknown cell type, a latch that is no clock gate's, an unconnected input,
 * two drivers, a combinational loop) are made here, before any vector.
 */
final class CompiledNetlist {
    static final class Group {
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

    static final class Output {
        int net;
        BooleanFunction function;
        int[] functionNets;
        /** Distinct related nets of this output's groups, for counting simultaneous causes. */
        int[] relatedNets;
        Group[] groups;
    }

    static final class InputGroups {
        int net;
        Group[] groups;
    }

    /** A flip-flop's state: its two private nets and what it takes at the clock edge. */
    static final class Flop {
        int stateNet;
        int stateBarNet;
        BooleanFunction nextState;
        int[] nextStateNets;
        int clockNet;
    }

    static final class Gate {
        int cellIndex;
        Flop flop;
        LibertyCell type;
        Output[] outputs;
        InputGroups[] inputs;
        int eventCount;
    }

    final Netlist netlist;
    final Liberty liberty;
    final int netCount;
    final Gate[] order;
    final LibertyCell[] cellTypes;
    final List<Map<String, Integer>> pinNets = new ArrayList<>();
    final int maxStack;
    /** The flip-flops, in evaluation order; a netlist with any is simulated one vector at a time. */
    final Gate[] flops;
    /** Clock-gate latches (cell indices). */
    final List<Integer> latches = new ArrayList<>();
    /** The clock port's net, or -1. */
    final int clockNet;
    /** Cells fed by the clock: inverters of it and clock gates. */
    final List<ClockCell> clockCells;
    /** Per net: driven by a clock gate. */
    final boolean[] gatedClockNet;

    /**
     * A cell with an input on the clock: an inverter of it ({@code inverted}), or a clock gate whose
     * output pulses with the clock while its other inputs (the enable) make it follow the clock.
     *
     * @param gate the cell
     * @param output its output net
     * @param clockInput the net of its input on the clock
     * @param inverted true for an inverter of the clock
     */
    record ClockCell(Gate gate, int output, int clockInput, boolean inverted) {
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

    Gate gateOfCell(int cellIndex) {
        for (Gate g : order) {
            if (g.cellIndex == cellIndex) {
                return g;
            }
        }
        throw new IllegalStateException("no cell " + cellIndex);
    }

    static int indexOf(int[] a, int x) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == x) {
                return i;
            }
        }
        return -1;
    }

    /** The clock gate driving {@code net}, or null. */
    ClockCell gateOf(int net) {
        for (ClockCell k : clockCells) {
            if (!k.inverted && k.output == net) {
                return k;
            }
        }
        return null;
    }

    CompiledNetlist(Netlist netlist, Liberty liberty) {
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
}
