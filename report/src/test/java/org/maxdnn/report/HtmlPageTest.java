package org.maxdnn.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlPageTest {
    @Test
    void escapesTextAndBuildsTablesAndFigures() {
        String html = new HtmlPage("a <b> & c")
                .table(List.of("approach", "saving"), List.of(List.of("<script>", "41.2%")))
                .figure("tradeoff", "loss vs saving")
                .html();
        assertTrue(html.contains("<title>a &lt;b&gt; &amp; c</title>"));
        assertFalse(html.contains("<script>"));
        assertTrue(html.contains("<td class=\"num\">41.2%</td>"));
        assertTrue(html.contains("href=\"tradeoff.svg\"") && html.contains("src=\"tradeoff.png\""));
    }

    @Test
    void raggedRowsAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new HtmlPage("t").table(List.of("a", "b"), List.of(List.of("1"))));
    }
}
