package org.maxdnn.explore;

import java.awt.Color;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * Which configuration each filter of each layer got: rows are layers, columns filters, colour the
 * approximation level (0 = exact, higher = more approximate), so a chosen map can be read at a glance.
 */
public final class ConfigHeatMap {
    private ConfigHeatMap() {
    }

    /**
     * @param layers    row labels (bottom to top)
     * @param levels    levels[row][filter]; rows may differ in length
     * @param maxLevel  the highest level, for the colour scale
     * @param levelName what a level means, for the legend title
     */
    public static JFreeChart create(String title, List<String> layers, int[][] levels, int maxLevel, String levelName) {
        int cells = 0;
        for (int[] row : levels) {
            cells += row.length;
        }
        double[][] xyz = new double[3][cells];
        int k = 0;
        int widest = 1;
        for (int y = 0; y < levels.length; y++) {
            widest = Math.max(widest, levels[y].length);
            for (int x = 0; x < levels[y].length; x++) {
                xyz[0][k] = x;
                xyz[1][k] = y;
                xyz[2][k] = levels[y][x];
                k++;
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("levels", xyz);
        LookupPaintScale scale = new LookupPaintScale(0, Math.max(1, maxLevel) + 1, Color.GRAY);
        for (int level = 0; level <= maxLevel; level++) {
            float t = maxLevel == 0 ? 0 : (float) level / maxLevel;
            scale.add(level, level == 0 ? new Color(0xeeeeee) : Color.getHSBColor(0.6f - 0.6f * t, 0.75f, 0.95f));
        }
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(scale);
        NumberAxis filters = new NumberAxis("filter (output channel)");
        filters.setRange(-0.5, widest - 0.5);
        SymbolAxis rows = new SymbolAxis("layer", layers.toArray(new String[0]));
        XYPlot plot = new XYPlot(data, filters, rows, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        NumberAxis legendAxis = new NumberAxis(levelName);
        legendAxis.setRange(0, Math.max(1, maxLevel) + 1);
        legendAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        chart.addSubtitle(legend);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }
}
