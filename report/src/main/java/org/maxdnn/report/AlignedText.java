package org.maxdnn.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Table} or a whole {@link Report} as lines of plain text for the console: columns
 * padded to their widest cell, text left-aligned and numbers right-aligned.
 */
public final class AlignedText {
    private AlignedText() {
    }

    /** The title (when there is one), the header and a line per row. */
    public static List<String> lines(Table t) {
        int n = t.columns().size();
        List<List<String>> cells = new ArrayList<>();
        cells.add(t.columns().stream().map(Column::heading).toList());
        for (int r = 0; r < t.rows().size(); r++) {
            List<String> row = new ArrayList<>();
            for (int c = 0; c < n; c++) {
                row.add(t.shown(r, c));
            }
            cells.add(row);
        }
        int[] width = new int[n];
        for (List<String> row : cells) {
            for (int c = 0; c < n; c++) {
                width[c] = Math.max(width[c], row.get(c).length());
            }
        }
        List<String> lines = new ArrayList<>();
        if (!t.title().isEmpty()) {
            lines.add(t.title() + ":");
        }
        for (List<String> row : cells) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < n; c++) {
                String pad = " ".repeat(width[c] - row.get(c).length());
                line.append(c == 0 ? "" : "  ").append(t.columns().get(c).numeric() ? pad + row.get(c) : row.get(c) + pad);
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    /** Every section: its heading as {@code -- heading}, paragraphs, tables, and figures and links by file name. */
    public static List<String> lines(Report report) {
        List<String> lines = new ArrayList<>();
        report.render(new Report.Renderer() {
            @Override
            public void heading(String text) {
                lines.add("-- " + text);
            }

            @Override
            public void paragraph(String text) {
                lines.add(text);
            }

            @Override
            public void table(Table t) {
                lines.addAll(lines(t));
            }

            @Override
            public void figure(Block.Figure f) {
                lines.add(f.caption() + ": " + f.stem() + ".png");
            }

            @Override
            public void link(Block.Link l) {
                lines.add(l.text() + ": " + l.href());
            }
        });
        return lines;
    }
}
