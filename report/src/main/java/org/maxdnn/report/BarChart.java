package org.maxdnn.report;

import java.util.List;

/**
 * The spec of a bar chart of one table ({@code charts.js}, kind {@code bars}): a group of bars per
 * value of the {@code category} column, either a bar per column in {@code series} (stacked or side by
 * side), or, with a {@link Pivot}, a bar per combination of key columns valued by one column. The
 * tooltip shows the cells as the table shows them.
 *
 * @param table       the table's id
 * @param category    the column whose values are the groups
 * @param series      the columns drawn as bars (ignored with a pivot); a column the table lacks is skipped
 * @param stacked     stack them into one bar per group
 * @param pivot       or null
 * @param yLabel      the vertical axis's title
 * @param logarithmic a logarithmic vertical axis
 * @param skip        values of the category column left out (a table's "total" row)
 */
public record BarChart(String table, String category, List<String> series, boolean stacked, Pivot pivot, String yLabel,
                       boolean logarithmic, List<String> skip) {
    /** The kind {@code charts.js} draws. */
    public static final String KIND = "bars";

    public BarChart {
        series = List.copyOf(series);
        skip = List.copyOf(skip);
    }

    /** A bar per combination of the {@code keys} columns' cells, valued by the {@code value} column. */
    public record Pivot(List<String> keys, String value) {
    }

    /** Bars of {@code columns} per {@code category}, stacked or not. */
    public static Block.Chart of(String caption, Table t, String category, List<String> columns, boolean stacked,
                                 String yLabel) {
        return new Block.Chart(KIND, caption, List.of(t),
                new BarChart(t.id(), category, columns, stacked, null, yLabel, false, List.of()));
    }

    /** Bars of {@code columns} per {@code category} side by side, the rows whose category is in {@code skip} left out. */
    public static Block.Chart without(String caption, Table t, String category, List<String> columns, List<String> skip,
                                      String yLabel) {
        return new Block.Chart(KIND, caption, List.of(t),
                new BarChart(t.id(), category, columns, false, null, yLabel, false, skip));
    }

    /** A bar per combination of {@code keys} per {@code category}, valued by {@code value}. */
    public static Block.Chart pivot(String caption, Table t, String category, List<String> keys, String value,
                                    String yLabel) {
        return new Block.Chart(KIND, caption, List.of(t),
                new BarChart(t.id(), category, List.of(), false, new Pivot(keys, value), yLabel, false,
                        List.of()));
    }
}
