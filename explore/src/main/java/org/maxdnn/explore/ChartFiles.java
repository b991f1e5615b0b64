package org.maxdnn.explore;

import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.maxdnn.io.AtomicFiles;

/** Writes a chart as {@code stem.png} and {@code stem.svg}, both atomically. */
public final class ChartFiles {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private ChartFiles() {
    }

    public static void write(JFreeChart chart, Path dir, String stem, int width, int height) {
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ChartUtils.writeChartAsPNG(png, chart, width, height);
            AtomicFiles.writeBytes(dir.resolve(stem + ".png"), png.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SVGGraphics2D svg = new SVGGraphics2D(width, height);
        chart.draw(svg, new Rectangle(0, 0, width, height));
        AtomicFiles.writeString(dir.resolve(stem + ".svg"), svg.getSVGDocument());
    }
}
