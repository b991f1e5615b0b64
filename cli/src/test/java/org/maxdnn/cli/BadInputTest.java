package org.maxdnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maxdnn.Assets;

/**
 * The bad-input campaign's defect classes through the command line (issue 19): exit codes, options
 * checked before any work, messages naming file, place and reason, nothing written on failure.
 */
class BadInputTest {
    @TempDir
    Path tmp;

    @Test
    void outOfRangeOptionsAreUsageErrorsEverywhere() {
        for (String rows : new String[] {"0", "1000", "-3", "x", "99999999999"}) {
            MainTest.Outcome o = MainTest.run("generate", "--rows", rows, "--out", tmp.resolve("g").toString());
            assertEquals(1, o.code(), rows + ": " + o.err());
            assertTrue(o.err().contains("--rows must be a whole number from 1 to 256, got '" + rows + "'"), o.err());
        }
        MainTest.Outcome limit = MainTest.run("eval", "--limit", "99999999999");
        assertEquals(1, limit.code());
        assertTrue(limit.err().contains("(not a whole number: too large)") || limit.err().contains("(too large)"),
                limit.err());
        assertEquals(1, MainTest.run("synth", "--target", "pe", "--cols", "0").code(), "validated though unused");
        assertFalse(Files.exists(tmp.resolve("g")));
    }

    @Test
    void givenFilesAndFoldersAreCheckedWhetherUsedOrNot() throws IOException {
        MainTest.Outcome o = MainTest.run("multipliers", "--only", "exact", "--lut-dir", tmp.resolve("nope").toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("--lut-dir " + tmp.resolve("nope") + ": no such folder"), o.err());
        Path file = Files.writeString(tmp.resolve("afile"), "x");
        o = MainTest.run("multipliers", "--only", "exact", "--lut-dir", file.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("is a file, not a folder"), o.err());

        Path out = tmp.resolve("rtl");
        o = MainTest.run("generate", "--map", tmp.resolve("missing.json").toString(), "--out", out.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("--map " + tmp.resolve("missing.json") + ": not found"), o.err());
        Path invalid = Files.writeString(tmp.resolve("invalid.json"), "{\"default\": \"roup-p1r2\"");
        o = MainTest.run("generate", "--map", invalid.toString(), "--out", out.toString());
        assertEquals(2, o.code(), "the configurable array does not need the map, but a given file is read: " + o.err());
        assertTrue(o.err().contains("map " + invalid + ": line 1"), o.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void optionsAreCheckedBeforeAnyOutputIsWritten() {
        Path out = tmp.resolve("rtl");
        MainTest.Outcome o = MainTest.run("generate", "--multipliers", "roup-p9r9", "--out", out.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("roup-p9r9"), o.err());
        assertFalse(Files.exists(out), "the array was written before the multiplier list was checked");
    }

    @Test
    void oneFileIsNotTwoOutputsNorAnInputAndAnOutput() throws IOException {
        Path x = tmp.resolve("x");
        MainTest.Outcome o = MainTest.run("eval", "--json", x.toString(), "--predictions", x.toString());
        assertEquals(1, o.code());
        assertTrue(o.err().contains("--json and --predictions name the same file"), o.err());
        Path map = Files.writeString(tmp.resolve("m.json"), "{\"default\": \"exact\"}");
        Files.createSymbolicLink(tmp.resolve("link.json"), map);
        o = MainTest.run("eval", "--map", map.toString(), "--json", tmp.resolve("link.json").toString());
        assertEquals(1, o.code());
        assertTrue(o.err().contains("an output would overwrite an input"), o.err());
        assertFalse(Files.exists(x));
    }

    @Test
    void mapErrorsNameThePlaceBeforeAnythingIsPrinted() throws IOException {
        Path map = Files.writeString(tmp.resolve("lut.json"),
                "{\"default\": \"exact\", \"layers\": {\"conv1\": {\"multiplier\": \"lut:nosuch\"}}}");
        MainTest.Outcome o = MainTest.run("eval", "--map", map.toString(), "--limit", "1");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("map " + map + ": layers.conv1.multiplier: multiplier table "), o.err());
        assertEquals("", o.out(), "the header was printed before the map was checked");

        Path add = Files.writeString(tmp.resolve("add.json"),
                "{\"layers\": {\"add3\": {\"multiplier\": \"roup-p1r2\"}}}");
        o = MainTest.run("eval", "--map", add.toString(), "--limit", "1");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("layers.add3: layer 'add3' of ") && o.err().contains("is not approximable"), o.err());

        Path dup = Files.writeString(tmp.resolve("dup.json"), "{\"layers\": {\"conv1\": {\"multiplier\": \"exact\"},"
                + "\n\"conv1\": {\"multiplier\": \"roup-p1r2\"}}}");
        o = MainTest.run("eval", "--map", dup.toString(), "--limit", "1");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("map " + dup + ": line 2, column 8 (at /layers/conv1): duplicate key 'conv1'"),
                o.err());
    }

    @Test
    void modelErrorsSayWhatAndWhere() throws IOException {
        MainTest.Outcome o = MainTest.run("model", "--model", tmp.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains(tmp + ": it is a folder") || o.err().contains("no such file"), o.err());

        byte[] model = Files.readAllBytes(Assets.fromEnvironment().model());
        Path truncated = tmp.resolve("t.tflite");
        Files.write(truncated, java.util.Arrays.copyOf(model, 50_000));
        o = MainTest.run("model", "--model", truncated.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("corrupt or truncated model " + truncated + " (50000 bytes): ")
                && o.err().contains("byte offset"), o.err());

        byte[] scale = model.clone();
        scale[91167] = (byte) 0x95; // the reproduction: a negative quantization scale
        Path bad = tmp.resolve("s.tflite");
        Files.write(bad, scale);
        o = MainTest.run("model", "--model", bad.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().matches("(?s).*model " + bad + ": tensor \\d+ \\(.*\\): quantization scale\\[\\d+\\] = .*"
                + " \\(must be positive and finite\\).*"), o.err());
    }

    @Test
    void outputsAreWrittenThroughSymlinksAndUnwritableOnesRefusedBeforeWork() throws IOException {
        Path real = tmp.resolve("real.csv");
        Files.writeString(real, "old");
        Path link = Files.createSymbolicLink(tmp.resolve("link.csv"), real);
        MainTest.Outcome o = MainTest.run("multipliers", "--only", "exact", "--csv", link.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(Files.isSymbolicLink(link));
        assertTrue(Files.readString(real).startsWith("name,P,R,"));

        Path blocked = real.resolve("sub/m.csv"); // a file where a folder should be
        o = MainTest.run("multipliers", "--only", "exact", "--csv", blocked.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("--csv " + blocked.getParent() + ": " + real + " is a file, not a folder"), o.err());
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(2, s.count(), "a temp file was left behind");
        }
    }
}
