package org.maxdnn.report;

import java.util.ArrayList;
import java.util.List;

/**
 * One part of a report: a heading (or "" for none) and its blocks in order. A stage's result
 * becomes sections through {@link ReportSection} factories; every rendering shows every section.
 */
public record Section(String heading, List<Block> blocks) {
    /** A section with nothing to show (a factory whose stage did not run); renderings skip it. */
    public static final Section NONE = new Section("", List.of());

    public Section {
        blocks = List.copyOf(blocks);
    }

    public static Builder builder(String heading) {
        return new Builder(heading);
    }

    public boolean isEmpty() {
        return heading.isEmpty() && blocks.isEmpty();
    }

    public List<Table> tables() {
        return blocks.stream().filter(b -> b instanceof Table).map(b -> (Table) b).toList();
    }

    /** Blocks added in order. */
    public static final class Builder {
        private final String heading;
        private final List<Block> blocks = new ArrayList<>();

        private Builder(String heading) {
            this.heading = heading;
        }

        public Builder paragraph(String text) {
            blocks.add(new Block.Paragraph(text));
            return this;
        }

        public Builder table(Table table) {
            blocks.add(table);
            return this;
        }

        public Builder figure(String stem, String caption) {
            blocks.add(new Block.Figure(stem, caption));
            return this;
        }

        public Builder chart(Block.Chart chart) {
            blocks.add(chart);
            return this;
        }

        public Builder link(String href, String text) {
            blocks.add(new Block.Link(href, text));
            return this;
        }

        public Section build() {
            return new Section(heading, blocks);
        }
    }
}
