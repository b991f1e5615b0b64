package org.maxdnn.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.maxdnn.testing.RequiresTools;

@RequiresTools({"yosys"})
class GateSimulatorTest {
    private static void checkExactMultiplier(Path lib) {
        YosysSynth.Result r = TestDesigns.synth("mul8", lib);
        GateSimulator sim = new GateSimulator(r.netlist(), TestDesigns.liberty(lib));
        OperandStream all = OperandStreams.exhaustive(); // a in the outer loop
        int[][] ops = {all.a(), all.b()};
        Activity act = sim.simulateOperands(ops[0], ops[1], true);
        long[] p = act.outputs().get("p");
        int wrong = 0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] != (long) ops[0][i] * ops[1][i]) {
                wrong++;
            }
        }
        assertEquals(0, wrong, "products differing from a*b out of 65,536");
        assertEquals(65536, act.vectors());
        // input bit toggles: b[0] changes at every step, a[0] once per 256 steps
        Netlist.Port a = r.netlist().port("a");
        Netlist.Port b = r.netlist().port("b");
        assertEquals(65535, act.toggles()[b.bits()[0]]);
        assertEquals(255, act.toggles()[a.bits()[0]]);
        assertEquals(32768, act.ones()[a.bits()[7]]);
        assertTrue(act.totalToggles() > 65535L * 16);
    }

    @Test
    void exactMultiplierOnOsu018MatchesAllProducts() {
        checkExactMultiplier(TestDesigns.OSU018);
    }

    @Test
    void exactMultiplierOnSky130MatchesAllProducts() {
        checkExactMultiplier(TestDesigns.sky130());
    }

    @Test
    void adderAndFlattenedHierarchyMatch() {
        Path lib = TestDesigns.OSU018;
        OperandStream all = OperandStreams.exhaustive();
        int[][] ops = {all.a(), all.b()};
        GateSimulator add = new GateSimulator(TestDesigns.synth("add8", lib).netlist(), TestDesigns.liberty(lib));
        long[] s = add.simulate(Map.of("a", ops[0], "b", ops[1]), true).outputs().get("s");
        GateSimulator mac = new GateSimulator(TestDesigns.synth("mac8", lib).netlist(), TestDesigns.liberty(lib));
        long[] q = mac.simulateOperands(ops[0], ops[1], true).outputs().get("q");
        for (int i = 0; i < 65536; i++) {
            int x = ops[0][i];
            int y = ops[1][i];
            assertEquals(x + y, s[i]);
            assertEquals(x * y + (byte) (x ^ y), q[i]);
        }
    }

    @Test
    void togglesAcrossChunkBoundariesEqualAScalarCount() {
        Path lib = TestDesigns.OSU018;
        YosysSynth.Result r = TestDesigns.synth("mul8", lib);
        GateSimulator sim = new GateSimulator(r.netlist(), TestDesigns.liberty(lib));
        java.util.Random rnd = new java.util.Random(7);
        int n = 10_007;
        int[] a = new int[n];
        int[] b = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = rnd.nextInt(256) - 128;
            b[i] = rnd.nextInt(256) - 128;
        }
        Activity act = sim.simulateOperands(a, b, true);
        long[] p = act.outputs().get("p");
        Netlist.Port out = r.netlist().port("p");
        for (int bit = 0; bit < 16; bit++) {
            long expected = 0;
            long ones = 0;
            for (int i = 0; i < n; i++) {
                if (i > 0 && (((p[i] ^ p[i - 1]) >>> bit) & 1) != 0) {
                    expected++;
                }
                ones += (p[i] >>> bit) & 1;
            }
            assertEquals(expected, act.toggles()[out.bits()[bit]], "toggles of p[" + bit + "]");
            assertEquals(ones, act.ones()[out.bits()[bit]], "ones of p[" + bit + "]");
        }
    }
}
