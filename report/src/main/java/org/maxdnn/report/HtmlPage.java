package org.maxdnn.report;

/**
 * A {@link Report} as a self-contained HTML page: headings, paragraphs, tables and figures (a PNG
 * shown inline, linked to its SVG). All text is escaped; nothing is fetched from outside.
 */
public final class HtmlPage implements Report.Renderer {
    private final StringBuilder body = new StringBuilder();
    private final String title;

    private HtmlPage(String title) {
        this.title = title;
        body.append("<h1>").append(escape(title)).append("</h1>\n");
    }

    @Override
    public void heading(String text) {
        body.append("<h2>").append(escape(text)).append("</h2>\n");
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

    /** The page of a whole report: a {@code <h2>} per section heading, its blocks in order. */
    public static String of(Report report) {
        HtmlPage page = new HtmlPage(report.title());
        report.render(page);
        return page.html();
    }

    private String html() {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape(title)
                + "</title>\n<style>\n"
                + "body{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}\n"
                + "table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #ccc;padding:4px 8px}\n"
                + "th{background:#f0f0f0}caption{text-align:left;color:#555}td.num{text-align:right;font-variant-numeric:tabular-nums}\n"
                + "figure{margin:1em 0}img{max-width:100%}figcaption{color:#555;font-size:90%}\n"
                + "</style>\n</head>\n<body>\n" + body + "</body>\n</html>\n";
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
