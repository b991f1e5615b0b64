package org.maxdnn.report;

import java.util.List;

/**
 * What a {@link Section} holds, in order: paragraphs, tables, figures and links. Each rendering
 * shows each kind as it can (a figure is an image in HTML and its file name on the console).
 */
public sealed interface Block permits Block.Paragraph, Block.Figure, Block.Link, Block.Chart, Table {
    /** A paragraph of plain text. */
    record Paragraph(String text) implements Block {
    }

    /** A chart written beside the report as {@code stem.png} and {@code stem.svg}, paths relative to it. */
    record Figure(String stem, String caption) implements Block {
    }

    /**
     * An interactive chart the page draws from its tables' values (Apache ECharts, inlined): the same
     * numbers the console and the CSV files show. Text renderings leave it out: its tables are there.
     *
     * @param kind    what the page draws: {@code pareto} (the explorer of fronts and maps) or {@code bars}
     * @param caption a caption under the chart
     * @param tables  the tables it reads, embedded in the page as JSON (each once, by id)
     * @param spec    which columns and marks it uses, a value Jackson writes as JSON (records, maps, lists)
     */
    record Chart(String kind, String caption, List<Table> tables, Object spec) implements Block {
        public Chart {
            tables = List.copyOf(tables);
        }
    }

    /** A file beside the report. */
    record Link(String href, String text) implements Block {
    }
}
