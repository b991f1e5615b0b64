package org.maxdnn.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartsTest {
    @TempDir
    Path tmp;

    @Test
    void tradeoffChartWritesPngAndSvgWithEverySeries() throws IOException {
        var chart = TradeoffChart.create("test", List.of(
                new TradeoffChart.Series("layer", new double[] {0, 10, 20}, new double[] {0, 0.5, 2}),
                new TradeoffChart.Series("ALWANN", new double[] {0, 8}, new double[] {0, 3})));
        ChartFiles.write(chart, tmp, "tradeoff", 800, 500);
        BufferedImage png = ImageIO.read(tmp.resolve("tradeoff.png").toFile());
        assertEquals(800, png.getWidth());
        String svg = Files.readString(tmp.resolve("tradeoff.svg"));
        assertTrue(svg.startsWith("<?xml") || svg.startsWith("<svg"), svg.substring(0, 40));
        assertTrue(svg.contains("ALWANN") && svg.contains("layer"), "legend names every series");
    }

    @Test
    void heatMapColoursDifferentLevelsDifferently() throws IOException {
        var chart = ConfigHeatMap.create("map", List.of("conv0", "conv1"),
                new int[][] {{0, 0, 0, 0}, {3, 3, 3, 3}}, 3, "level");
        ChartFiles.write(chart, tmp, "heat", 400, 300);
        BufferedImage png = ImageIO.read(tmp.resolve("heat.png").toFile());
        // Sample the plot area's lower and upper halves (conv0 = level 0, conv1 = level 3).
        long distinct = java.util.stream.IntStream.range(0, png.getHeight())
                .map(y -> png.getRGB(png.getWidth() / 3, y)).distinct().count();
        assertTrue(distinct >= 3, "at least background and two level colours");
    }
}
