package org.maxdnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maxdnn.testing.RequiresTools;

/** {@code maxdnn cosim} as a user meets it: a pass, a mismatch (exit 3, report, VCD), a missing verilator (exit 4). */
class CosimCommandTest {
    @TempDir
    Path tmp;

    @RequiresTools({"verilator"})
    @Test
    void aPassingRunWritesItsReport() throws IOException {
        Path toggles = tmp.resolve("toggles.csv");
        MainTest.Outcome o = MainTest.run("cosim", "--rows", "4", "--cols", "4", "--limit", "1", "--toggles", toggles.toString(),
                "--out", tmp.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("0 mismatches: bit-exact"), o.out());
        assertTrue(o.out().contains("counters equal the golden model's count in every PE"), o.out());
        String report = Files.readString(tmp.resolve("cosim-report.txt"));
        assertTrue(report.contains("12,500,992 MACs") && report.contains("activity: psum"), report);
        List<String> csv = Files.readAllLines(toggles);
        assertEquals("row,col,component,toggles", csv.get(0));
        assertEquals(1 + 4 * 4 * 3, csv.size());
        assertFalse(Files.exists(tmp.resolve("first-mismatch.vcd")));
    }

    @RequiresTools({"verilator"})
    @Test
    void aMismatchExitsThreeLeavingTheReportAndTheWaveform() throws IOException {
        MainTest.Outcome o = MainTest.run("cosim", "--rows", "4", "--cols", "4", "--limit", "1", "--inject", "stuck-adder",
                "--vcd-on-mismatch", "--out", tmp.toString());
        assertEquals(3, o.code(), o.err());
        assertTrue(o.err().contains("layer conv0, tile (oc 0, k 0)") && o.err().contains("expected"), o.err());
        String report = Files.readString(tmp.resolve("cosim-report.txt"));
        assertTrue(report.contains("fault injected: stuck-adder") && report.contains("MISMATCHES"), report);
        assertTrue(report.contains("column -> channel"), report);
        String vcd = Files.readString(tmp.resolve("first-mismatch.vcd"));
        assertTrue(vcd.contains("$enddefinitions") && vcd.contains("outPsum_0"), "a real waveform of the array");
        try (var files = Files.list(tmp)) {
            assertEquals(List.of("cosim-report.txt", "first-mismatch.vcd"),
                    files.map(f -> f.getFileName().toString()).sorted().toList(), "nothing half-written left");
        }
    }

    @Test
    void aMissingVerilatorExitsFourNamingThePackage() throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "cosim", "--rows", "4", "--cols", "4", "--limit", "1", "--out", tmp.toString());
        pb.environment().put("PATH", tmp.toString()); // no verilator here
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(4, p.exitValue(), output);
        assertTrue(output.contains("verilator not found") && output.contains("apt-get install verilator"), output);
    }
}
