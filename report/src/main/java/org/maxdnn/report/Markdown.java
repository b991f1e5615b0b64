package org.maxdnn.report;

import java.util.ArrayList;
import java.util.List;

/** A {@link Report} as Markdown: the title, a {@code ##} heading per section, tables as pipe tables. */
public final class Markdown {
    private Markdown() {
    }

    public static List<String> lines(Report report) {
        List<String> lines = new ArrayList<>(List.of("# " + report.title(), ""));
        report.render(new Report.Renderer() {
            @Override
            public void heading(String text) {
                lines.addAll(List.of("## " + text, ""));
            }

            @Override
            public void paragraph(String text) {
                lines.addAll(List.of(text, ""));
            }

            @Override
            public void table(Table t) {
                lines.addAll(lines(t));
                lines.add("");
            }

            @Override
            public void figure(Block.Figure f) {
                lines.addAll(List.of("![" + f.caption() + "](" + f.stem() + ".png)", ""));
            }

            @Override
            public void link(Block.Link l) {
                lines.addAll(List.of("[" + l.text() + "](" + l.href() + ")", ""));
            }
        });
        return lines;
    }

    /** The title as a line of its own, then the table with numbers right-aligned. */
    public static List<String> lines(Table t) {
        List<String> lines = new ArrayList<>();
        if (!t.title().isEmpty()) {
            lines.add(t.title() + ":");
            lines.add("");
        }
        lines.add(row(t.columns().stream().map(Column::heading).toList()));
        lines.add(row(t.columns().stream().map(c -> c.numeric() ? "---:" : "---").toList()));
        for (int r = 0; r < t.rows().size(); r++) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < t.columns().size(); c++) {
                cells.add(t.shown(r, c));
            }
            lines.add(row(cells));
        }
        return lines;
    }

    private static String row(List<String> cells) {
        StringBuilder b = new StringBuilder("|");
        cells.forEach(c -> b.append(' ').append(c.replace("|", "\\|")).append(" |"));
        return b.toString();
    }
}
