package org.maxdnn.report;

import java.util.List;
import java.util.Map;

/**
 * The spec of the page's Pareto explorer ({@code charts.js}, kind {@code pareto}): every approach's
 * front from its points table, figures switchable between views (validation, search), each point's
 * interval as a whisker, the marked points and the loss bound; hovering a point shows the table's
 * cells it names, clicking one shows its map as a heat map with a legend of every configuration in
 * it and a link to its JSON.
 *
 * @param x                  the column of the horizontal axis (the saving) in every front table
 * @param xLabel             that axis's title
 * @param views              the vertical axis's choices, the first shown first
 * @param fronts             one per approach, in legend order
 * @param tooltip            the columns a hovered point shows, in order
 * @param marks              points marked with a label (the chosen one, ALWANN's)
 * @param boundPts           the loss bound drawn as a line, or null
 * @param multiplierSharePct the multipliers' share of the exact map's whole-array energy, when an array
 *                           was priced: the hovered point's whole-array saving is its saving × this share; or null
 * @param maps               every point's map as grids of configuration indices
 */
public record ParetoChart(String x, String xLabel, List<View> views, List<Front> fronts, List<String> tooltip,
                          List<Mark> marks, Double boundPts, Double multiplierSharePct, Maps maps) {
    /** The kind {@code charts.js} draws. */
    public static final String KIND = "pareto";

    public ParetoChart {
        views = List.copyOf(views);
        fronts = List.copyOf(fronts);
        tooltip = List.copyOf(tooltip);
        marks = List.copyOf(marks);
        if (views.isEmpty()) {
            throw new IllegalArgumentException("an explorer needs at least one view");
        }
    }

    /**
     * A choice of vertical axis: its values and the 95% interval drawn as a whisker ({@code low} and
     * {@code high} columns; a one-sided bound has only {@code high}; null columns draw none).
     */
    public record View(String name, String label, String y, String low, String high) {
    }

    /**
     * One approach's front: its points table (a row per point, with a {@code point} and a {@code map}
     * column, the map's file relative to {@code dir}, which is relative to the page).
     */
    public record Front(String approach, String table, String dir, boolean baseline) {
    }

    /** A labelled ring round the point in row {@code point} of {@code approach}'s table. */
    public record Mark(String label, String approach, int point) {
    }

    /**
     * The maps of every point: configuration names indexed once for the page, the approximable layers in
     * order, and per approach a {@link MapCells} per point in table order.
     */
    public record Maps(List<String> configurations, List<String> layers, Map<String, List<MapCells>> points) {
    }

    /**
     * One map: {@code used} every configuration index it holds (the legend); {@code filters} per layer the
     * configuration of each filter (the majority of its kernels); {@code kernels} per layer whose
     * filters mix configurations, [filter][input channel]; {@code omitted} such layers too large to draw.
     */
    public record MapCells(List<Integer> used, List<List<Integer>> filters, Map<String, List<List<Integer>>> kernels,
                           List<String> omitted) {
    }

    /** The chart block reading {@code tables} (every front's table). */
    public Block.Chart block(String caption, List<Table> tables) {
        return new Block.Chart(KIND, caption, tables, this);
    }
}
