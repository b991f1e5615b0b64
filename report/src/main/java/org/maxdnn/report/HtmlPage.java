package org.maxdnn.report;

import java.nio.file.Path;
import java.util.List;
import org.maxdnn.io.AtomicFiles;

/**
 * A self-contained HTML page built section by section: headings, paragraphs, tables and figures
 * (a PNG shown inline, linked to its SVG). All text is escaped; nothing is fetched from outside.
 */
public final class HtmlPage {
    private final StringBuilder body = new StringBuilder();
    private final String title;

    public HtmlPage(String title) {
        this.title = title;
        body.append("<h1>").append(escape(title)).append("</h1>\n");
    }

    public HtmlPage heading(String text) {
        body.append("<h2>").append(escape(text)).append("</h2>\n");
        return this;
    }

    public HtmlPage paragraph(String text) {
        body.append("<p>").append(escape(text)).append("</p>\n");
        return this;
    }

    /** A table; numeric-looking cells are right-aligned. */
    public HtmlPage table(List<String> header, List<List<String>> rows) {
        body.append("<table>\n<thead><tr>");
        for (String h : header) {
            body.append("<th>").append(escape(h)).append("</th>");
        }
        body.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : rows) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("row has " + row.size() + " cells, header " + header.size());
            }
            body.append("<tr>");
            for (String cell : row) {
                boolean number = cell.matches("[-+]?[0-9.,]+%?( ?[a-zA-Z]{0,3})?");
                body.append(number ? "<td class=\"num\">" : "<td>").append(escape(cell)).append("</td>");
            }
            body.append("</tr>\n");
        }
        body.append("</tbody>\n</table>\n");
        return this;
    }

    /** A figure: {@code stem.png} inline, linked to {@code stem.svg}, paths relative to the report. */
    public HtmlPage figure(String stem, String caption) {
        body.append("<figure><a href=\"").append(escape(stem)).append(".svg\"><img src=\"").append(escape(stem))
                .append(".png\" alt=\"").append(escape(caption)).append("\"></a><figcaption>")
                .append(escape(caption)).append("</figcaption></figure>\n");
        return this;
    }

    /** A link to a file beside the report. */
    public HtmlPage link(String href, String text) {
        body.append("<p><a href=\"").append(escape(href)).append("\">").append(escape(text)).append("</a></p>\n");
        return this;
    }

    public String html() {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape(title)
                + "</title>\n<style>\n"
                + "body{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}\n"
                + "table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #ccc;padding:4px 8px}\n"
                + "th{background:#f0f0f0}td.num{text-align:right;font-variant-numeric:tabular-nums}\n"
                + "figure{margin:1em 0}img{max-width:100%}figcaption{color:#555;font-size:90%}\n"
                + "</style>\n</head>\n<body>\n" + body + "</body>\n</html>\n";
    }

    public void write(Path file) {
        AtomicFiles.writeString(file, html());
    }

    static String escape(String s) {
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
