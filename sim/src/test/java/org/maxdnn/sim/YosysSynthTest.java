package org.maxdnn.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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

    @Test
    void statGivesTheModulesCellsAndArea() {
        String stat = """
                === mac8_xor ===
                   Number of cells:                  8
                === mac8 ===
                   Number of wires:                 40
                   Number of cells:                312
                     AND2X2                          7
                   Chip area for module '\\mac8': 11424.000000
                """;
        assertEquals(new YosysSynth.ModuleSize(312, 11424.0), YosysSynth.parseStat(stat, "mac8"));
        assertEquals(8, YosysSynth.parseStat(stat, "mac8_xor").cells());
        assertTrue(Double.isNaN(YosysSynth.parseStat(stat, "mac8_xor").area()));
        MaxdnnException e = assertThrows(MaxdnnException.class, () -> YosysSynth.parseStat(stat, "mul8"));
        assertEquals(MaxdnnException.BAD_INPUT, e.exitCode());
    }

    /** Counting maps a design exactly as {@link YosysSynth#synthesize} does, and flattens its hierarchy. */
    @RequiresTools({"yosys"})
    @Test
    void cellCountsOnALibertyEqualTheSynthesisedNetlist(@TempDir Path dir) throws Exception {
        Path both = dir.resolve("both.v");
        Files.writeString(both, Files.readString(TestDesigns.resource("mul8.v")) + Files.readString(TestDesigns.resource("mac8.v")));
        Map<String, YosysSynth.ModuleSize> mapped = YosysSynth.cellCounts(both, List.of("mul8", "mac8"), TestDesigns.OSU018,
                dir.resolve("mapped"), 300);
        YosysSynth.Result mul8 = TestDesigns.synth("mul8", TestDesigns.OSU018);
        YosysSynth.Result mac8 = TestDesigns.synth("mac8", TestDesigns.OSU018);
        assertEquals(mul8.netlist().cells().size(), mapped.get("mul8").cells());
        assertEquals(mul8.area(), mapped.get("mul8").area(), 1e-9);
        assertEquals(mac8.netlist().cells().size(), mapped.get("mac8").cells());
        Map<String, YosysSynth.ModuleSize> generic = YosysSynth.cellCounts(both, List.of("mul8", "mac8"), null,
                dir.resolve("generic"), 300);
        assertTrue(Double.isNaN(generic.get("mul8").area()));
        // flattened: the xor submodule's gates are counted, not one instance of it
        assertTrue(generic.get("mac8").cells() > generic.get("mul8").cells() + 8, generic.toString());
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
