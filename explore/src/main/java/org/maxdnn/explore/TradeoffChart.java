package org.maxdnn.explore;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Accuracy loss against energy saving, one series per approach (layer, filter, kernel, ALWANN…),
 * each drawn as its Pareto front: points joined in order of saving.
 */
public final class TradeoffChart {
    /** One approach's front: savings and losses in percent, same length. */
    public record Series(String name, double[] savingPct, double[] lossPct) {
        public Series {
            if (savingPct.length != lossPct.length) {
                throw new IllegalArgumentException("saving and loss arrays differ in length");
            }
        }
    }

    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd),
        new Color(0xff7f0e), new Color(0x8c564b), new Color(0x17becf)
    };

    private TradeoffChart() {
    }

    public static JFreeChart create(String title, List<Series> series) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Series s : series) {
            XYSeries xy = new XYSeries(s.name(), true, true);
            for (int i = 0; i < s.savingPct().length; i++) {
                xy.add(s.savingPct()[i], s.lossPct()[i]);
            }
            data.addSeries(xy);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, "energy saving vs all-exact (%)",
                "accuracy loss (percentage points)", data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < series.size(); i++) {
            r.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
            r.setSeriesStroke(i, new BasicStroke(1.6f));
        }
        plot.setRenderer(r);
        return chart;
    }
}
