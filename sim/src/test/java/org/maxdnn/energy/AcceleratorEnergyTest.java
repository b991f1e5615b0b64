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
        Map<String, ActionEnergyTable.Entry> e = new LinkedHashMap<>();
        e.put(ActionEnergyTable.REGISTER_CLOCK, new ActionEnergyTable.Entry(0.5, "x"));
        for (AcceleratorEnergy.Memory m : AcceleratorEnergy.memories(SMALL)) {
            String k = AcceleratorEnergy.memoryComponent(m.depth(), m.width());
            e.put(k + ",read", new ActionEnergyTable.Entry(2, "x"));
            e.put(k + ",write", new ActionEnergyTable.Entry(3, "x"));
            e.put(k + ",cycle", new ActionEnergyTable.Entry(1, "x"));
        }
        Map<String, Double> c = counters(10);
        AcceleratorEnergy.Breakdown b = AcceleratorEnergy.of(SMALL, new AcceleratorEnergy.Counts(c, 100, 40, 6),
                new ActionEnergyTable("test", e));
        // array: 100 + 10 cycles x 40 flops x 0.5
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
        Map<String, ActionEnergyTable.Entry> e = Map.of(ActionEnergyTable.REGISTER_CLOCK, new ActionEnergyTable.Entry(0.5, "x"));
        AcceleratorEnergy.Breakdown b = AcceleratorEnergy.of(SMALL, new AcceleratorEnergy.Counts(counters(1), 0, 1, 1),
                new ActionEnergyTable("test", e));
        assertFalse(b.parts().get(1).priced());
        assertTrue(b.missing().get(0).startsWith("sram_128x8,"), b.missing().toString());
    }

    @Test
    @RequiresTools({"yosys"})
    void aFlipFlopMemoryIsMeasuredAtGateLevel() {
        Path dir = Path.of("target", "accelerator-energy").toAbsolutePath();
        Map<String, ActionEnergyTable.Entry> small = MemoryEnergyCharacterization.measure(16, 8, Liberty.OSU018, dir);
        Map<String, ActionEnergyTable.Entry> twice = MemoryEnergyCharacterization.measure(32, 8, Liberty.OSU018, dir);
        double cycle16 = small.get("sram_16x8,cycle").pj();
        double cycle32 = twice.get("sram_32x8,cycle").pj();
        System.out.printf("flip-flop memory 16x8: cycle %.3f pJ, read %.3f pJ, write %.3f pJ; 32x8: cycle %.3f pJ, read "
                + "%.3f pJ, write %.3f pJ%n", cycle16, small.get("sram_16x8,read").pj(), small.get("sram_16x8,write").pj(),
                cycle32, twice.get("sram_32x8,read").pj(), twice.get("sram_32x8,write").pj());
        assertTrue(cycle16 > 0 && small.get("sram_16x8,read").pj() > 0 && small.get("sram_16x8,write").pj() > 0);
        // twice the flops clocked: the idle cycle's energy about doubles
        assertEquals(2, cycle32 / cycle16, 0.5);
    }
}
