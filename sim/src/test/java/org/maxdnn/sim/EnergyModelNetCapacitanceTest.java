package org.maxdnn.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.maxdnn.testing.RequiresTools;

/** Capacitance given per net (a routed design's extracted wires) enters the loads like any other. */
@RequiresTools({"yosys"})
class EnergyModelNetCapacitanceTest {
    private static final int[] A = {1, 0, 1, 1, 1, 0, 1};
    private static final int[] B = {1, 1, 1, 0, 1, 0, 1};

    @Test
    void capacitanceOnAnOutputNetActsAsMoreOutputLoad() {
        YosysSynth.Result r = TestDesigns.synth("nand1", TestDesigns.OSU018);
        GateSimulator sim = new GateSimulator(r.netlist(), TestDesigns.liberty(TestDesigns.OSU018));
        Activity act = sim.simulate(Map.of("a", A, "b", B), false);
        int y = r.netlist().port("y").bits()[0];
        EnergyModel.Options base = new EnergyModel.Options(10e-9, 0.1e-9, 50e-15, true);
        EnergyReport extra = new EnergyModel(sim, base, Map.of(y, 20e-15)).evaluate(act);
        EnergyReport more = new EnergyModel(sim, base.withOutputLoad(70e-15)).evaluate(act);
        assertEquals(more.switching(), extra.switching(), 1e-24);
        assertEquals(more.internal(), extra.internal(), 1e-24); // the internal-power tables see the same load
        assertEquals(more.total(), extra.total(), 1e-24);
    }

    @Test
    void capacitanceOnAnInputNetCostsHalfCVSquaredPerToggle() {
        YosysSynth.Result r = TestDesigns.synth("nand1", TestDesigns.OSU018);
        Liberty lib = TestDesigns.liberty(TestDesigns.OSU018);
        GateSimulator sim = new GateSimulator(r.netlist(), lib);
        Activity act = sim.simulate(Map.of("a", A, "b", B), false);
        int a = r.netlist().port("a").bits()[0];
        EnergyModel.Options base = new EnergyModel.Options(10e-9, 0.1e-9, 50e-15, true);
        EnergyReport plain = new EnergyModel(sim, base).evaluate(act);
        EnergyReport wired = new EnergyModel(sim, base, Map.of(a, 5e-15)).evaluate(act);
        double v = lib.nominalVoltage();
        // a toggles 4 times in 6 transitions
        assertEquals(plain.inputSwitching() + 4 * 0.5 * 5e-15 * v * v / 6, wired.inputSwitching(), 1e-24);
        assertEquals(plain.switching(), wired.switching(), 1e-24);
        assertEquals(plain.internal(), wired.internal(), 1e-24);
    }

    @Test
    void aNetOutsideTheNetlistIsRefused() {
        YosysSynth.Result r = TestDesigns.synth("nand1", TestDesigns.OSU018);
        GateSimulator sim = new GateSimulator(r.netlist(), TestDesigns.liberty(TestDesigns.OSU018));
        assertThrows(IllegalArgumentException.class,
                () -> new EnergyModel(sim, EnergyModel.Options.DEFAULT, Map.of(sim.netCount() + 5, 1e-15)));
    }
}
