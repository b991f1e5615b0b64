package org.maxdnn.explore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.maxdnn.infer.ConvLayer;
import org.maxdnn.infer.Network;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.report.Block;
import org.maxdnn.report.ParetoChart;
import org.maxdnn.report.Table;

/**
 * The report page's Pareto explorer of an exploration ({@link ParetoChart}): every approach's front
 * from its points table ({@link ExploreReport#frontTable}), on validation data first when validated
 * (the 95% interval of each point's metric drawn as a whisker of its loss) and on search data, the
 * chosen point and ALWANN's marked, the loss bound drawn, and every point's map as heat-map cells.
 */
public final class ExplorerChart {
    /** A layer's per-kernel grid is drawn up to this many kernels; larger ones are in the JSON only. */
    static final int MAX_KERNELS = 4096;

    private ExplorerChart() {
    }

    /**
     * The explorer of {@code result}'s fronts, their points' maps in {@code dir}/APPROACH/maps (relative
     * to the page: "" for the exploration's own page). {@code multiplierSharePct} is the multipliers'
     * share of the whole array's energy under the exact map (hovering then shows each point's whole-array
     * saving), or null when no array was priced.
     */
    public static Block.Chart of(Network net, Exploration.Result result, double maxLossPts, Double multiplierSharePct,
                                 String dir) {
        boolean validated = result.validationExact() != null;
        List<ParetoChart.View> views = new ArrayList<>();
        if (validated) {
            views.add(new ParetoChart.View("validation", result.metric() + " loss on validation data (pts)",
                    "validation_loss_pts", "validation_loss_low_pts", "validation_loss_high_pts"));
        }
        views.add(new ParetoChart.View("search", result.metric() + " loss on search data (pts)", "search_loss_pts", null,
                "search_loss_upper95_pts"));
        List<ParetoChart.Front> fronts = new ArrayList<>();
        List<Table> tables = new ArrayList<>();
        List<ParetoChart.Mark> marks = new ArrayList<>();
        List<String> configurations = new ArrayList<>(List.of(MultiplierConfig.EXACT.name()));
        Map<String, List<ParetoChart.MapCells>> maps = new LinkedHashMap<>();
        Explorer.Point chosen = result.chosen(maxLossPts).chosen();
        Selection baseline = result.baseline(maxLossPts);
        Explorer.Point alwann = baseline == null ? null : baseline.chosen();
        Map<Explorer.Point, LossBound> bounds = ExploreReport.searchBounds(result);
        for (Explorer.Front f : result.fronts()) {
            String approach = f.space().name();
            Table t = ExploreReport.frontTable(f, validated ? result.validationExact().metric() : Double.NaN, bounds);
            tables.add(t);
            fronts.add(new ParetoChart.Front(approach, t.id(), dir + approach, Exploration.isBaseline(approach)));
            List<ParetoChart.MapCells> cells = new ArrayList<>();
            for (int i = 0; i < f.points().size(); i++) {
                Explorer.Point p = f.points().get(i);
                cells.add(cells(net, p, configurations));
                if (p == chosen) {
                    marks.add(new ParetoChart.Mark("chosen", approach, i));
                }
                if (p == alwann) {
                    marks.add(new ParetoChart.Mark("ALWANN's", approach, i));
                }
            }
            maps.put(approach, cells);
        }
        List<String> tooltip = List.of("saving_pct", "energy_pj", "validation_loss_pts", "validation_loss_low_pts",
                "validation_loss_high_pts", "validation_loss_upper95_pts", "validation_p_value", "search_loss_pts",
                "search_loss_upper95_pts", "agreement_pct");
        ParetoChart chart = new ParetoChart("saving_pct", "multiplier energy saving vs the all-exact map (%)", views, fronts,
                tooltip, marks, maxLossPts, multiplierSharePct, new ParetoChart.Maps(configurations,
                net.weightedLayers().stream().map(ConvLayer::name).toList(), maps));
        return chart.block("Pareto fronts of every approach: switch between validation and search figures; hover a "
                + "point for its figures, click it for its map; click an approach in the legend to hide it. The dashed "
                + "line is the loss bound (" + maxLossPts + " pts), the rings the chosen point and ALWANN's.", tables);
    }

    /** A point's map as configuration indices (added to {@code names} as first seen). */
    static ParetoChart.MapCells cells(Network net, Explorer.Point p, List<String> names) {
        Set<Integer> used = new LinkedHashSet<>();
        List<List<Integer>> filters = new ArrayList<>();
        Map<String, List<List<Integer>>> kernels = new LinkedHashMap<>();
        List<String> omitted = new ArrayList<>();
        for (ConvLayer l : net.weightedLayers()) {
            MultiplierConfig[][] c = p.map().resolve(l);
            List<Integer> perFilter = new ArrayList<>();
            List<List<Integer>> grid = new ArrayList<>();
            boolean mixed = false;
            for (MultiplierConfig[] filter : c) {
                List<Integer> row = new ArrayList<>();
                for (MultiplierConfig k : filter) {
                    int i = index(names, k.name());
                    used.add(i);
                    row.add(i);
                    mixed |= i != row.get(0);
                }
                grid.add(row);
                perFilter.add(majority(row));
            }
            filters.add(perFilter);
            if (mixed) {
                if ((long) c.length * l.filterDepth() <= MAX_KERNELS) {
                    kernels.put(l.name(), grid);
                } else {
                    omitted.add(l.name());
                }
            }
        }
        return new ParetoChart.MapCells(List.copyOf(used), filters, kernels, omitted);
    }

    private static int index(List<String> names, String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            names.add(name);
            return names.size() - 1;
        }
        return i;
    }

    /** The most frequent index of a filter's kernels (the first such on a tie). */
    private static int majority(List<Integer> row) {
        Map<Integer, Integer> count = new LinkedHashMap<>();
        row.forEach(i -> count.merge(i, 1, Integer::sum));
        return count.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }
}
