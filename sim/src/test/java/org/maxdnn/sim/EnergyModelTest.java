package org.maxdnn.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.maxdnn.testing.RequiresTools;

@RequiresTools({"yosys"})
class EnergyModelTest {
    /**
     * One NAND2X1 driving 50 fF, seven vectors: every term of the model computed by hand from the
     * liberty values.
     */
    @Test
    void singleNandByHand() {
        Path lib = TestDesigns.OSU018;
        Liberty l = TestDesigns.liberty(lib);
        YosysSynth.Result r = TestDesigns.synth("nand1", lib);
        assertEquals(Map.of("NAND2X1", 1), r.cellCounts());
        GateSimulator sim = new GateSimulator(r.netlist(), l);
        EnergyModel.Options opt = new EnergyModel.Options(10e-9, 0.1e-9, 50e-15, true);
        EnergyModel m = new EnergyModel(sim, opt);
        //            vectors: 0  1  2  3  4  5  6
        int[] a = {1, 0, 1, 1, 1, 0, 1};
        int[] b = {1, 1, 1, 0, 1, 0, 1};
        Activity act = sim.simulate(Map.of("a", a, "b", b), true);
        assertEquals(6, act.transitions());
        int y = r.netlist().port("y").bits()[0];
        assertEquals(6, act.toggles()[y]);
        // y rises at 1 (a fell), 3 (b fell), 5 (both fell, half each); falls at 2, 4, 6 likewise
        double[] ev = act.powerEvents()[0];
        assertEquals(1.5, ev[0], 1e-12); // group related to A: rises
        assertEquals(1.5, ev[1], 1e-12); // A: falls
        assertEquals(1.5, ev[2], 1e-12); // B: rises
        assertEquals(1.5, ev[3], 1e-12); // B: falls

        LibertyCell nand = l.cell("NAND2X1");
        double v2 = 1.8 * 1.8;
        double load = 0.05; // pF
        double switching = 6 * 0.5 * 50e-15 * v2 / 6;
        InternalPower pa = nand.pin("Y").internalPowers().get(0);
        InternalPower pb = nand.pin("Y").internalPowers().get(1);
        double internal = 1.5 * (pa.rise().lookup(0.1, load) + pa.fall().lookup(0.1, load)
                + pb.rise().lookup(0.1, load) + pb.fall().lookup(0.1, load)) * 1e-12 / 6;
        double inputs = (4 * nand.pin("A").capacitance() + 4 * nand.pin("B").capacitance()) * 1e-12 * 0.5 * v2 / 6;
        double leakage = nand.leakage() * 1e-9 * 10e-9;
        EnergyReport e = m.evaluate(act);
        assertEquals(switching, e.switching(), 1e-20);
        assertEquals(internal, e.internal(), 1e-20);
        assertEquals(inputs, e.inputSwitching(), 1e-20);
        assertEquals(leakage, e.leakage(), 1e-24);
        assertEquals(switching + internal + inputs + leakage, e.total(), 1e-20);
        assertEquals(50e-15, m.loadFarads(y), 1e-27);
    }

    @Test
    void slewsPropagateAndLoadsAddWireLoadOnSky130() {
        Path lib = TestDesigns.sky130();
        YosysSynth.Result r = TestDesigns.synth("mul8", lib);
        GateSimulator sim = new GateSimulator(r.netlist(), TestDesigns.liberty(lib));
        EnergyModel with = new EnergyModel(sim, EnergyModel.Options.DEFAULT);
        EnergyModel without = new EnergyModel(sim, EnergyModel.Options.DEFAULT.withWireLoad(false));
        int p0 = r.netlist().port("p").bits()[5];
        assertTrue(with.loadFarads(p0) > without.loadFarads(p0));
        double[] s = with.slewSeconds(p0);
        assertTrue(s[0] > 0 && s[0] < 2e-9 && s[1] > 0 && s[1] < 2e-9, "slews " + s[0] + " " + s[1]);
        int a0 = r.netlist().port("a").bits()[0];
        assertEquals(0.1e-9, with.slewSeconds(a0)[0], 1e-18);
    }
}
