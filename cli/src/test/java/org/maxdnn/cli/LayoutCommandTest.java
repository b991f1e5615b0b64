package org.maxdnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maxdnn.testing.RequiresTools;

/** {@code maxdnn layout}'s options and exit codes (the flow itself is tested in the layout module). */
class LayoutCommandTest {
    @TempDir
    Path tmp;

    @Test
    void helpNamesTheTargets() {
        MainTest.Outcome o = MainTest.run("layout", "--help");
        assertEquals(0, o.code());
        for (String s : List.of("--target", "lut:NAME", "pe:CONFIG", "--map", "--layer", "--rows", "--clock", "--json",
                "--requantiser-cycles", "--counter-bits", "--stage-limit", "--place-fast")) {
            assertTrue(o.out().contains(s), s + " missing from:\n" + o.out());
        }
    }

    @Test
    @RequiresTools({"qflow", "graywolf", "qrouter", "magic", "netgen-lvs", "yosys"})
    void badOptionsAreUsageErrors() {
        assertEquals(1, MainTest.run("layout", "--clock", "-2", "--out", tmp.toString()).code());
        assertEquals(1, MainTest.run("layout", "--clock", "fast", "--out", tmp.toString()).code());
        assertEquals(1, MainTest.run("layout", "--place-fast", "0", "--out", tmp.toString()).code());
        assertEquals(1, MainTest.run("layout", "--stage-limit", "0", "--out", tmp.toString()).code());
        assertEquals(1, MainTest.run("layout", "--target", "accelerator", "--requantiser-cycles", "3", "--out",
                tmp.toString()).code());
        // read only with an accelerator
        assertEquals(1, MainTest.run("layout", "--requantiser-cycles", "4", "--out", tmp.toString()).code());
        assertEquals(1, MainTest.run("layout", "--target", "accelerator", "--counter-bits", "33", "--out",
                tmp.toString()).code());
        assertEquals(1, MainTest.run("layout", "--counter-bits", "16", "--out", tmp.toString()).code());
    }

    @Test
    @RequiresTools({"qflow", "graywolf", "qrouter", "magic", "netgen-lvs", "yosys"})
    void targetsWithoutACircuitAreBadInput() {
        // no table, no circuit (an alwann: target with its table is its EvoApprox circuit, as in every other stage)
        MainTest.Outcome alwann = MainTest.run("layout", "--target", "alwann:mul8u_NONE", "--out", tmp.toString());
        assertEquals(2, alwann.code());
        assertTrue(alwann.err().contains("no circuit to lay out"), alwann.err());
    }

    /**
     * A PE whose multiplier is an EvoApprox circuit (black box, offset terms around it) lays out DRC and
     * LVS clean at qflow's own density, on the first placement (it took three, with metal1 spacing
     * errors at its gnd-tied pins, before synthesis flattened the design and qrouter knew the metal
     * minimum areas).
     */
    @Test
    @RequiresTools({"qflow", "graywolf", "qrouter", "magic", "netgen-lvs", "yosys"})
    void aPeWithAnEvoApproxCircuitLaysOut() {
        MainTest.Outcome pe = MainTest.run("layout", "--target", "pe:lut:mul8u_JV3", "--out", tmp.toString());
        assertEquals(0, pe.code(), pe.err());
        assertTrue(pe.out().lines().anyMatch(l -> l.startsWith("pe:lut:mul8u_JV3") && l.contains(" 0 clean: ")), pe.out());
        assertFalse(pe.out().contains("clean only when placed again"), pe.out());
        assertTrue(Files.isRegularFile(tmp.resolve("pe-lut-mul8u_JV3/qflow/log/route.log")), "qflow's logs kept");
    }

    /** Without the tools on PATH the command exits 4 and names every Debian package to install. */
    @Test
    void missingToolsExitFourNamingThePackages() throws IOException, InterruptedException {
        Path emptyPath = Files.createDirectory(tmp.resolve("bin"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "layout", "--target", "exact", "--no-energy", "--out", tmp.resolve("o").toString())
                .redirectErrorStream(true);
        pb.environment().put("PATH", emptyPath.toString());
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(4, p.waitFor(), output);
        for (String pkg : List.of("qflow", "graywolf", "qrouter", "magic", "netgen-lvs", "yosys")) {
            assertTrue(output.contains(pkg), pkg + " not named in: " + output);
        }
    }
}
