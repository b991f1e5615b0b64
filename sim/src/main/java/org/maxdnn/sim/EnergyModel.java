package org.maxdnn.sim;

import java.util.List;
import java.util.Map;
import org.maxdnn.MaxdnnException;

/**
 * Energy per operation from measured switching activity (SPEC §8):
 *
 * <pre>
 * E/op = [ Σ_nets toggles·½·C_load·V²  +  Σ_cells Σ_events E_internal ] / operations  +  P_leak·T
 * </pre>
 *
 * <ul>
 * <li>C_load of a net: the capacitances of the cell input pins on it, plus {@link Options#outputLoad()}
 * per primary-output bit it drives, plus the library's default wire-load capacitance for its fanout
 * (pins + output ports) when the library defines one and {@link Options#wireLoad()} is set, plus any
 * capacitance given per net (a routed design's extracted wires).
 * V is the library's nominal voltage.</li>
 * <li>Internal energy: each internal-power event counted by the simulator (an output rise or fall
 * caused by a related input, see {@link Activity}) costs the liberty table value
 * ({@code rise_power}/{@code fall_power}) read at the output's C_load and at the transition time of
 * the related input. Transition times are propagated through the netlist from
 * {@link Options#inputSlew()} at the primary inputs with the cells' {@code rise_transition}/
 * {@code fall_transition} tables at each net's load (worst over the arcs, unateness respected),
 * like a static timing analyser's slew propagation. Input-pin groups cost their table value at
 * the pin's transition time per input toggle.</li>
 * <li>Leakage: Σ cells {@link LibertyCell#meanLeakage()} × the clock period, one operation per
 * period.</li>
 * </ul>
 *
 * Glitches are not modelled (zero-delay simulation): the toggles are those between settled values
 * of consecutive operations. The clock network is idealised: the clock port's net is a primary
 * input (not charged, {@link Options#inputSlew()} at every flop), and a clock gate's output net
 * (SPEC §6.1) is treated the same way, so a gated flop's clock costs what an ungated one's does and
 * the gate costs its own cells; neither array has a clock tree.
 */
public final class EnergyModel {

    /**
     * @param clockPeriod seconds per operation (for leakage and for OpenSTA's clock)
     * @param inputSlew transition time at the primary inputs, seconds
     * @param outputLoad load on each primary-output bit, farads; NaN means the library's mean input
     *        pin capacitance (one typical gate)
     * @param wireLoad add the library's default wire-load model, if it has one
     */
    public record Options(double clockPeriod, double inputSlew, double outputLoad, boolean wireLoad) {
        public static final Options DEFAULT = new Options(10e-9, 0.1e-9, Double.NaN, true);

        public Options {
            if (!(clockPeriod > 0) || !(inputSlew >= 0)) {
                throw MaxdnnException.badInput("clock period must be > 0 and input slew >= 0");
            }
        }

        public Options withClockPeriod(double seconds) {
            return new Options(seconds, inputSlew, outputLoad, wireLoad);
        }

        public Options withOutputLoad(double farads) {
            return new Options(clockPeriod, inputSlew, farads, wireLoad);
        }

        public Options withWireLoad(boolean on) {
            return new Options(clockPeriod, inputSlew, outputLoad, on);
        }
    }

    private final GateSimulator sim;
    private final Liberty lib;
    private final Options options;
    /** Per net, library capacitance units. */
    private final double[] load;
    /** Per net, library time units. */
    private final double[] riseSlew;
    private final double[] fallSlew;
    private final boolean[] cellDriven;
    private final boolean[] primaryInput;
    /** Per cell, per internal-power group: [2k] rise, [2k+1] fall energy in library energy units. */
    private final double[][] groupEnergy;
    private final double leakagePower;
    private final double outputLoadLib;

    public EnergyModel(GateSimulator sim, Options options) {
        this(sim, options, Map.of());
    }

    /**
     * As {@link #EnergyModel(GateSimulator, Options)}, with {@code netCapacitance} (farads per net
     * bit, e.g. a routed design's extracted wire capacitance) added to the listed nets' loads, before
     * slews and internal energies are derived from them. Used with {@code wireLoad(false)} it replaces
     * the wire-load estimate by the extracted wires.
     */
    public EnergyModel(GateSimulator sim, Options options, Map<Integer, Double> netCapacitance) {
        this.sim = sim;
        this.lib = sim.liberty();
        this.options = options;
        Netlist n = sim.netlist();
        int nets = sim.netCount();
        load = new double[nets];
        riseSlew = new double[nets];
        fallSlew = new double[nets];
        cellDriven = new boolean[nets];
        primaryInput = new boolean[nets];
        int[] fanout = new int[nets];
        outputLoadLib = Double.isNaN(options.outputLoad()) ? lib.meanInputCapacitance()
                : options.outputLoad() / lib.capacitanceUnit();
        for (int c = 0; c < n.cells().size(); c++) {
            LibertyCell type = sim.cellType(c);
            for (LibertyPin p : type.pins().values()) {
                int net = sim.pinNet(c, p.name());
                if (p.isOutput()) {
                    cellDriven[net] = true;
                } else if (p.isInput()) {
                    load[net] += p.capacitance();
                    fanout[net]++;
                }
            }
        }
        for (Netlist.Port p : n.outputs()) {
            for (int b : p.bits()) {
                load[b] += outputLoadLib;
                fanout[b]++;
            }
        }
        WireLoad wl = options.wireLoad() ? lib.defaultWireLoad() : null;
        if (wl != null) {
            for (int i = 2; i < nets; i++) {
                load[i] += wl.capacitance(fanout[i]);
            }
        }
        for (Map.Entry<Integer, Double> e : netCapacitance.entrySet()) {
            int net = e.getKey();
            if (net < 0 || net >= nets) {
                throw new IllegalArgumentException("net " + net + " is not in netlist " + n.module());
            }
            load[net] += e.getValue() / lib.capacitanceUnit();
        }
        double inSlew = options.inputSlew() / lib.timeUnit();
        for (Netlist.Port p : n.inputs()) {
            for (int b : p.bits()) {
                primaryInput[b] = true;
                riseSlew[b] = inSlew;
                fallSlew[b] = inSlew;
            }
        }
        load[Netlist.CONST0] = 0;
        load[Netlist.CONST1] = 0;
        propagateSlews(inSlew);
        groupEnergy = new double[n.cells().size()][];
        double leak = 0;
        for (int c = 0; c < n.cells().size(); c++) {
            LibertyCell type = sim.cellType(c);
            List<GateSimulator.PowerGroup> groups = GateSimulator.powerGroups(type);
            double[] e = new double[2 * groups.size()];
            for (int k = 0; k < groups.size(); k++) {
                GateSimulator.PowerGroup g = groups.get(k);
                InternalPower ip = g.power();
                int pinNet = sim.pinNet(c, g.pin().name());
                if (g.pin().isOutput()) {
                    double rs = 0;
                    double fs = 0;
                    if (!ip.relatedPins().isEmpty()) {
                        String rp = ip.relatedPins().get(0);
                        int rn = sim.pinNet(c, rp);
                        boolean positive = positiveUnate(g.pin(), rp);
                        rs = positive ? riseSlew[rn] : fallSlew[rn];
                        fs = positive ? fallSlew[rn] : riseSlew[rn];
                    }
                    e[2 * k] = ip.energy(true, rs, load[pinNet]);
                    e[2 * k + 1] = ip.energy(false, fs, load[pinNet]);
                } else {
                    e[2 * k] = ip.energy(true, riseSlew[pinNet], 0);
                    e[2 * k + 1] = ip.energy(false, fallSlew[pinNet], 0);
                }
            }
            groupEnergy[c] = e;
            leak += type.meanLeakage() * lib.leakagePowerUnit();
        }
        leakagePower = leak;
    }

    /** OpenSTA's rule: the first arc's sense; positive and non-unate (or no arc) count as positive. */
    private static boolean positiveUnate(LibertyPin out, String related) {
        for (TimingArc a : out.timingArcs()) {
            if (a.relatedPins().contains(related)) {
                return !"negative_unate".equals(a.sense());
            }
        }
        return true;
    }

    private void propagateSlews(double inSlew) {
        for (int c : sim.order()) {
            LibertyCell type = sim.cellType(c);
            for (LibertyPin out : type.outputs()) {
                int on = sim.pinNet(c, out.name());
                double rise = -1;
                double fall = -1;
                for (TimingArc a : out.timingArcs()) {
                    if (!a.isCombinational()) {
                        continue;
                    }
                    for (String rp : a.relatedPins()) {
                        int rn = sim.pinNet(c, rp);
                        if (a.riseTransition() != null) {
                            if (a.riseFromRise()) {
                                rise = Math.max(rise, a.riseTransition().lookup(riseSlew[rn], load[on]));
                            }
                            if (a.riseFromFall()) {
                                rise = Math.max(rise, a.riseTransition().lookup(fallSlew[rn], load[on]));
                            }
                        }
                        if (a.fallTransition() != null) {
                            if (a.riseFromRise()) { // positive or non-unate: fall from fall
                                fall = Math.max(fall, a.fallTransition().lookup(fallSlew[rn], load[on]));
                            }
                            if (a.riseFromFall()) {
                                fall = Math.max(fall, a.fallTransition().lookup(riseSlew[rn], load[on]));
                            }
                        }
                    }
                }
                // a gated clock is idealised like the primary clock (no clock tree is built for either)
                riseSlew[on] = rise < 0 || sim.isGatedClock(on) ? inSlew : rise;
                fallSlew[on] = fall < 0 || sim.isGatedClock(on) ? inSlew : fall;
            }
        }
    }

    public GateSimulator simulator() {
        return sim;
    }

    public Options options() {
        return options;
    }

    /** Load of a net in farads. */
    public double loadFarads(int net) {
        return load[net] * lib.capacitanceUnit();
    }

    /** Rise and fall transition times of a net in seconds. */
    public double[] slewSeconds(int net) {
        return new double[] {riseSlew[net] * lib.timeUnit(), fallSlew[net] * lib.timeUnit()};
    }

    /** The primary-output load actually used, farads. */
    public double outputLoadFarads() {
        return outputLoadLib * lib.capacitanceUnit();
    }

    /** ½·C·V² of one toggle of {@code net}, joules. */
    public double toggleEnergy(int net) {
        double v = lib.nominalVoltage();
        return 0.5 * loadFarads(net) * v * v;
    }

    /** Energy per operation of an activity measured on this model's simulator. */
    public EnergyReport evaluate(Activity act) {
        double[][] cell = cellEnergies(act);
        double sw = 0;
        double internal = 0;
        for (double[] e : cell) {
            internal += e[0];
            sw += e[1];
        }
        double perOp = act.transitions() == 0 ? 0 : 1.0 / act.transitions();
        double in = 0;
        for (int net = 2; net < sim.netCount(); net++) {
            if (primaryInput[net] && !cellDriven[net]) {
                in += act.toggles()[net] * toggleEnergy(net) * perOp;
            }
        }
        return new EnergyReport(sim.netlist().module(), lib.name(), act.transitions(), sw, in, internal,
                leakagePower * options.clockPeriod(), options.clockPeriod());
    }

    /**
     * Per cell instance, joules per operation: [0] internal energy, [1] switching of the nets its
     * outputs drive, [2] leakage over one clock period. {@link #evaluate} is their sum plus the
     * primary inputs' switching; OpenSTA reports power per instance the same way.
     */
    public double[][] cellEnergies(Activity act) {
        if (act.toggles().length != sim.netCount()) {
            throw new IllegalArgumentException("activity was not measured on this netlist");
        }
        long ops = act.transitions();
        double perOp = ops == 0 ? 0 : 1.0 / ops;
        int cells = sim.netlist().cells().size();
        double[][] out = new double[cells][3];
        for (int c = 0; c < cells; c++) {
            double[] ev = act.powerEvents()[c];
            double[] en = groupEnergy[c];
            double internal = 0;
            for (int i = 0; i < ev.length; i++) {
                internal += ev[i] * en[i];
            }
            double sw = 0;
            for (LibertyPin p : sim.cellType(c).outputs()) {
                int net = sim.pinNet(c, p.name());
                if (!sim.isGatedClock(net)) { // charged no more than the primary clock net is
                    sw += act.toggles()[net] * toggleEnergy(net);
                }
            }
            out[c][0] = internal * lib.energyUnit() * perOp;
            out[c][1] = sw * perOp;
            out[c][2] = sim.cellType(c).meanLeakage() * lib.leakagePowerUnit() * options.clockPeriod();
        }
        return out;
    }
}
