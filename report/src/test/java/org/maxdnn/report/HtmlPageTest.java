package org.maxdnn.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlPageTest {
    @Test
    void escapesTextAndBuildsTablesAndFigures() {
        Table t = Table.builder("t", "", Column.text("approach", "approach"),
                Column.number("saving_pct", "saving", "%", "%.1f")).row("<script>", 41.2).build();
        String html = HtmlPage.of(new Report("a <b> & c", List.of(Section.builder("").table(t)
                .figure("tradeoff", "loss vs saving").build())));
        assertTrue(html.contains("<title>a &lt;b&gt; &amp; c</title>"));
        assertFalse(html.contains("<script>"));
        assertTrue(html.contains("<td class=\"num\">41.2%</td>"));
        assertTrue(html.contains("href=\"tradeoff.svg\"") && html.contains("src=\"tradeoff.png\""));
    }

    @Test
    void aPageWithAChartCarriesItsTablesEChartsAndScriptInline() {
        Table t = Table.builder("energy", "", Column.text("map", "map</script>"),
                Column.number("uj", "energy", "uJ", "%.3f")).row("exact", 1.5).row("chosen", Double.NaN).build();
        String plain = HtmlPage.of(new Report("r", List.of(Section.builder("").table(t).build())));
        assertFalse(plain.contains("<script"), "a page without charts has no script");
        String html = HtmlPage.of(new Report("r", List.of(Section.builder("").table(t)
                .chart(BarChart.of("bars", t, "map", List.of("uj"), false, "uJ")).build())));
        assertTrue(html.contains("\"rows\":[[\"exact\",1.5],[\"chosen\",null]]"), "values, NaN as null");
        assertTrue(html.contains("\"shown\":[[\"exact\",\"1.500\"],[\"chosen\",\"n/a\"]]"), "cells as readers see them");
        assertTrue(html.contains("\"label\":\"map\\u003c/script>\""), "no '<' inside the data script");
        assertTrue(html.contains("Apache Software Foundation") && html.contains("window.maxdnnCharts"), "ECharts and charts.js inline");
        assertFalse(html.contains("<script src") || html.contains("<link"), "nothing loaded from elsewhere");
        assertTrue(html.contains("default-src 'none'"), "and the page may load nothing");
    }

    @Test
    void twoTablesOfOneNameInOnePageAreRefused() {
        Table a = Table.builder("t", "", Column.number("x", "x", "", "%d")).row(1).build();
        Table b = Table.builder("t", "", Column.number("x", "x", "", "%d")).row(2).build();
        assertThrows(IllegalArgumentException.class, () -> HtmlPage.of(new Report("r", List.of(Section.builder("")
                .chart(BarChart.of("a", a, "x", List.of("x"), false, "")).chart(BarChart.of("b", b, "x", List.of("x"),
                        false, "")).build()))));
    }

    @Test
    void raggedRowsAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> Table.builder("t", "", Column.text("a", "a"), Column.text("b", "b")).row("1").build());
    }
}
