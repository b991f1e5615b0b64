package org.maxdnn.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link Report} as a self-contained HTML page: headings, paragraphs, tables, figures (a PNG
 * shown inline, linked to its SVG) and interactive charts. A page with charts carries the values of
 * their tables as JSON, Apache ECharts (vendored into this module at build time) and the script
 * that draws them ({@code charts.js}), all inline: it opens from disk with no network. All text is
 * escaped, and the page's content security policy lets it fetch nothing from outside.
 */
public final class HtmlPage implements Report.Renderer {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RESOURCES = "/org/maxdnn/report/";
    private final StringBuilder body = new StringBuilder();
    private final String title;
    private final Map<String, Table> tables = new LinkedHashMap<>();
    private final ArrayNode charts = JSON.createArrayNode();
    private final Map<String, String> anchors = new LinkedHashMap<>();

    private HtmlPage(String title) {
        this.title = title;
    }

    /** A section's heading, the target of its entry in the page's contents (an anchor of its own). */
    @Override
    public void heading(String text) {
        String id = anchor(text);
        anchors.put(id, text);
        body.append("<section id=\"").append(id).append("\"><h2>").append(escape(text)).append("</h2></section>\n");
    }

    /** A unique id for a heading: its words in lower case joined by hyphens ("section" when none). */
    private String anchor(String text) {
        String base = text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        base = base.isEmpty() ? "section" : base;
        String id = base;
        for (int i = 2; anchors.containsKey(id); i++) {
            id = base + "-" + i;
        }
        return id;
    }

    @Override
    public void paragraph(String text) {
        body.append("<p>").append(escape(text)).append("</p>\n");
    }

    /** A table, its title as caption; the cells of number columns right-aligned. */
    @Override
    public void table(Table t) {
        body.append("<table>\n");
        if (!t.title().isEmpty()) {
            body.append("<caption>").append(escape(t.title())).append("</caption>\n");
        }
        body.append("<thead><tr>");
        for (Column c : t.columns()) {
            body.append("<th>").append(escape(c.heading())).append("</th>");
        }
        body.append("</tr></thead>\n<tbody>\n");
        for (int r = 0; r < t.rows().size(); r++) {
            body.append("<tr>");
            for (int c = 0; c < t.columns().size(); c++) {
                body.append(t.columns().get(c).numeric() ? "<td class=\"num\">" : "<td>").append(escape(t.shown(r, c)))
                        .append("</td>");
            }
            body.append("</tr>\n");
        }
        body.append("</tbody>\n</table>\n");
    }

    /** {@code stem.png} inline, linked to {@code stem.svg}, paths relative to the report. */
    @Override
    public void figure(Block.Figure f) {
        body.append("<figure><a href=\"").append(escape(f.stem())).append(".svg\"><img src=\"").append(escape(f.stem()))
                .append(".png\" alt=\"").append(escape(f.caption())).append("\"></a><figcaption>")
                .append(escape(f.caption())).append("</figcaption></figure>\n");
    }

    /** A link to a file beside the report. */
    @Override
    public void link(Block.Link l) {
        body.append("<p><a href=\"").append(escape(l.href())).append("\">").append(escape(l.text())).append("</a></p>\n");
    }

    @Override
    public boolean drawsCharts() {
        return true;
    }

    /** A placeholder the script fills with the chart; its tables and spec go into the page's data. */
    @Override
    public void chart(Block.Chart c) {
        String id = "chart-" + charts.size();
        ObjectNode chart = charts.addObject().put("id", id).put("kind", c.kind());
        ArrayNode ids = chart.putArray("tables");
        for (Table t : c.tables()) {
            Table known = tables.putIfAbsent(t.id(), t);
            if (known != null && !known.equals(t)) {
                throw new IllegalArgumentException("two different tables named " + t.id() + " in one page");
            }
            ids.add(t.id());
        }
        chart.set("spec", JSON.valueToTree(c.spec()));
        body.append("<figure class=\"chart\"><div class=\"chart-host\" id=\"").append(id).append("\" data-kind=\"")
                .append(escape(c.kind())).append("\"></div><figcaption>").append(escape(c.caption()))
                .append("</figcaption></figure>\n");
    }

    /** The page of a whole report: a {@code <h2>} per section heading, its blocks in order. */
    public static String of(Report report) {
        HtmlPage page = new HtmlPage(report.title());
        report.render(page);
        return page.html();
    }

    private String html() {
        String h1 = "<h1>" + escape(title) + "</h1>\n";
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                // nothing from outside: scripts and styles inline, images beside the page or inline
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'unsafe-inline'; "
                + "style-src 'unsafe-inline'; img-src file: data: blob:\">\n<title>" + escape(title)
                + "</title>\n<style>\n"
                + "body{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}\n"
                + "table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #ccc;padding:4px 8px}\n"
                + "th{background:#f0f0f0}caption{text-align:left;color:#555}td.num{text-align:right;font-variant-numeric:tabular-nums}\n"
                + "figure{margin:1em 0}img{max-width:100%}figcaption{color:#555;font-size:90%}\n"
                + "nav.contents ul{columns:2;font-size:90%}section h2{margin-top:1.5em}\n"
                + (charts.isEmpty() ? "" : resource("charts.css"))
                + "</style>\n</head>\n<body>\n" + h1 + contents() + body + (charts.isEmpty() ? "" : scripts())
                + "</body>\n</html>\n";
    }

    /** Links to every section's heading, when there are more than two. */
    private String contents() {
        if (anchors.size() < 3) {
            return "";
        }
        StringBuilder nav = new StringBuilder("<nav class=\"contents\"><ul>\n");
        anchors.forEach((id, text) -> nav.append("<li><a href=\"#").append(id).append("\">").append(escape(text))
                .append("</a></li>\n"));
        return nav.append("</ul></nav>\n").toString();
    }

    /** The charts' data (tables by id, each chart's kind, tables and spec), ECharts and the script that draws them. */
    private String scripts() {
        ObjectNode data = JSON.createObjectNode();
        ObjectNode byId = data.putObject("tables");
        tables.forEach((id, t) -> byId.set(id, tableJson(t)));
        data.set("charts", charts);
        // '<' appears only inside JSON strings, where its escape means the same: no "</script>" ends the element early
        String json = data.toString().replace("<", "\\u003c");
        return "<script type=\"application/json\" id=\"maxdnn-data\">" + json + "</script>\n<script>\n"
                + resource("vendor/echarts/echarts.min.js") + "\n</script>\n<script>\n" + resource("charts.js")
                + "\n</script>\n<script>\n" + resource("tables.js") + "\n</script>\n";
    }

    /** A table as the page's script reads it: columns (id, label, unit, heading), values, and each cell as readers see it. */
    static ObjectNode tableJson(Table t) {
        ObjectNode o = JSON.createObjectNode().put("id", t.id()).put("title", t.title());
        ArrayNode columns = o.putArray("columns");
        for (Column c : t.columns()) {
            columns.addObject().put("id", c.id()).put("label", c.label()).put("unit", c.unit()).put("heading", c.heading())
                    .put("numeric", c.numeric());
        }
        ArrayNode rows = o.putArray("rows");
        ArrayNode shown = o.putArray("shown");
        for (int r = 0; r < t.rows().size(); r++) {
            ArrayNode values = rows.addArray();
            ArrayNode texts = shown.addArray();
            for (int c = 0; c < t.columns().size(); c++) {
                Object cell = t.rows().get(r).get(c);
                if (cell instanceof Number n) {
                    double v = n.doubleValue();
                    if (Double.isNaN(v) || Double.isInfinite(v)) {
                        values.addNull();
                    } else {
                        values.add(v);
                    }
                } else if (cell == null) {
                    values.addNull();
                } else {
                    values.add(cell.toString());
                }
                texts.add(t.shown(r, c));
            }
        }
        return o;
    }

    private static String resource(String name) {
        try (InputStream in = HtmlPage.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("the report module's resource " + name + " is missing (a broken build)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
