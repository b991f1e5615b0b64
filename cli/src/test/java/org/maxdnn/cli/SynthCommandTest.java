package org.maxdnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maxdnn.sim.Liberty;
import org.maxdnn.testing.RequiresTools;

/** {@code maxdnn synth} as a user runs it: generic gates, a liberty, the PE, and errors. */
@RequiresTools({"yosys"})
class SynthCommandTest {
    /** The energy flow's characterisation on osu018, reviewed (written by {@code make golden}). */
    static final Path CHARACTERISATION = Path.of("../flow/src/test/resources/golden/osu018_characterisation.csv");

    @TempDir
    Path tmp;

    /** On a liberty, a multiplier maps to exactly the cells the energy flow simulates. */
    @Test
    void aMultiplierOnALibertyHasTheEnergyFlowsCells() throws Exception {
        MainTest.Outcome o = MainTest.run("synth", "--target", "roup-p1r2", "--liberty", Liberty.OSU018.toString(),
                "--out", tmp.toString());
        assertEquals(0, o.code(), o.err());
        List<String> csv = Files.readAllLines(tmp.resolve("cells.csv"));
        assertEquals("name,family,P,R,cells,area", csv.get(0));
        assertEquals(2, csv.size());
        String[] row = csv.get(1).split(",");
        String[] golden = Files.readAllLines(CHARACTERISATION).stream().filter(l -> l.startsWith("roup-p1r2,"))
                .findFirst().orElseThrow().split(",");
        assertEquals(List.of("roup-p1r2", "roup", "1", "2"), List.of(row).subList(0, 4));
        assertEquals(golden[4], row[4], "cells");
        assertEquals(golden[5], row[5], "area");
        assertTrue(o.out().contains("osu018_stdcells.lib cells"), o.out());

        o = MainTest.run("synth", "--target", "roup-p1r2", "--out", tmp.resolve("generic").toString());
        assertEquals(0, o.code(), o.err());
        assertEquals("name,family,P,R,cells", Files.readAllLines(tmp.resolve("generic/cells.csv")).get(0));
        assertTrue(o.out().contains("generic gates"), o.out());
    }

    @Test
    void thePeIsCountedFlat() throws Exception {
        MainTest.Outcome o = MainTest.run("synth", "--target", "pe", "--out", tmp.toString());
        assertEquals(0, o.code(), o.err());
        List<String> csv = Files.readAllLines(tmp.resolve("cells.csv"));
        assertEquals("target,rows,cols,cells", csv.get(0));
        String[] row = csv.get(1).split(",");
        assertEquals(List.of("pe", "1", "1"), List.of(row).subList(0, 3));
        // the PE's gates, not its submodule instances: its configurable multiplier alone has hundreds
        assertTrue(Integer.parseInt(row[3]) > 300, csv.get(1));
    }

    @Test
    void badRequestsAreClearErrors() {
        MainTest.Outcome o = MainTest.run("synth", "--target", "roup-p5r1", "--out", tmp.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("roup-p5r1"), o.err());
        o = MainTest.run("synth", "--target", "roup-p1r2", "--liberty", tmp.resolve("none.lib").toString(),
                "--out", tmp.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("none.lib"), o.err());
    }
}
