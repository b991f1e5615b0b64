package org.maxdnn.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.maxdnn.testing.RequiresTools;

/**
 * Flip-flops in the gate simulator, one clock cycle per vector, on a synthesised register with a
 * load enable (a feedback through the flop): its output is the input of the last loading edge, its
 * toggles are counted from that, and the clock is charged every cycle.
 */
@RequiresTools("yosys")
class GateSimulatorFlopTest {
    @Test
    void aRegisterHoldsWhatTheLastLoadingEdgeTook() {
        YosysSynth.Result r = TestDesigns.synth("reg8", TestDesigns.OSU018);
        GateSimulator sim = new GateSimulator(r.netlist(), TestDesigns.liberty(TestDesigns.OSU018));
        int n = 500;
        int[] d = new int[n];
        int[] load = new int[n];
        Random rnd = new Random(3);
        for (int i = 0; i < n; i++) {
            d[i] = rnd.nextInt(256);
            load[i] = rnd.nextInt(4) == 0 ? 1 : 0;
        }
        Map<String, int[]> in = new LinkedHashMap<>();
        in.put("clock", new int[n]);
        in.put("load", load);
        in.put("d", d);
        Activity act = sim.simulate(in, true);
        long[] q = act.outputs().get("q");
        int expected = 0;
        long toggles = 0;
        for (int i = 0; i < n; i++) {
            assertEquals(expected, q[i] & 0xFF, "q at cycle " + i);
            if (load[i] == 1) {
                toggles += i + 1 < n ? Integer.bitCount(expected ^ d[i]) : 0;
                expected = d[i];
            }
        }
        long qToggles = 0;
        for (int b : r.netlist().port("q").bits()) {
            qToggles += act.toggles()[b];
        }
        assertEquals(toggles, qToggles);
        assertEquals(2L * (n - 1), act.toggles()[r.netlist().port("clock").bits()[0]], "the clock toggles twice a cycle");
        EnergyModel model = new EnergyModel(sim, EnergyModel.Options.DEFAULT);
        EnergyReport idle = model.evaluate(sim.simulate(Map.of("clock", new int[n], "load", new int[n], "d", new int[n]),
                false));
        // an idle register still pays its clock: 8 flops x (CLK rise + fall) per cycle, about 0.1 pJ each on osu018
        assertTrue(idle.internal() > 8 * 0.05e-12 && idle.internal() < 8 * 0.3e-12, "idle " + idle);
        assertTrue(model.evaluate(act).internal() > idle.internal());
    }
}
