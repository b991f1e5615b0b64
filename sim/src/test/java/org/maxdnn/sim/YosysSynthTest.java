package org.maxdnn.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maxdnn.MaxdnnException;
import org.maxdnn.mult.MultiplierRegistry;
import org.maxdnn.testing.RequiresTools;

class YosysSynthTest {
    @Test
    void scriptFlattensMapsAndWritesBothNetlists() {
        String s = YosysSynth.script(List.of(Path.of("/x/m.v")), "m", Path.of("/l/c.lib"));
        assertEquals("""
                read_verilog -sv "/x/m.v"
                synth -flatten -top m
                dfflibmap -liberty "/l/c.lib"
                abc -liberty "/l/c.lib"
                opt_clean
                rename -enumerate
                write_json netlist.json
                write_verilog -noattr -simple-lhs netlist.v
                stat -liberty "/l/c.lib"
                """, s);
    }

    @RequiresTools({"yosys"})
    @Test
    void netlistPortsCellsAndAreaOnBothLibraries() {
        for (Path lib : List.of(TestDesigns.OSU018, TestDesigns.sky130())) {
            YosysSynth.Result r = TestDesigns.synth("mul8", lib);
            Netlist n = r.netlist();
            assertEquals("mul8", n.module());
            assertEquals(8, n.port("a").width());
            assertEquals(8, n.port("b").width());
            assertEquals(16, n.port("p").width());
            assertTrue(n.port("p").signed() && n.port("p").isOutput());
            assertTrue(r.area() > 0);
            Liberty l = TestDesigns.liberty(lib);
            for (Netlist.Cell c : n.cells()) {
                assertTrue(l.cells().containsKey(c.type()), c.type());
            }
            assertTrue(Files.isRegularFile(r.verilog()));
            // cell names in the JSON are the instance names in the Verilog (OpenSTA needs both to agree)
            String v = read(r.verilog());
            assertTrue(v.contains(" " + n.cells().get(0).name() + " ("), n.cells().get(0).name());
        }
    }

    @RequiresTools({"yosys"})
    @Test
    void synthesisedExactMultiplierMatchesTheJavaModel(@TempDir Path dir) {
        GateLevelEnergy g = GateLevelEnergy.synthesize(TestDesigns.resource("mul8.v"), "mul8", TestDesigns.OSU018,
                dir, EnergyModel.Options.DEFAULT);
        assertEquals(0, g.mismatches(new MultiplierRegistry(null).get("exact")));
        // a ROUP configuration is not what this netlist computes
        assertTrue(g.mismatches(new MultiplierRegistry(null).get("roup-p1r2")) > 1000);
    }

    @RequiresTools({"yosys"})
    @Test
    void badInputsAreExitCodeTwo(@TempDir Path dir) {
        MaxdnnException e = assertThrows(MaxdnnException.class,
                () -> YosysSynth.synthesize(dir.resolve("none.v"), "m", TestDesigns.OSU018, dir));
        assertEquals(MaxdnnException.BAD_INPUT, e.exitCode());
        e = assertThrows(MaxdnnException.class,
                () -> YosysSynth.synthesize(TestDesigns.resource("mul8.v"), "nosuchtop", TestDesigns.OSU018, dir));
        assertEquals(MaxdnnException.BAD_INPUT, e.exitCode());
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
