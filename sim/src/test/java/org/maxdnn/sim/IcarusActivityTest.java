package org.maxdnn.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.maxdnn.Assets;
import org.maxdnn.testing.RequiresTools;

/**
 * The activity check: the Java gate simulator's toggles equal, net by net, Icarus's zero-delay
 * simulation of the same Yosys netlist with osu018's own cell models on the same operand stream,
 * for the test multiplier and adder and two EvoApprox circuits (their library Verilog synthesised
 * like every other design). The flow's own ROUP netlists are checked in {@code MainFlowTest}.
 */
@RequiresTools({"yosys", "iverilog", "vvp"})
class IcarusActivityTest {
    private static final OperandStream STREAM = OperandStreams.uniform(3000, 5);

    /** Runs both simulators on {@code inputs} and returns the nets that differ, after checking the probes. */
    private static List<IcarusActivity.Mismatch> check(YosysSynth.Result r, Map<String, int[]> inputs,
                                                       Map<String, int[]> javaInputs) {
        GateSimulator sim = new GateSimulator(r.netlist(), TestDesigns.liberty(TestDesigns.OSU018));
        IcarusActivity.Result icarus = IcarusActivity.simulate(r, sim, inputs, IcarusActivity.cellModels(TestDesigns.OSU018),
                r.dir().resolve("icarus"));
        assertTrue(icarus.nets().length > r.netlist().cells().size(), "every cell output and input bit probed");
        Activity java = sim.simulate(javaInputs, false);
        List<IcarusActivity.Mismatch> bad = IcarusActivity.compare(icarus, java, r.netlist());
        long total = java.totalToggles();
        System.out.printf("%s: %d nets probed, %d toggles by Java, %d nets differ%n", r.top(), icarus.nets().length,
                total, bad.size());
        return bad;
    }

    private static Map<String, int[]> operands(String a, String b, OperandStream s) {
        return Map.of(a, s.a(), b, s.b());
    }

    @Test
    void exactMultiplierNetByNet() {
        YosysSynth.Result r = TestDesigns.synth("mul8", TestDesigns.OSU018);
        assertEquals(List.of(), check(r, operands("a", "b", STREAM), operands("a", "b", STREAM)));
    }

    @Test
    void adderNetByNet() {
        YosysSynth.Result r = TestDesigns.synth("add8", TestDesigns.OSU018);
        assertEquals(List.of(), check(r, operands("a", "b", STREAM), operands("a", "b", STREAM)));
    }

    /** The activation drives port B of an EvoApprox circuit (the library's PROVENANCE); unsigned codes. */
    @Test
    void evoApproxCircuitsNetByNet() {
        Path dir = Assets.fromEnvironment().evoApproxVerilog();
        int[] act = new int[STREAM.size()];
        int[] wgt = new int[STREAM.size()];
        for (int i = 0; i < act.length; i++) {
            act[i] = STREAM.a()[i] + 128;
            wgt[i] = STREAM.b()[i] + 128;
        }
        for (String name : List.of("mul8u_2AC", "mul8u_125K", "mul8u_FTA")) {
            YosysSynth.Result r = YosysSynth.synthesize(dir.resolve(name + ".v"), name, TestDesigns.OSU018,
                    Path.of("target", "test-synth", "evoapprox", name));
            Map<String, int[]> in = Map.of("A", wgt, "B", act);
            assertEquals(List.of(), check(r, in, in), name);
        }
    }

    /** The check can fail: Java simulating another stream than Icarus differs on many nets. */
    @Test
    void aDifferentStreamIsCaught() {
        YosysSynth.Result r = TestDesigns.synth("mul8", TestDesigns.OSU018);
        OperandStream other = OperandStreams.uniform(3000, 6);
        List<IcarusActivity.Mismatch> bad = check(r, operands("a", "b", STREAM), operands("a", "b", other));
        assertFalse(bad.isEmpty());
    }
}
