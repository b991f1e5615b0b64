package org.maxdnn.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.maxdnn.accel.AcceleratorConfig;
import org.maxdnn.accel.HostInterface;
import org.maxdnn.array.ArrayConfig;
import org.maxdnn.sim.Liberty;
import org.maxdnn.sim.MemoryEnergyCharacterization;
import org.maxdnn.testing.RequiresTools;

/** The accelerator's energy: a hand-computed breakdown, a missing memory entry, and a measured flip-flop memory. */
class AcceleratorEnergyTest {
    static final AcceleratorConfig SMALL = AcceleratorConfig.small(ArrayConfig.configurable(2, 2));

    static Map<String, Double> counters(double value) {
        Map<String, Double> c = new HashMap<>();
        HostInterface.COUNTERS_NAMES.forEach(n -> c.put(n, value));
        return c;
    }

    @Test
    void everyPartIsCountsTimesEnergyPerAction() {
        Map<Action, ActionEnergyTable.Entry> e = new LinkedHashMap<>();
        e.put(PeActions.REGISTER_CLOCK, new ActionEnergyTable.Entry(0.5, "x"));
        for (AcceleratorEnergy.Memory m : AcceleratorEnergy.memories(SMALL)) {
            e.put(AcceleratorEnergy.memoryAction("read", m.depth(), m.width()), new ActionEnergyTable.Entry(2, "x"));
            e.put(AcceleratorEnergy.memoryAction("write", m.depth(), m.width()), new ActionEnergyTable.Entry(3, "x"));
            e.put(AcceleratorEnergy.memoryAction("cycle", m.depth(), m.width()), new ActionEnergyTable.Entry(1, "x"));
        }
        Map<String, Double> c = counters(10);
        // the bare array: multipliers 70, adders 30, its clock 999 (replaced by the accelerator's cycles)
        ArrayEnergy.Breakdown array = new ArrayEnergy.Breakdown(70, Map.of(PeActions.ADDER_ADD, 30.0,
                PeActions.REGISTER_CLOCK, 999.0));
        AcceleratorEnergy.Breakdown b = AcceleratorEnergy.of(SMALL, new AcceleratorEnergy.Counts(c, array, 40, 6),
                new ActionEnergyTable("test", e));
        // array: 70 + 30 + 10 cycles x 40 flops x 0.5
        assertEquals(300, b.parts().get(0).pj(), 1e-9);
        // activations: 10 reads x 2 + 10 writes x 3 + 10 cycles x 1
        assertEquals(60, b.parts().get(1).pj(), 1e-9);
        // weights, one memory per column (2): 10 row reads x 2 columns x 2 + 10 cycles x 2 x 1
        assertEquals(60, b.parts().get(2).pj(), 1e-9);
        // sequencer: 10 cycles x 6 flops x 0.5
        assertEquals(30, b.parts().get(b.parts().size() - 1).pj(), 1e-9);
        assertTrue(b.missing().isEmpty());
    }

    @Test
    void aMemoryWithoutAnEntryIsNotPricedAndNamesTheKey() {
        Map<Action, ActionEnergyTable.Entry> e = Map.of(PeActions.REGISTER_CLOCK, new ActionEnergyTable.Entry(0.5, "x"));
        AcceleratorEnergy.Breakdown b = AcceleratorEnergy.of(SMALL, new AcceleratorEnergy.Counts(counters(1),
                new ArrayEnergy.Breakdown(0, Map.of()), 1, 1), new ActionEnergyTable("test", e));
        assertFalse(b.parts().get(1).priced());
        assertEquals("memory,read(depth=128;width=8)", b.missing().get(0).toString());
    }

    @Test
    @RequiresTools({"yosys"})
    void aFlipFlopMemoryIsMeasuredAtGateLevel() {
        Path dir = Path.of("target", "accelerator-energy").toAbsolutePath();
        Map<Action, ActionEnergyTable.Entry> small = MemoryEnergyCharacterization.measure(16, 8, Liberty.OSU018, dir);
        Map<Action, ActionEnergyTable.Entry> twice = MemoryEnergyCharacterization.measure(32, 8, Liberty.OSU018, dir);
        double cycle16 = small.get(AcceleratorEnergy.memoryAction("cycle", 16, 8)).pj();
        double cycle32 = twice.get(AcceleratorEnergy.memoryAction("cycle", 32, 8)).pj();
        double read16 = small.get(AcceleratorEnergy.memoryAction("read", 16, 8)).pj();
        double write16 = small.get(AcceleratorEnergy.memoryAction("write", 16, 8)).pj();
        System.out.printf("flip-flop memory 16x8: cycle %.3f pJ, read %.3f pJ, write %.3f pJ; 32x8: cycle %.3f pJ%n",
                cycle16, read16, write16, cycle32);
        assertTrue(cycle16 > 0 && read16 > 0 && write16 > 0);
        // twice the flops clocked: the idle cycle's energy about doubles
        assertEquals(2, cycle32 / cycle16, 0.5);
    }
}
