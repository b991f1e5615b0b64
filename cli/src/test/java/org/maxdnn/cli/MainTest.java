package org.maxdnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: exit codes, one-line errors, help, written files. */
class MainTest {
    @TempDir
    Path tmp;

    /** What one invocation printed and returned. */
    record Outcome(int code, String out, String err) {
    }

    static Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void everyCommandHasHelp() {
        Outcome overview = run("--help");
        assertEquals(0, overview.code());
        for (String c : List.of("multipliers", "model", "eval", "generate", "cosim", "synth", "energy", "explore", "run", "bench")) {
            assertTrue(overview.out().contains(c), c + " missing from the overview");
            Outcome help = run(c, "--help");
            assertEquals(0, help.code(), c);
            assertTrue(help.out().contains("maxdnn " + c), help.out());
        }
    }

    @Test
    void usageErrorsExitOne() {
        assertEquals(1, run().code());
        assertEquals(1, run("frobnicate").code());
        assertEquals(1, run("multipliers", "--no-such-option").code());
        assertEquals(1, run("multipliers", "stray").code());
    }

    @Test
    void csvHasExactPlusAll64RoupConfigs() throws IOException {
        Path csv = tmp.resolve("sub/metrics.csv");
        Outcome o = run("multipliers", "--csv", csv.toString());
        assertEquals(0, o.code(), o.err());
        List<String> lines = Files.readAllLines(csv);
        assertEquals("name,P,R,MED,NMED,MRED,EP,WCE,BIAS", lines.get(0));
        assertEquals(1 + 1 + 64, lines.size());
        assertTrue(lines.get(1).startsWith("exact,"));
        List<String> names = new ArrayList<>(List.of("exact"));
        for (String family : List.of("roup", "roupc")) {
            for (int p = 0; p <= 3; p++) {
                for (int r = 0; r <= 7; r++) {
                    names.add(family + "-p" + p + "r" + r);
                }
            }
        }
        assertEquals(names, lines.subList(1, lines.size()).stream().map(l -> l.split(",")[0]).toList());
        // roup-p0r1 by hand: odd activations round up by one, so the error is b on half the pairs:
        // MED = mean|b| / 2 = 32, EP = (1/2)(255/256), WCE = 128, BIAS = mean(b) / 2 = -1/4
        String[] p0r1 = lines.get(3).split(",");
        assertEquals(List.of("roup-p0r1", "0", "1"), List.of(p0r1).subList(0, 3));
        assertEquals(32.0, Double.parseDouble(p0r1[3]), 1e-9);
        assertEquals(32.0 / 16384, Double.parseDouble(p0r1[4]), 1e-9);
        assertEquals(0.5 * 255 / 256, Double.parseDouble(p0r1[6]), 1e-9);
        assertEquals(128, Integer.parseInt(p0r1[7]));
        assertEquals(-0.25, Double.parseDouble(p0r1[8]), 1e-9);
        try (var files = Files.list(csv.getParent())) {
            assertEquals(1, files.count(), "no temporary file left beside the CSV");
        }
    }

    @Test
    void lutDirAddsEveryTableWithBothDomains() {
        String dir = System.getenv("MAXDNN_ASSETS") + "/approx_mult/evoapprox_lut_8x8u";
        Path json = tmp.resolve("m.json");
        Outcome o = run("multipliers", "--lut-dir", dir, "--json", json.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("lut:mul8u_1JFF") && o.out().contains("unsigned"), o.out());
        JsonNode rows = readJson(json);
        assertEquals(1 + 64 + 36, rows.size());
        JsonNode last = rows.get(rows.size() - 1);
        assertEquals("lut:mul8u_ZFB", last.get("name").asText());
        assertEquals(292, last.get("unsigned").get("wce").asInt()); // EvoApprox: WCE 292
    }

    @Test
    void badMultiplierNamesExitTwoWithOneLineNamingTheValue() {
        for (String bad : List.of("roup-p4r1", "roup-p1r9", "wallace")) {
            Outcome o = run("multipliers", "--only", bad);
            assertEquals(2, o.code(), bad);
            assertOneLineNaming(o.err(), bad);
        }
    }

    @Test
    void badTablesExitTwoNamingTheFile() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("luts"));
        Path bad = dir.resolve("mul8u_bad.bin");
        Files.write(bad, new byte[131071]);
        Outcome o = run("multipliers", "--lut-dir", dir.toString());
        assertEquals(2, o.code());
        assertOneLineNaming(o.err(), bad.toString());

        o = run("multipliers", "--lut-dir", dir.toString(), "--only", "lut:mul8u_missing");
        assertEquals(2, o.code());
        assertOneLineNaming(o.err(), dir.resolve("mul8u_missing.bin").toString());

        o = run("multipliers", "--lut-dir", tmp.resolve("nowhere").toString());
        assertEquals(2, o.code());
        assertOneLineNaming(o.err(), "nowhere");
    }

    @Test
    void debugAddsTheStackTrace() {
        Outcome o = run("multipliers", "--only", "roup-p9r9", "--debug");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("at org.maxdnn"), o.err());
    }

    private static JsonNode readJson(Path f) {
        try {
            return new ObjectMapper().readTree(f.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertOneLineNaming(String err, String what) {
        assertTrue(err.contains(what), err);
        assertEquals(1, err.strip().lines().count(), "one line, no stack trace: " + err);
        assertFalse(err.contains("Exception"), err);
    }
}
