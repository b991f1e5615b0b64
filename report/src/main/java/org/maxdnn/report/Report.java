package org.maxdnn.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.maxdnn.io.AtomicFiles;

/**
 * A whole report: a title and its sections, rendered as an HTML page ({@link HtmlPage}), aligned
 * text ({@link AlignedText}), Markdown ({@link Markdown}) and one CSV file per table ({@link Csv}).
 */
public record Report(String title, List<Section> sections) {
    public Report {
        sections = sections.stream().filter(s -> !s.isEmpty()).toList();
    }

    /** The sections {@code factories} make of {@code result}, in order. */
    public static <R> Report of(String title, R result, List<? extends ReportSection<? super R>> factories) {
        List<Section> sections = new ArrayList<>();
        for (ReportSection<? super R> f : factories) {
            sections.add(f.of(result));
        }
        return new Report(title, sections);
    }

    /** What a rendering does with each part of a report, in the report's order. */
    public interface Renderer {
        void heading(String text);

        void paragraph(String text);

        void table(Table t);

        void figure(Block.Figure f);

        void link(Block.Link l);

        /** An interactive chart: only a page draws one; its tables are rendered where their section shows them. */
        default void chart(Block.Chart c) {
        }

        /** Whether it draws charts: a section of charts alone is left out, heading and all, where none are drawn. */
        default boolean drawsCharts() {
            return false;
        }
    }

    /** Hands every section's heading (when it has one) and each of its blocks to {@code r}, in order. */
    public void render(Renderer r) {
        for (Section s : sections) {
            if (!r.drawsCharts() && s.blocks().stream().allMatch(b -> b instanceof Block.Chart)) {
                continue;
            }
            if (!s.heading().isEmpty()) {
                r.heading(s.heading());
            }
            for (Block b : s.blocks()) {
                if (b instanceof Block.Paragraph p) {
                    r.paragraph(p.text());
                } else if (b instanceof Table t) {
                    r.table(t);
                } else if (b instanceof Block.Figure f) {
                    r.figure(f);
                } else if (b instanceof Block.Link l) {
                    r.link(l);
                } else if (b instanceof Block.Chart c) {
                    r.chart(c);
                }
            }
        }
    }

    public List<Table> tables() {
        return sections.stream().flatMap(s -> s.tables().stream()).toList();
    }

    /**
     * Writes the page to {@code html} and every table to {@code ID.csv} beside it; returns the CSV
     * files in table order.
     */
    public List<Path> write(Path html) {
        List<Path> csv = new ArrayList<>();
        for (Table t : tables()) {
            Path file = html.resolveSibling(t.id() + ".csv");
            AtomicFiles.writeString(file, Csv.of(t));
            csv.add(file);
        }
        AtomicFiles.writeString(html, HtmlPage.of(this));
        return csv;
    }
}
