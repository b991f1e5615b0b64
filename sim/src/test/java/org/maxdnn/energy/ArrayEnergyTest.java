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
        ArrayEnergy.Breakdown b = ArrayEnergy.of(new ArrayEnergy.ActionCounts(100, 50, 1000, 10), t, 300);
        // 300 + 100*0.5 + 50*0.02 + 1000*0.1 + 10*0.3 = 300 + 50 + 1 + 100 + 3
        assertEquals(454, b.totalPj(), 1e-9);
        assertEquals(300.0 / 454, b.multiplierShare(), 1e-12);
        Path again = dir.resolve("again.csv");
        t.write(again);
        assertEquals(t.entries(), ActionEnergyTable.read(again).entries());
    }

    @Test
    void aMissingActionIsNamed() throws Exception {
        ActionEnergyTable t = ActionEnergyTable.read(write("component,action,pj,estimator\nregister,clock,0.1,x\n"));
        MaxdnnException e = assertThrows(MaxdnnException.class,
                () -> ArrayEnergy.of(new ArrayEnergy.ActionCounts(1, 1, 1, 1), t, 1));
        assertTrue(e.getMessage().contains("adder,add") && e.getMessage().contains("actions.csv"), e.getMessage());
    }

    @Test
    void aBadLineIsNamed() throws Exception {
        MaxdnnException e = assertThrows(MaxdnnException.class,
                () -> ActionEnergyTable.read(write("component,action,pj,estimator\nadder,add,lots\n")));
        assertEquals(MaxdnnException.BAD_INPUT, e.exitCode());
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }
}
