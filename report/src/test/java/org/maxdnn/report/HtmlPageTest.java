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
    void raggedRowsAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> Table.builder("t", "", Column.text("a", "a"), Column.text("b", "b")).row("1").build());
    }
}
