package org.maxdnn.report;

/**
 * What a {@link Section} holds, in order: paragraphs, tables, figures and links. Each rendering
 * shows each kind as it can (a figure is an image in HTML and its file name on the console).
 */
public sealed interface Block permits Block.Paragraph, Block.Figure, Block.Link, Table {
    /** A paragraph of plain text. */
    record Paragraph(String text) implements Block {
    }

    /** A chart written beside the report as {@code stem.png} and {@code stem.svg}, paths relative to it. */
    record Figure(String stem, String caption) implements Block {
    }

    /** A file beside the report. */
    record Link(String href, String text) implements Block {
    }
}
