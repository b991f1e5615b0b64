package org.maxdnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The option types: what each accepts, and for everything else what it must be and why not. */
class OptionTypesTest {
    @TempDir
    Path tmp;

    @Test
    void wholeNumbersInRange() throws Exception {
        var rows = OptionTypes.wholeNumber(1, 256);
        assertEquals(1, rows.apply("1"));
        assertEquals(256, rows.apply(" 256 "));
        for (String[] bad : new String[][] {{"0", "too small"}, {"257", "too large"}, {"x", "not a whole number"},
                {"1.5", "not a whole number"}, {"", "not a whole number"}, {"99999999999", "too large"},
                {"99999999999999999999", "not a whole number: too large"}, {"-3", "too small"}}) {
            OptionTypes.BadValue e = assertThrows(OptionTypes.BadValue.class, () -> rows.apply(bad[0]), bad[0]);
            assertEquals("a whole number from 1 to 256", e.must);
            assertEquals(bad[1], e.detail, bad[0]);
        }
    }

    @Test
    void finiteNumbersInRange() throws Exception {
        var mhz = OptionTypes.number(0.001, 100000, "MHz");
        assertEquals(200.0, mhz.apply("200"));
        assertEquals(0.001, mhz.apply("1e-3"));
        for (String bad : List.of("0", "1e300", "Infinity", "-Infinity", "NaN", "x", "", "1e-300", "-5")) {
            OptionTypes.BadValue e = assertThrows(OptionTypes.BadValue.class, () -> mhz.apply(bad), bad);
            assertEquals("a number from 0.001 to 100000 MHz", e.must);
        }
    }

    @Test
    void choicesAndListsWithoutDuplicates() throws Exception {
        assertEquals("fixed", OptionTypes.oneOf(List.of("fixed", "configurable")).apply("fixed"));
        assertEquals("fixed or configurable", assertThrows(OptionTypes.BadValue.class,
                () -> OptionTypes.oneOf(List.of("fixed", "configurable")).apply("Fixed")).must);
        var levels = OptionTypes.listOf(List.of("layer", "filter", "kernel"));
        assertEquals(List.of("kernel", "layer"), levels.apply("kernel, layer"));
        assertEquals("'layer' twice", assertThrows(OptionTypes.BadValue.class, () -> levels.apply("layer,layer")).detail);
        assertEquals("an empty name", assertThrows(OptionTypes.BadValue.class, () -> levels.apply("layer,")).detail);
        assertEquals("'x' is not one of them", assertThrows(OptionTypes.BadValue.class, () -> levels.apply("x")).detail);
        assertEquals("local[N] takes N from 1 to 1024 threads, or local[*]", assertThrows(OptionTypes.BadValue.class,
                () -> OptionTypes.sparkMaster().apply("local[0]")).detail);
    }

    @Test
    void pathsOfTheirKind() throws Exception {
        Path file = Files.writeString(tmp.resolve("f.json"), "{}");
        assertEquals(OptionTypes.Role.INPUT_FILE, OptionTypes.inputFile().apply(file.toString()).role());
        assertEquals("is a folder, not a file", assertThrows(OptionTypes.BadPath.class,
                () -> OptionTypes.inputFile().apply(tmp.toString())).getMessage());
        assertEquals("not found", assertThrows(OptionTypes.BadPath.class,
                () -> OptionTypes.inputFile().apply(tmp.resolve("no").toString())).getMessage());
        assertEquals("is a file, not a folder", assertThrows(OptionTypes.BadPath.class,
                () -> OptionTypes.inputFolder().apply(file.toString())).getMessage());
        assertEquals("is a file, not a folder", assertThrows(OptionTypes.BadPath.class,
                () -> OptionTypes.outputFolder().apply(file.toString())).getMessage());
        assertEquals("is a folder; give a file name", assertThrows(OptionTypes.BadPath.class,
                () -> OptionTypes.outputFile().apply(tmp.toString())).getMessage());
        assertEquals(file + " is a file, not a folder", assertThrows(OptionTypes.BadPath.class,
                () -> OptionTypes.outputFile().apply(file.resolve("x.csv").toString())).getMessage());
        assertEquals(OptionTypes.Role.OUTPUT_FILE, OptionTypes.outputFile().apply(tmp.resolve("new/x.csv").toString()).role());
        assertTrue(assertThrows(OptionTypes.BadPath.class, () -> OptionTypes.inputFile().apply("a\u0000b"))
                .getMessage().startsWith("not a valid path"));
    }
}
