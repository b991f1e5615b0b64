package org.maxdnn.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maxdnn.MaxdnnException;

/** The array's energy is counts × energy per action, read from a file a user writes; a missing action is named. */
class ArrayEnergyTest {
    @TempDir
    Path dir;

    private Path write(String text) throws Exception {
        Path f = dir.resolve("actions.csv");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void handComputedEnergyFromAFileTable() throws Exception {
        ActionEnergyTable t = ActionEnergyTable.read(write("""
                # comment
                component,action,pj,estimator
                register,clock,0.1,hand
                register,bit_toggle,0.02,hand
                adder,add,0.5,hand
                weight_load,load,0.3,hand
                """));
        ArrayEnergy.Breakdown b = ArrayEnergy.of(ActionCounts.builder().add(PeActions.ADDER_ADD, 100)
                .add(PeActions.REGISTER_BIT_TOGGLE, 50).add(PeActions.REGISTER_CLOCK, 1000).add(PeActions.WEIGHT_LOAD, 10)
                .build(), t, 300);
        // 300 + 100*0.5 + 50*0.02 + 1000*0.1 + 10*0.3 = 300 + 50 + 1 + 100 + 3
        assertEquals(454, b.totalPj(), 1e-9);
        assertEquals(300.0 / 454, b.multiplierShare(), 1e-12);
        Path again = dir.resolve("again.csv");
        t.write(again);
        assertEquals(t.entries(), ActionEnergyTable.read(again).entries());
    }

    /**
     * The energy-proportional array's actions are keys and rows like any other: gated flip-flops
     * priced per open cycle, each clock gate per open and closed cycle, adders by their width.
     */
    @Test
    void gatedFlopsPayClockOnlyForOpenCyclesAndGatesTheirOwn() throws Exception {
        ActionEnergyTable t = ActionEnergyTable.read(write("""
                component,action,arguments,pj,estimator
                register,bit_toggle,,0.02,hand
                weight_load,load,,0.3,hand
                clock_gate,open,,0.2,hand
                clock_gate,closed,,0.05,hand
                register,gated_clock,,0.12,hand
                adder,add,width=16,0.25,hand
                adder,add,width=20,0.3,hand
                """));
        // 60 MACs on 16-bit and 40 on 20-bit adders, 400 gated flop-edges, gates open 30 and closed 70 cycles
        ArrayEnergy.Breakdown b = ArrayEnergy.of(ActionCounts.builder().add(PeActions.adderAdd(16), 60)
                .add(PeActions.adderAdd(20), 40).add(PeActions.REGISTER_BIT_TOGGLE, 50)
                .add(PeActions.REGISTER_GATED_CLOCK, 400).add(PeActions.CLOCK_GATE_OPEN, 30)
                .add(PeActions.CLOCK_GATE_CLOSED, 70).add(PeActions.WEIGHT_LOAD, 10).build(), t, 300);
        // 300 + 60*0.25 + 40*0.3 + 50*0.02 + 400*0.12 + (30*0.2 + 70*0.05) + 10*0.3 = 300 + 15 + 12 + 1 + 48 + 9.5 + 3
        assertEquals(388.5, b.totalPj(), 1e-9);
        assertEquals(9.5, b.pj(PeActions.CLOCK_GATE_OPEN) + b.pj(PeActions.CLOCK_GATE_CLOSED), 1e-9);
        assertEquals(0, b.pj(PeActions.REGISTER_CLOCK), "no flip-flop clocked every cycle");
        MaxdnnException e = assertThrows(MaxdnnException.class, () -> ArrayEnergy.of(ActionCounts.builder()
                .add(PeActions.adderAdd(24), 1).build(), t, 0));
        assertTrue(e.getMessage().contains("adder,add(width=24)"), e.getMessage());
    }

    @Test
    void aMissingActionIsNamed() throws Exception {
        ActionEnergyTable t = ActionEnergyTable.read(write("component,action,pj,estimator\nregister,clock,0.1,x\n"));
        MaxdnnException e = assertThrows(MaxdnnException.class,
                () -> ArrayEnergy.of(ActionCounts.builder().add(PeActions.REGISTER_CLOCK, 1).add(PeActions.ADDER_ADD, 1)
                        .build(), t, 1));
        assertTrue(e.getMessage().contains("adder,add") && e.getMessage().contains("actions.csv"), e.getMessage());
    }

    /**
     * A new action is a new key and a new row: a memory read by width, priced by its own entry
     * beside the PE's; the sum takes whatever is counted, and the table keeps its arguments.
     */
    @Test
    void anActionWithArgumentsIsOneMoreKeyAndRow() throws Exception {
        ActionEnergyTable t = ActionEnergyTable.read(write("""
                component,action,arguments,pj,estimator
                adder,add,,0.5,hand
                weight_buffer,read,width=64,2.5,hand
                weight_buffer,read,width=128,4,hand
                """));
        Action read64 = Action.of("weight_buffer", "read").with("width", "64");
        ArrayEnergy.Breakdown b = ArrayEnergy.of(ActionCounts.builder().add(PeActions.ADDER_ADD, 10).add(read64, 4)
                .add(read64, 2).build(), t, 100);
        // 100 + 10*0.5 + (4+2)*2.5
        assertEquals(120, b.totalPj(), 1e-12);
        assertEquals(15, b.pj(read64), 1e-12);
        Path again = dir.resolve("again.csv");
        t.write(again);
        assertEquals(t.entries(), ActionEnergyTable.read(again).entries());
        MaxdnnException e = assertThrows(MaxdnnException.class, () -> ArrayEnergy.of(ActionCounts.builder()
                .add(Action.of("weight_buffer", "read").with("width", "32"), 1).build(), t, 0));
        assertTrue(e.getMessage().contains("weight_buffer,read(width=32)"), e.getMessage());
    }

    @Test
    void aBadLineIsNamed() throws Exception {
        MaxdnnException e = assertThrows(MaxdnnException.class,
                () -> ActionEnergyTable.read(write("component,action,pj,estimator\nadder,add,lots\n")));
        assertEquals(MaxdnnException.BAD_INPUT, e.exitCode());
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }
}
