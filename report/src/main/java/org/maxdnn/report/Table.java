package org.maxdnn.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A report's table as one value, rendered to HTML ({@link HtmlPage}), aligned text
 * ({@link AlignedText}) and CSV ({@link Csv}), as SCALE-Sim writes every report from one place.
 * Cells are numbers (formatted by their {@link Column}), text, or null for an empty cell.
 *
 * @param id      names the table's CSV file beside the report ({@code id.csv}); '/' makes a sub-folder
 * @param title   a caption, or "" for none
 */
public record Table(String id, String title, List<Column> columns, List<List<Object>> rows) implements Block {
    public Table {
        if (id == null || !id.matches("[a-z0-9][a-z0-9_./+-]*") || id.contains("..")) {
            throw new IllegalArgumentException("a table id is a relative file name without extension: " + id);
        }
        columns = List.copyOf(columns);
        List<List<Object>> copy = new ArrayList<>();
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException(id + ": a row of " + row.size() + " cells under " + columns.size()
                        + " columns");
            }
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copy);
    }

    public static Builder builder(String id, String title, Column... columns) {
        return new Builder(id, title, List.of(columns));
    }

    /** The same table written to another CSV file (a report that keeps a stage's table where the stage wrote it). */
    public Table withId(String id) {
        return new Table(id, title, columns, rows);
    }

    /** The cell at ({@code row}, {@code column}) as readers see it. */
    public String shown(int row, int column) {
        return columns.get(column).shown(rows.get(row).get(column));
    }

    /** Rows added one by one. */
    public static final class Builder {
        private final String id;
        private final String title;
        private final List<Column> columns;
        private final List<List<Object>> rows = new ArrayList<>();

        private Builder(String id, String title, List<Column> columns) {
            this.id = id;
            this.title = title;
            this.columns = columns;
        }

        public Builder row(Object... cells) {
            rows.add(Arrays.asList(cells));
            return this;
        }

        public Builder row(List<?> cells) {
            rows.add(new ArrayList<>(cells));
            return this;
        }

        public Table build() {
            return new Table(id, title, columns, rows);
        }
    }
}
