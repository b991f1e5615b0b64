package org.maxdnn.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One table value, each rendering written out by hand. */
class TableTest {
    @TempDir
    Path dir;

    static final Table ENERGY = Table.builder("energy-per-layer", "per image",
                    Column.text("layer", "layer"),
                    Column.number("macs", "MACs", "", "%d"),
                    Column.number("energy_uj", "energy", "uJ", "%.3f").csv("%.5f"),
                    Column.number("saving_pct", "saving", "%", "%.1f"))
            .row("conv0", 442368L, 1.23456, 12.34)
            .row("fc, \"dense\"", 640L, Double.NaN, null)
            .build();

    @Test
    void alignedTextPadsTextLeftAndNumbersRight() {
        assertEquals(List.of(
                "per image:",
                "layer           MACs  energy (uJ)  saving",
                "conv0        442,368        1.235   12.3%",
                "fc, \"dense\"      640          n/a"), AlignedText.lines(ENERGY));
    }

    @Test
    void csvHasTheIdsPlainNumbersMoreDigitsAndQuotes() {
        assertEquals("layer,macs,energy_uj,saving_pct\n"
                + "conv0,442368,1.23456,12.3\n"
                + "\"fc, \"\"dense\"\"\",640,,\n", Csv.of(ENERGY));
    }

    @Test
    void markdownRightAlignsNumbersAndEscapesPipes() {
        Table t = Table.builder("t", "", Column.text("a", "a|b"), Column.number("n", "n", "x", "%.2f")).row("p", 1.5).build();
        assertEquals(List.of("| a\\|b | n |", "| --- | ---: |", "| p | 1.50x |"), Markdown.lines(t));
    }

    @Test
    void aReportWritesItsPageAndOneCsvPerTableAndSkipsEmptySections() throws Exception {
        Table front = Table.builder("layer/pareto", "", Column.number("point", "point", "", "%d")).row(0).build();
        Report r = Report.of("run", "result", List.<ReportSection<String>>of(
                s -> Section.builder("Energy").paragraph("of " + s).table(ENERGY).build(),
                s -> Section.NONE,
                s -> Section.builder("Fronts").table(front).link("layer/pareto.csv", "the front").build()));
        assertEquals(List.of("Energy", "Fronts"), r.sections().stream().map(Section::heading).toList());
        List<Path> csv = r.write(dir.resolve("report.html"));
        assertEquals(List.of(dir.resolve("energy-per-layer.csv"), dir.resolve("layer/pareto.csv")), csv);
        assertEquals("point\n0\n", Files.readString(dir.resolve("layer/pareto.csv")));
        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.contains("<h2>Energy</h2></section>\n<p>of result</p>\n<table>\n<caption>per image</caption>"), html);
        assertTrue(html.contains("<th>energy (uJ)</th>") && html.contains("<td class=\"num\">442,368</td>")
                && html.contains("<td>fc, &quot;dense&quot;</td>"), html);
        List<String> text = AlignedText.lines(r);
        assertEquals("-- Energy", text.get(0));
        assertEquals("of result", text.get(1));
        assertEquals("the front: layer/pareto.csv", text.get(text.size() - 1));
    }

    @Test
    void badIdsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Table.builder("../x", "").build());
        assertThrows(IllegalArgumentException.class, () -> Column.text("Saving %", "saving"));
    }
}
