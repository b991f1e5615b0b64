package org.maxdnn.flow;

import java.awt.Color;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.maxdnn.explore.ExploreReport;

/**
 * The five-network table at a glance ({@code summary.png}/{@code .svg} of {@code run --all}): per
 * network, the best multiplier-energy saving within one loss bound on validation data of MAx-DNN
 * (its best level) and of ALWANN, each without and with compensation.
 */
final class SummaryChart {
    private static final String[] SERIES = {"MAx-DNN", "MAx-DNN, compensated", "ALWANN", "ALWANN, compensated"};
    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xaec7e8), new Color(0xd62728),
        new Color(0xff9896)};

    private SummaryChart() {
    }

    /** The chart at {@code boundPts}, one of {@link ExploreReport#LOSS_BOUNDS}. */
    static JFreeChart create(List<ExploreAllNetworks.Row> rows, double boundPts) {
        int b = java.util.Arrays.stream(ExploreReport.LOSS_BOUNDS).boxed().toList().indexOf(boundPts);
        if (b < 0) {
            throw new IllegalArgumentException("no column for a bound of " + boundPts + " points");
        }
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (ExploreAllNetworks.Row r : rows) {
            String series = SERIES[(r.approach().startsWith("alwann") ? 2 : 0) + (r.compensated() ? 1 : 0)];
            Number had = data.getRowKeys().contains(series) && data.getColumnKeys().contains(r.network())
                    ? data.getValue(series, r.network()) : null;
            if (had == null || had.doubleValue() < r.bestSavingPct()[b]) {
                data.setValue(r.bestSavingPct()[b], series, r.network());
            }
        }
        JFreeChart chart = ChartFactory.createBarChart(String.format(Locale.ROOT, "Best multiplier-energy saving within "
                + "%.0f points of loss, validation data", boundPts), "network", "saving vs all-exact (%)", data,
                PlotOrientation.VERTICAL, true, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        for (int i = 0; i < data.getRowCount(); i++) {
            renderer.setSeriesPaint(i, COLORS[List.of(SERIES).indexOf((String) data.getRowKey(i))]);
        }
        return chart;
    }
}
