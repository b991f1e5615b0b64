package org.maxdnn.layout;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.maxdnn.MaxdnnException;
import org.maxdnn.sim.Liberty;
import org.maxdnn.sim.LibertyCell;
import org.maxdnn.sim.LibertyPin;
import org.maxdnn.sim.Netlist;

/**
 * The combinational multiplier inside a routed registered multiplier ({@link LayoutDesign#multiplier}):
 * the cells between the operand registers' outputs and the product register's inputs, as a netlist
 * with input ports {@code a}, {@code b} (the operand registers' Q nets) and output port
 * {@code product} (the product register's D nets). This is what the gate simulator can run (it
 * handles combinational logic only), with every net, buffer and wire of the layout.
 *
 * <p>Registers are found by structure, not by name: input bit a[i] reaches its register's D pin
 * through buffers only, and product[i] is driven from its register's Q pin through buffers only.
 * An operand bit the multiplier ignores (perforation, rounding) has no register after synthesis and
 * becomes an unconnected input; a product bit that is constant stays constant. Flip-flop pins are
 * named as in qflow's osu018 setup ({@code D}, {@code Q}).
 *
 * @param netlist the combinational core
 * @param productLoadFarads capacitance of the product register's D pin (the core's output load)
 */
public record RegisterCut(Netlist netlist, double productLoadFarads) {
    static final String FLOP_D = "D";
    static final String FLOP_Q = "Q";

    /** Cuts {@code routed} (ports clock, a, b, product) at its registers. */
    public static RegisterCut of(Netlist routed, Liberty liberty) {
        Graph g = new Graph(routed, liberty);
        int next = routed.maxBit() + 1;
        int[] a = new int[8];
        int[] b = new int[8];
        Set<Integer> operandFlops = new LinkedHashSet<>();
        for (int i = 0; i < 8; i++) {
            Integer fa = g.flopFedBy(routed.port("a").bits()[i]);
            Integer fb = g.flopFedBy(routed.port("b").bits()[i]);
            a[i] = fa == null ? next++ : g.pin(fa, FLOP_Q);
            b[i] = fb == null ? next++ : g.pin(fb, FLOP_Q);
            if (fa != null) {
                operandFlops.add(fa);
            }
            if (fb != null) {
                operandFlops.add(fb);
            }
        }
        int[] product = new int[routed.port("product").width()];
        double dLoad = Double.NaN;
        for (int i = 0; i < product.length; i++) {
            int net = g.throughBuffersBack(routed.port("product").bits()[i]);
            Integer flop = net < 2 ? null : g.driver.get(net);
            if (flop != null && g.isFlop(flop)) {
                product[i] = g.pin(flop, FLOP_D);
                dLoad = g.type(flop).pin(FLOP_D).capacitance() * liberty.capacitanceUnit();
            } else if (net < 2) {
                product[i] = net;
            } else {
                throw MaxdnnException.badInput(routed.module() + ": product[" + i + "] is not driven by a register");
            }
        }
        Set<Integer> stop = new LinkedHashSet<>();
        for (int f : operandFlops) {
            stop.add(g.pin(f, FLOP_Q));
        }
        List<Netlist.Cell> cone = g.cone(product, stop);
        List<Netlist.Port> ports = List.of(new Netlist.Port("a", "input", false, a),
                new Netlist.Port("b", "input", false, b),
                new Netlist.Port("product", "output", false, product));
        if (Double.isNaN(dLoad)) {
            dLoad = 0;
        }
        return new RegisterCut(new Netlist(routed.module() + "_core", ports, cone, routed.netNames()), dLoad);
    }

    /** Driver and load relations of a netlist's cells. */
    private static final class Graph {
        final Netlist netlist;
        final LibertyCell[] types;
        final Map<Integer, Integer> driver = new HashMap<>();
        final Map<Integer, List<Integer>> loads = new HashMap<>();

        Graph(Netlist netlist, Liberty liberty) {
            this.netlist = netlist;
            types = new LibertyCell[netlist.cells().size()];
            for (int c = 0; c < types.length; c++) {
                Netlist.Cell cell = netlist.cells().get(c);
                types[c] = liberty.cells().get(cell.type());
                if (types[c] == null) {
                    throw MaxdnnException.badInput(netlist.module() + ": cell " + cell.name() + " has type "
                            + cell.type() + ", which liberty " + liberty.name() + " does not define");
                }
                for (Map.Entry<String, Integer> e : cell.connections().entrySet()) {
                    LibertyPin p = types[c].pin(e.getKey());
                    if (p != null && p.isOutput()) {
                        driver.put(e.getValue(), c);
                    } else {
                        loads.computeIfAbsent(e.getValue(), k -> new ArrayList<>()).add(c);
                    }
                }
            }
        }

        LibertyCell type(int c) {
            return types[c];
        }

        boolean isFlop(int c) {
            return types[c].sequential();
        }

        /** A non-inverting single-input cell (buffer). */
        boolean isBuffer(int c) {
            LibertyCell t = types[c];
            if (t.sequential() || t.inputs().size() != 1 || t.outputs().size() != 1) {
                return false;
            }
            var f = t.outputs().get(0).function();
            return f != null && f.variables().size() == 1 && !f.eval(false) && f.eval(true);
        }

        int pin(int c, String pin) {
            Integer n = netlist.cells().get(c).connections().get(pin);
            if (n == null) {
                throw MaxdnnException.badInput(netlist.module() + ": cell " + netlist.cells().get(c).name()
                        + " has no connection on pin " + pin);
            }
            return n;
        }

        /** The one register whose D pin net reaches through buffers only, or null if none. */
        Integer flopFedBy(int net) {
            Integer found = null;
            ArrayDeque<Integer> todo = new ArrayDeque<>(List.of(net));
            while (!todo.isEmpty()) {
                int n = todo.poll();
                for (int c : loads.getOrDefault(n, List.of())) {
                    if (isFlop(c) && pin(c, FLOP_D) == n) {
                        if (found != null && found != c) {
                            throw MaxdnnException.badInput(netlist.module() + ": input net " + netlist.netName(net)
                                    + " feeds two registers");
                        }
                        found = c;
                    } else if (isBuffer(c)) {
                        todo.add(pin(c, types[c].outputs().get(0).name()));
                    }
                }
            }
            return found;
        }

        /** The net behind a chain of buffers driving {@code net}. */
        int throughBuffersBack(int net) {
            int n = net;
            for (Integer d = driver.get(n); n >= 2 && d != null && isBuffer(d); d = driver.get(n)) {
                n = pin(d, types[d].inputs().get(0).name());
            }
            return n;
        }

        /** The combinational cells driving {@code outputs}, back to the nets in {@code stop}, in netlist order. */
        List<Netlist.Cell> cone(int[] outputs, Set<Integer> stop) {
            boolean[] in = new boolean[types.length];
            ArrayDeque<Integer> todo = new ArrayDeque<>();
            for (int o : outputs) {
                todo.add(o);
            }
            while (!todo.isEmpty()) {
                int n = todo.poll();
                if (n < 2 || stop.contains(n)) {
                    continue;
                }
                Integer c = driver.get(n);
                if (c == null) {
                    throw MaxdnnException.badInput(netlist.module() + ": net " + netlist.netName(n)
                            + " inside the multiplier has no driver");
                }
                if (isFlop(c)) {
                    throw MaxdnnException.badInput(netlist.module() + ": the multiplier's logic reaches register "
                            + netlist.cells().get(c).name() + ", which is not an operand register");
                }
                if (in[c]) {
                    continue;
                }
                in[c] = true;
                for (LibertyPin p : types[c].inputs()) {
                    todo.add(pin(c, p.name()));
                }
            }
            List<Netlist.Cell> out = new ArrayList<>();
            for (int c = 0; c < types.length; c++) {
                if (in[c]) {
                    out.add(netlist.cells().get(c));
                }
            }
            return out;
        }
    }
}
