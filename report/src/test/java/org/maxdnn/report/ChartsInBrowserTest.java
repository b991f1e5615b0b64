package org.maxdnn.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.maxdnn.testing.BrowserSession;
import org.maxdnn.testing.ReportPage;
import org.maxdnn.testing.RequiresTools;

/**
 * The page's charts in a real browser (Debian's chromium, headless), on a report of fixture tables:
 * it loads offline with no console error and no request beyond itself, the explorer plots a point per
 * table row, hovering shows that row's cells, clicking shows its map with every configuration in the
 * legend, the view buttons change the plotted values, and the bars have a group per category.
 */
@RequiresTools({"chromium", "chromedriver"})
class ChartsInBrowserTest {
    @TempDir
    static Path dir;
    @RegisterExtension
    static final BrowserSession session = new BrowserSession();
    private static ReportPage page;

    static final List<String> CONFIGS = List.of("exact", "roup-p1r2", "roup-p2r0", "alwann:mul8u_2P7");

    static Table front(String approach, double... rows) {
        Table.Builder t = Table.builder(approach + "/pareto", "", Column.number("point", "point", "", "%d"),
                Column.number("saving_pct", "saving", "%", "%.1f").csv("%.3f"),
                Column.number("validation_loss_pts", "validation loss", "pts", "%.2f"),
                Column.number("validation_loss_low_pts", "loss 95% interval low", "pts", "%.2f"),
                Column.number("validation_loss_high_pts", "high", "pts", "%.2f"),
                Column.number("validation_p_value", "p vs exact", "", "%.3g"),
                Column.number("search_loss_pts", "search loss", "pts", "%.2f"),
                Column.number("search_loss_upper95_pts", "one-sided 95% upper bound", "pts", "%.2f"),
                Column.number("agreement_pct", "agreement", "%", "%.1f"), Column.text("map", "map"));
        for (int i = 0; i < rows.length; i++) {
            double saving = rows[i];
            double loss = saving / 20;
            t.row(i, saving, loss + 0.5, loss - 0.5, loss + 1.5, 0.01 * (i + 1), loss, loss + 0.8, 99.0 - i,
                    String.format("maps/p%02d.json", i));
        }
        return t.build();
    }

    @BeforeAll
    static void writeAndOpen() {
        Table layer = front("layer", 0, 20, 40, 60);
        Table alwann = front("alwann", 0, 30, 55);
        // point p: filters of conv0 (2) and conv1 (3); conv1's kernels mix configurations from point 1 on
        Map<String, List<ParetoChart.MapCells>> maps = new LinkedHashMap<>();
        maps.put("layer", List.of(cells(0, 0), cells(1, 2), cells(1, 2), cells(2, 1)));
        maps.put("alwann", List.of(cells(0, 0), cells(3, 3), cells(3, 0)));
        ParetoChart explorer = new ParetoChart("saving_pct", "multiplier energy saving (%)",
                List.of(new ParetoChart.View("validation", "validation loss (pts)", "validation_loss_pts",
                                "validation_loss_low_pts", "validation_loss_high_pts"),
                        new ParetoChart.View("search", "search loss (pts)", "search_loss_pts", null, "search_loss_upper95_pts")),
                List.of(new ParetoChart.Front("layer", layer.id(), "layer", false),
                        new ParetoChart.Front("alwann", alwann.id(), "alwann", true)),
                List.of("saving_pct", "validation_loss_pts", "validation_loss_low_pts", "validation_loss_high_pts",
                        "validation_p_value", "search_loss_pts", "agreement_pct"),
                List.of(new ParetoChart.Mark("chosen", "layer", 2), new ParetoChart.Mark("ALWANN's", "alwann", 1)), 2.0,
                40.0, new ParetoChart.Maps(CONFIGS, List.of("conv0", "conv1"), maps));
        Table energy = Table.builder("array-energy", "per image", Column.text("map", "map"),
                        Column.number("multipliers_uj", "multipliers", "uJ", "%.3f"),
                        Column.number("adder_add_uj", "adder add", "uJ", "%.3f"),
                        Column.number("pe_register_clock_uj", "pe register clock", "uJ", "%.3f"))
                .row("exact", 3.0, 1.0, 2.0).row("chosen", 1.5, 1.0, 2.0).build();
        Table summary = Table.builder("summary", "", Column.text("network", "network"), Column.text("approach", "approach"),
                        Column.text("compensated", "compensated"),
                        Column.number("best_saving_pct_within_2_pts", "≤ 2 pts", "%", "%.1f"))
                .row("resnet8", "layer", "no", 40.0).row("resnet8", "alwann", "no", 30.0)
                .row("kws", "layer", "no", 50.0).row("kws", "alwann", "no", 20.0).build();
        Report report = new Report("fixture", List.of(
                Section.builder("Explorer").chart(explorer.block("Pareto fronts", List.of(layer, alwann))).build(),
                Section.builder("Fronts").table(layer).table(alwann).build(),
                Section.builder("Energy").table(energy).chart(BarChart.of("energy per inference", energy, "map",
                        List.of("multipliers_uj", "adder_add_uj", "pe_register_clock_uj"), true, "uJ")).build(),
                Section.builder("Networks").table(summary).chart(BarChart.pivot("best saving within 2 pts", summary,
                        "network", List.of("approach", "compensated"), "best_saving_pct_within_2_pts", "%")).build()));
        report.write(dir.resolve("report.html"));
        page = session.open(dir.resolve("report.html"));
    }

    /** conv0's two filters on {@code a}, conv1's three filters on {@code b}, with mixed kernels when a ≠ b. */
    static ParetoChart.MapCells cells(int a, int b) {
        List<List<Integer>> filters = List.of(List.of(a, a), List.of(b, b, b));
        Map<String, List<List<Integer>>> kernels = a == b ? Map.of()
                : Map.of("conv1", List.of(List.of(b, a), List.of(b, b), List.of(b, a)));
        return new ParetoChart.MapCells(a == b ? List.of(a) : List.of(a, b), filters, kernels, List.of());
    }

    @Test
    void thePageLoadsOfflineWithNoErrorAndNoRequest() {
        page.assertSelfContained();
    }

    /** The check itself: a page that loads an image from a (loopback) server fails it. */
    @Test
    void aPageThatRequestsSomethingFailsTheCheck() throws Exception {
        Path other = dir.resolve("requests.html");
        Files.writeString(other, "<!DOCTYPE html><html><body><img src=\"http://127.0.0.1:9/x.png\"></body></html>");
        try {
            assertThrows(AssertionError.class, session.open(other)::assertSelfContained);
        } finally {
            page = session.open(dir.resolve("report.html"));
        }
    }

    @Test
    void theExplorerPlotsEveryRowWithItsWhiskerAndMarks() throws Exception {
        int chart = page.charts("pareto").get(0);
        Map<String, List<List<Number>>> points = page.points(chart);
        for (String a : List.of("layer", "alwann")) {
            long rows = Files.readAllLines(dir.resolve(a + "/pareto.csv")).size() - 1;
            assertEquals(rows, points.get(a).size(), a);
            assertEquals(rows, page.whiskers(chart).get(a).size(), a);
        }
        assertEquals(List.of(60.0, 3.5), points.get("layer").get(3).stream().map(Number::doubleValue).toList());
        assertEquals(List.of(60.0, 2.5, 4.5), page.whiskers(chart).get("layer").get(3).stream()
                .map(Number::doubleValue).toList());
        assertEquals(List.of("chosen", "ALWANN's"), page.marks(chart));
    }

    @Test
    void hoveringAPointShowsItsFiguresAndClickingShowsItsMap() {
        int chart = page.charts("pareto").get(0);
        int row = page.isolatedPoint(chart, "layer");
        assertTrue(row > 0, "an isolated point of an approximate map");
        String tip = page.hover(chart, "layer", row);
        Table layer = front("layer", 0, 20, 40, 60);
        for (int c : new int[] {1, 2, 3, 4, 5, 8}) {
            assertTrue(tip.contains(layer.shown(row, c)), tip + " lacks " + layer.columns().get(c).id());
        }
        double saving = (double) layer.rows().get(row).get(1);
        assertTrue(tip.contains(String.format("%.1f%%", saving * 0.4)), tip + " lacks the whole-array saving");
        List<String> legend = page.click(chart, "layer", row);
        assertEquals(row == 3 ? List.of("roup-p2r0", "roup-p1r2") : List.of("roup-p1r2", "roup-p2r0"), legend);
        assertTrue(page.mapLink(chart).endsWith("layer/maps/p0" + row + ".json"), page.mapLink(chart));
        assertEquals(List.of("conv1"), page.kernelLayers(chart));
        assertEquals(6, page.showKernels(chart, "conv1"));
        assertEquals(5, page.showKernels(chart, ""));
    }

    @Test
    void theViewButtonsChangeThePlottedValues() {
        int chart = page.charts("pareto").get(0);
        List<List<Number>> validation = page.points(chart).get("layer");
        page.view(chart, "search");
        List<List<Number>> search = page.points(chart).get("layer");
        assertNotEquals(validation, search);
        assertEquals(3.0, search.get(3).get(1).doubleValue(), 1e-12);
        assertEquals(List.of(60.0, 3.0, 3.8), page.whiskers(chart).get("layer").get(3).stream()
                .map(Number::doubleValue).toList());
        page.view(chart, "validation");
        assertEquals(validation, page.points(chart).get("layer"));
    }

    @Test
    void barChartsHaveAGroupPerCategory() {
        List<Integer> bars = page.charts("bars");
        assertEquals(Map.of("categories", List.of("exact", "chosen"), "series",
                List.of("multipliers (uJ)", "adder add (uJ)", "pe register clock (uJ)")), page.bars(bars.get(0)));
        assertEquals(Map.of("categories", List.of("resnet8", "kws"), "series", List.of("layer / no", "alwann / no")),
                page.bars(bars.get(1)));
    }

    @Test
    void aTableSortsByAClickedHeadingAndTheContentsLinkEverySection() {
        assertEquals(List.of("explorer", "fronts", "energy", "networks"), page.contents());
        assertEquals(List.of("0.0%", "20.0%", "40.0%", "60.0%"), page.sortBy(0, 1));
        assertEquals(List.of("60.0%", "40.0%", "20.0%", "0.0%"), page.sortBy(0, 1));
        assertEquals(List.of("kws", "kws", "resnet8", "resnet8"), page.sortBy(3, 0), "text alphabetically");
        assertEquals(List.of("20.0%", "30.0%", "40.0%", "50.0%"), page.sortBy(3, 3));
    }

    @Test
    void aScreenshotIsWritten() throws Exception {
        Path png = dir.resolve("report.png");
        session.browser().screenshot(png);
        byte[] head = Files.readAllBytes(png);
        assertTrue(head.length > 10_000 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G');
    }
}
