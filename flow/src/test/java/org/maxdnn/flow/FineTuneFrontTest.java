package org.maxdnn.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maxdnn.MaxdnnException;
import org.maxdnn.explore.Significance;

/** Picking the promising points of an exploration's fronts, and the redrawn front's summary. */
class FineTuneFrontTest {
    @TempDir
    Path tmp;

    private void front(String approach, double[][] savingAndLoss) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(approach));
        StringBuilder json = new StringBuilder("{\"approach\":\"" + approach + "\",\"points\":[");
        for (int i = 0; i < savingAndLoss.length; i++) {
            json.append(i > 0 ? "," : "").append(String.format(java.util.Locale.ROOT,
                    "{\"point\":%d,\"saving_pct\":%.1f,\"validation_loss_pts\":%.1f,\"map\":\"maps/p%02d.json\"}", i,
                    savingAndLoss[i][0], savingAndLoss[i][1], i));
        }
        Files.writeString(dir.resolve("pareto.json"), json.append("]}").toString());
    }

    @Test
    void theLargestSavingsWithinTheLossBoundOfEachApproach() throws Exception {
        front("layer", new double[][] {{0, 0}, {40, 1}, {60, 8}, {75, 30}, {55, 3}});
        front("alwann", new double[][] {{20, 0.5}, {35, 12}});
        List<FineTuneFront.Candidate> c = FineTuneFront.promising(tmp, 2, 15);
        assertEquals(List.of("alwann-p01", "alwann-p00", "layer-p02", "layer-p04"),
                c.stream().map(FineTuneFront.Candidate::name).toList());
        assertEquals(tmp.resolve("layer/maps/p02.json"), c.get(2).map());
        assertThrows(MaxdnnException.class, () -> FineTuneFront.promising(Files.createDirectories(tmp.resolve("x")), 2, 15));
    }

    @Test
    void theSummaryTakesTheLargestFineTunedSavingWithinEachBoundOfTheBaseline() throws Exception {
        FineTune.Score exact = score(800, 1000);
        List<FineTuneFront.Point> points = List.of(
                point("layer", 0, 50, exact, score(795, 1000)),   // 0.5 pts below the baseline
                point("layer", 1, 70, exact, score(785, 1000)),   // 1.5 pts
                point("layer", 2, 80, exact, score(700, 1000)));  // 10 pts
        FineTuneFront.write(points, tmp);
        List<String> summary = Files.readAllLines(tmp.resolve("front-summary.csv"));
        assertEquals("layer,test,50.0,70.0,70.0", summary.get(1));
        assertEquals(4, Files.readAllLines(tmp.resolve("front.csv")).size());
        assertTrue(Files.size(tmp.resolve("front.png")) > 0 && Files.size(tmp.resolve("front.svg")) > 0);
    }

    private static FineTune.Score score(int k, int n) {
        return new FineTune.Score("m", "map", k, n, Significance.wilson(k, n));
    }

    private FineTuneFront.Point point(String approach, int i, double saving, FineTune.Score baseline,
                                      FineTune.Score tuned) {
        FineTune.Grade g = new FineTune.Grade("test", score(760, 1000), score(500, 1000), tuned, baseline);
        FineTune.Result r = new FineTune.Result(tmp.resolve("m.tflite"), null, List.of(g));
        return new FineTuneFront.Point(new FineTuneFront.Candidate(approach, i, tmp.resolve("p.json"), saving, 5), r);
    }
}
