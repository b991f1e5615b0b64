package org.maxdnn.layout;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.IntBinaryOperator;
import org.maxdnn.MaxdnnException;
import org.maxdnn.io.AtomicFiles;
import org.maxdnn.mult.Circuit;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.sim.Activity;
import org.maxdnn.sim.EnergyModel;
import org.maxdnn.sim.GateLevelEnergy;
import org.maxdnn.sim.GateSimulator;
import org.maxdnn.sim.Liberty;
import org.maxdnn.sim.Netlist;
import org.maxdnn.sim.OperandStream;
import org.maxdnn.sim.OperandStreams;

/**
 * Energy per multiplication of one multiplier circuit before and after routing, on the same
 * operand stream, with the project's gate-level energy model (SPEC §8):
 *
 * <ul>
 * <li><b>pre-route</b>: the project's own figure, the configuration's Verilog synthesised with
 * {@link GateLevelEnergy} (Yosys + abc) and the liberty's wire-load model, as in the energy table;</li>
 * <li><b>routed, wire-load</b>: the routed netlist (qflow's synthesis, fanout buffers included;
 * {@link RegisterCut}) with the same wire-load model: how much the netlist alone changes;</li>
 * <li><b>post-route</b>: the routed netlist with each net's extracted wire capacitance from the
 * SPEF ({@link WireCapacitance}) instead of the wire-load model.</li>
 * </ul>
 *
 * Before its energy is trusted the routed core is checked against the Java model on all 65,536
 * port values (for a table's circuit, its table on unsigned codes). The product register's D pins
 * load the core's outputs after routing; the pre-route figure keeps the energy table's output load
 * (one mean input pin), so the table's number is the one compared.
 *
 * @param config the configuration
 * @param stream the operand stream's name (a layer of the model)
 * @param operations multiplications simulated
 * @param preRoutePj pre-route pJ per multiplication
 * @param routedWireLoadPj routed netlist with the wire-load model, pJ per multiplication
 * @param postRoutePj routed netlist with extracted wires, pJ per multiplication
 * @param preRouteCells cells of the pre-route netlist
 * @param routedCells cells of the routed multiplier (between the registers)
 * @param wireFarads extracted wire capacitance on the routed multiplier's nets
 * @param spefUnitNote how the SPEF's capacitance unit was decided
 */
public record PostRouteEnergy(String config, String stream, long operations, double preRoutePj,
                              double routedWireLoadPj, double postRoutePj, int preRouteCells, int routedCells,
                              double wireFarads, String spefUnitNote) {

    /** Post-route energy relative to pre-route, e.g. 1.12 = 12 % more. */
    public double postOverPre() {
        return postRoutePj / preRoutePj;
    }

    /**
     * Measures a routed registered multiplier circuit ({@code routed}, parasitics {@code spef}) on
     * {@code stream}, its operands entering the circuit's ports as it says; the pre-route synthesis
     * goes to {@code workDir}.
     */
    public static PostRouteEnergy measure(Circuit circuit, Netlist routed, Spef spef, Liberty liberty, Path libertyFile,
                                          OperandStream signed, double clockPeriodSeconds, Path workDir) {
        MultiplierConfig config = circuit.config();
        OperandStream stream = new OperandStream(signed.name(),
                Arrays.stream(signed.a()).map(circuit.ports().activation()).toArray(),
                Arrays.stream(signed.b()).map(circuit.ports().weight()).toArray());
        EnergyModel.Options options = EnergyModel.Options.DEFAULT.withClockPeriod(clockPeriodSeconds);
        String module = circuit.module();
        Path verilog = workDir.resolve(module + ".sv");
        AtomicFiles.writeString(verilog, circuit.verilog().get());
        GateLevelEnergy pre = GateLevelEnergy.synthesize(verilog, module, libertyFile, workDir, options);
        double prePj = pre.energy(stream).totalPj();

        RegisterCut cut = RegisterCut.of(routed, liberty);
        GateSimulator sim = new GateSimulator(cut.netlist(), liberty);
        long bad = mismatches(sim, circuit.ports().product());
        if (bad != 0) {
            throw new MaxdnnException(MaxdnnException.MISMATCH, "the routed " + config.name() + " multiplier differs "
                    + "from the Java model on " + bad + " of 65,536 operand pairs");
        }
        Activity act = sim.simulateOperands(stream.a(), stream.b(), false);
        EnergyModel.Options routedOptions = options.withOutputLoad(cut.productLoadFarads());
        double wireLoadPj = new EnergyModel(sim, routedOptions).evaluate(act).totalPj();
        WireCapacitance wires = WireCapacitance.of(spef, routed, liberty, "SPEF of " + routed.module());
        Map<Integer, Double> coreWires = onNets(wires.farads(), cut.netlist());
        double postPj = new EnergyModel(sim, routedOptions.withWireLoad(false), coreWires).evaluate(act).totalPj();
        int preCells = pre.synthesis().netlist().cells().size();
        return new PostRouteEnergy(config.name(), stream.name(), act.transitions(), prePj, wireLoadPj, postPj,
                preCells, cut.netlist().cells().size(),
                coreWires.values().stream().mapToDouble(Double::doubleValue).sum(), wires.unitNote());
    }

    /** The entries of {@code farads} on nets of {@code netlist}. */
    static Map<Integer, Double> onNets(Map<Integer, Double> farads, Netlist netlist) {
        Set<Integer> nets = new HashSet<>();
        for (Netlist.Port p : netlist.ports()) {
            for (int b : p.bits()) {
                nets.add(b);
            }
        }
        for (Netlist.Cell c : netlist.cells()) {
            nets.addAll(c.connections().values());
        }
        Map<Integer, Double> out = new HashMap<>();
        farads.forEach((net, f) -> {
            if (nets.contains(net)) {
                out.put(net, f);
            }
        });
        return out;
    }

    /** Operand pairs (of all 65,536) on which the core's product differs from the model's. */
    /** Pairs of port values (all 65,536) on which {@code sim}'s product differs from {@code expected} in 16 bits. */
    static long mismatches(GateSimulator sim, IntBinaryOperator expected) {
        OperandStream all = OperandStreams.exhaustive();
        long[] p = sim.simulateOperands(all.a(), all.b(), true).outputs().get("product");
        long bad = 0;
        for (int i = 0; i < p.length; i++) {
            if (((p[i] ^ expected.applyAsInt(all.a()[i], all.b()[i])) & 0xFFFF) != 0) {
                bad++;
            }
        }
        return bad;
    }
}
