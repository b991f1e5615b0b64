package org.maxdnn.report;

import java.util.List;

/** A {@link Table} as CSV (RFC 4180): the column ids, then a line per row, numbers without grouping or units. */
public final class Csv {
    private Csv() {
    }

    public static String of(Table t) {
        StringBuilder b = new StringBuilder();
        line(b, t.columns().stream().map(Column::id).toList());
        for (List<Object> row : t.rows()) {
            line(b, java.util.stream.IntStream.range(0, row.size())
                    .mapToObj(i -> t.columns().get(i).csvValue(row.get(i))).toList());
        }
        return b.toString();
    }

    private static void line(StringBuilder b, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            b.append(i == 0 ? "" : ",").append(quoted(cells.get(i)));
        }
        b.append('\n');
    }

    /** A field with a comma, quote or line break in quotes, its quotes doubled. */
    static String quoted(String s) {
        return s.matches("[^,\"\r\n]*") ? s : "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
