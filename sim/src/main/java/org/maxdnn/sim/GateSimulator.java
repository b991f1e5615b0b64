package org.maxdnn.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.maxdnn.MaxdnnException;
import org.maxdnn.sim.CompiledNetlist.ClockCell;
import org.maxdnn.sim.CompiledNetlist.Flop;
import org.maxdnn.sim.CompiledNetlist.Gate;
import org.maxdnn.sim.CompiledNetlist.Group;
import org.maxdnn.sim.CompiledNetlist.InputGroups;
import org.maxdnn.sim.CompiledNetlist.Output;

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
 *
 * <p>The netlist is compiled once ({@link CompiledNetlist}: cells bound to the liberty, nets, the
 * clock's cells, topological order, the checks); {@link #simulate} runs vectors through it.
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

    private final CompiledNetlist compiled;

    public GateSimulator(Netlist netlist, Liberty liberty) {
        this.compiled = new CompiledNetlist(netlist, liberty);
    }

    /** True when {@code net} is a clock gate's output (a gated clock). */
    public boolean isGatedClock(int net) {
        return compiled.gatedClockNet[net];
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
        return compiled.netlist;
    }

    public Liberty liberty() {
        return compiled.liberty;
    }

    /** Nets including private ones for unconnected outputs; arrays in {@link Activity} have this size. */
    public int netCount() {
        return compiled.netCount;
    }

    /** The liberty cell of netlist cell {@code i}. */
    public LibertyCell cellType(int i) {
        return compiled.cellTypes[i];
    }

    /** The net on {@code pin} of cell {@code cellIndex} (a private net for an unconnected output). */
    public int pinNet(int cellIndex, String pin) {
        Integer n = compiled.pinNets.get(cellIndex).get(pin);
        if (n == null) {
            throw new IllegalArgumentException("cell " + cellIndex + " has no pin " + pin);
        }
        return n;
    }

    /** Cell indices in evaluation (topological) order. */
    public int[] order() {
        int[] o = new int[compiled.order.length];
        for (int i = 0; i < o.length; i++) {
            o[i] = compiled.order[i].cellIndex;
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
        List<Netlist.Port> inPorts = compiled.netlist.inputs();
        int n = -1;
        int[][] streams = new int[inPorts.size()][];
        for (int i = 0; i < inPorts.size(); i++) {
            Netlist.Port p = inPorts.get(i);
            int[] v = inputs.get(p.name());
            if (v == null) {
                throw MaxdnnException.badInput("no stimulus for input port " + p.name() + " of "
                        + compiled.netlist.module());
            }
            if (n >= 0 && v.length != n) {
                throw MaxdnnException.badInput("stimulus for " + p.name() + " has " + v.length + " vectors, not " + n);
            }
            n = v.length;
            streams[i] = v;
        }
        for (String name : inputs.keySet()) {
            if (inPorts.stream().noneMatch(p -> p.name().equals(name))) {
                throw MaxdnnException.badInput(compiled.netlist.module() + " has no input port " + name);
            }
        }
        if (n < 0) {
            n = 0;
        }
        int chunkWords = Math.max(1, Math.min(MAX_CHUNK_WORDS, (1 << 21) / Math.max(1, compiled.netCount)));
        int step = compiled.flops.length > 0 ? 1 : 64 * chunkWords;
        long[] state = new long[compiled.flops.length];
        long[] opened = new long[compiled.clockCells.size()];
        boolean[] open = new boolean[compiled.clockCells.size()];
        int[] flopGate = new int[compiled.flops.length];
        for (int f = 0; f < compiled.flops.length; f++) {
            flopGate[f] = compiled.clockCells.indexOf(compiled.gateOf(compiled.flops[f].flop.clockNet));
        }
        long[][] val = new long[compiled.netCount][chunkWords];
        long[][] tog = new long[compiled.netCount][chunkWords];
        long[] lastBit = new long[compiled.netCount];
        long[] toggles = new long[compiled.netCount];
        long[] ones = new long[compiled.netCount];
        double[][] events = new double[compiled.cellTypes.length][];
        for (Gate g : compiled.order) {
            events[g.cellIndex] = new double[2 * g.eventCount];
        }
        List<Netlist.Port> outPorts = compiled.netlist.outputs();
        Map<String, long[]> outputs = new LinkedHashMap<>();
        if (keepOutputs) {
            for (Netlist.Port p : outPorts) {
                outputs.put(p.name(), new long[n]);
            }
        }
        Arrays.fill(val[Netlist.CONST1], -1L);
        long[] scratch = new long[64];
        long[] stack = new long[compiled.maxStack + 1];
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
            for (int f = 0; f < compiled.flops.length; f++) {
                val[compiled.flops[f].flop.stateNet][0] = state[f];
                val[compiled.flops[f].flop.stateBarNet][0] = ~state[f];
            }
            // gates
            for (Gate g : compiled.order) {
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
            for (int k = 0; k < compiled.clockCells.size(); k++) {
                ClockCell cc = compiled.clockCells.get(k);
                if (cc.inverted()) {
                    continue;
                }
                Output o = cc.gate().outputs[0];
                int ck = CompiledNetlist.indexOf(o.functionNets, compiled.clockNet);
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
            for (int f = 0; f < compiled.flops.length; f++) {
                if (flopGate[f] >= 0 && !open[flopGate[f]]) {
                    continue;
                }
                Flop fl = compiled.flops[f].flop;
                long[] v = fl.nextStateNets.length <= vars.length ? vars : new long[fl.nextStateNets.length];
                for (int k = 0; k < fl.nextStateNets.length; k++) {
                    v[k] = val[fl.nextStateNets[k]][0];
                }
                state[f] = (fl.nextState.eval(v, stack) & 1L) != 0 ? -1L : 0L;
            }
            // toggles and duty
            long lastMask = (count & 63) == 0 ? -1L : (1L << (count & 63)) - 1;
            for (int net = 2; net < compiled.netCount; net++) {
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
            for (Gate g : compiled.order) {
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
        if (compiled.clockNet >= 0 && !compiled.clockCells.isEmpty()) {
            toggles[compiled.clockNet] = 2 * cycles;
            ones[compiled.clockNet] = n / 2;
        }
        for (int k = 0; k < compiled.clockCells.size(); k++) {
            ClockCell cc = compiled.clockCells.get(k);
            long edges = cc.inverted() ? cycles : opened[k];
            toggles[cc.output()] = 2 * edges;
            ones[cc.output()] = cc.inverted() ? n - n / 2 : edges / 2;
            double[] ev = events[cc.gate().cellIndex];
            for (Group gr : cc.gate().outputs[0].groups) {
                if (gr.when == null && CompiledNetlist.indexOf(gr.relatedNets, cc.clockInput()) >= 0) {
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
        for (int f = 0; f < compiled.flops.length; f++) {
            Gate g = compiled.flops[f];
            long edges = flopGate[f] >= 0 ? opened[flopGate[f]] : cycles;
            toggles[g.flop.clockNet] = 2 * edges;
            ones[g.flop.clockNet] = flopGate[f] >= 0 ? edges / 2 : n / 2;
            clockPinEvents(g, events, edges);
        }
        for (int ci : compiled.latches) {
            clockPinEvents(compiled.gateOfCell(ci), events, cycles);
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
