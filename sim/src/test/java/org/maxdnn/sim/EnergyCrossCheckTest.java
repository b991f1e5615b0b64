package org.maxdnn.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.maxdnn.testing.RequiresTools;

/**
 * The energy per transition of {@link EnergyModel#evaluate} against OpenSTA's report_power under
 * one uniform activity on the same netlists, liberty, loads and input slew: within 10 % in total,
 * switching and leakage within 5 %, the per-cell-type errors printed.
 */
@RequiresTools({"yosys", "sta"})
class EnergyCrossCheckTest {
    static void print(EnergyCrossCheck.Result r) {
        System.out.printf(Locale.ROOT, "%s: Java %.4f pJ, OpenSTA %.4f pJ per op at %.2f toggles/op: %+.2f %% "
                        + "(internal %+.2f %%, switching %+.2f %%, leakage %+.2f %%; worst instance %.1f %%); "
                        + "diagnostic, each toggle charged to its own arc: %.4f pJ%n",
                r.design(), r.javaJ() * 1e12, r.openStaJ() * 1e12, EnergyCrossCheck.TOGGLES_PER_OP, r.errorPct(),
                pct(r.javaParts()[0], r.openStaParts()[0]), pct(r.javaParts()[1], r.openStaParts()[1]),
                pct(r.javaParts()[2], r.openStaParts()[2]), r.worstInstancePct(), r.attributedJ() * 1e12);
        for (EnergyCrossCheck.CellType t : r.types()) {
            System.out.printf(Locale.ROOT, "  %-10s %4d  Java %.4f pJ  OpenSTA %.4f pJ  %+.2f %%%n", t.type(),
                    t.instances(), t.javaJ() * 1e12, t.openStaJ() * 1e12, t.errorPct());
        }
    }

    private static double pct(double java, double sta) {
        return 100 * (java / sta - 1);
    }

    private static void agree(String top, Path lib) {
        YosysSynth.Result r = TestDesigns.synth(top, lib);
        EnergyModel model = new EnergyModel(new GateSimulator(r.netlist(), TestDesigns.liberty(lib)),
                EnergyModel.Options.DEFAULT);
        EnergyCrossCheck.Result x = EnergyCrossCheck.run(r, model, r.dir().resolve("opensta"));
        print(x);
        assertTrue(Math.abs(x.errorPct()) < 10, top + ": Java vs OpenSTA " + x.errorPct() + " %");
        assertEquals(x.openStaParts()[1], x.javaParts()[1], 0.05 * x.openStaParts()[1], "switching");
        assertEquals(x.openStaParts()[2], x.javaParts()[2], 0.05 * x.openStaParts()[2], "leakage");
    }

    @Test
    void exactMultiplierOsu018() {
        agree("mul8", TestDesigns.OSU018);
    }

    @Test
    void adderOsu018() {
        agree("add8", TestDesigns.OSU018);
    }

    @Test
    void multiplyAddWithHierarchyOsu018() {
        agree("mac8", TestDesigns.OSU018);
    }

    @Test
    void exactMultiplierSky130() {
        agree("mul8", TestDesigns.sky130());
    }
}
