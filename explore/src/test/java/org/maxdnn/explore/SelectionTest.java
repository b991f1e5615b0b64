package org.maxdnn.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.task.Classification;

/**
 * The choice from hand-built fronts of 2,000 search and 2,000 validation images on which the exact
 * model gets the first 1,500 right: a map is chosen only when its loss's upper bound is within the
 * bound on the search part and on the validation part.
 */
class SelectionTest {
    static final int N = 2000;
    static final int EXACT_RIGHT = 1500;
    static final double MAX_LOSS = 4;
    static final Classification TASK = new Classification(new int[N]);
    static final AccuracyOracle.Score EXACT = score(0, 0);

    /** A map's score: of the exact model's right images it gets {@code lost} wrong, of its wrong ones {@code gained} right. */
    static AccuracyOracle.Score score(int lost, int gained) {
        double[] right = new double[N];
        for (int i = 0; i < N; i++) {
            right[i] = i < EXACT_RIGHT ? (i < lost ? 0 : 1) : (i - EXACT_RIGHT < gained ? 1 : 0);
        }
        double metric = java.util.Arrays.stream(right).sum() / N;
        return new AccuracyOracle.Score(metric, 1 - (lost + gained) / (double) N, right);
    }

    /** A point saving {@code saving}% with the given (lost, gained) images on search and on validation data. */
    static Explorer.Point point(double saving, int searchLost, int searchGained, int validationLost, int validationGained) {
        AccuracyOracle.Score s = score(searchLost, searchGained);
        ApproxMap map = ApproxMap.layerLevel(Map.of("conv0", MultiplierConfig.parse("roup-p1r2")));
        return new Explorer.Point("layer", new int[] {1}, map, 100 - saving, saving, s, s.lossPts(EXACT),
                Validation.of(TASK, score(validationLost, validationGained), EXACT));
    }

    static Explorer.Front front(Explorer.Point... points) {
        MapSpace space = new MapSpace() {
            @Override
            public String name() {
                return "layer";
            }

            @Override
            public String description() {
                return "hand-built";
            }

            @Override
            public int genes() {
                return 1;
            }

            @Override
            public int alleles(int gene) {
                return 2;
            }

            @Override
            public ApproxMap map(int[] genome) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<int[]> seeds() {
                return List.of();
            }
        };
        return new Explorer.Front(space, List.of(points), points.length, 0, 0, 0);
    }

    @Test
    void theNaivePickWhoseValidationLossIsSignificantlyWorseThanTheBoundIsRejected() {
        // 1 point lost on search, 8 on validation: the search figure alone picks it
        Explorer.Point overfitted = point(60, 30, 10, 170, 10);
        Explorer.Point sound = point(40, 30, 10, 34, 10);
        Explorer.Point exact = point(0, 0, 0, 0, 0);
        Explorer.Front f = front(exact, sound, overfitted);
        assertSame(overfitted, f.best(MAX_LOSS), "the old rule: the largest saving within the bound on search data");
        assertTrue(overfitted.validation().bound().lowPts() > MAX_LOSS, "its validation loss is significantly worse: "
                + overfitted.validation().bound());

        Selection s = Selection.of(List.of(f), TASK, EXACT, MAX_LOSS);
        assertSame(overfitted, s.naive());
        assertSame(sound, s.chosen(), s.text());
        assertEquals(1, s.rejected().size());
        assertSame(overfitted, s.rejected().get(0).point());
        assertTrue(s.rejected().get(0).significantlyWorse(MAX_LOSS));
        assertTrue(s.chosen().validation().bound().highPts() <= MAX_LOSS, s.chosen().validation().bound().toString());
        assertEquals(1.0, s.bound().lossPts(), 1e-9);
        assertTrue(s.bound().highPts() > 1.0 && s.bound().highPts() < MAX_LOSS, s.bound().toString());
        assertTrue(s.text().startsWith("layer, saving 40.0%, validation loss 1.20 pts (upper bound "), s.text());
        assertTrue(s.text().contains("1 larger saving(s) kept on search data were not confirmed")
                && s.text().contains("significantly worse than the bound"), s.text());
    }

    @Test
    void aPointWithinTheBoundOnlyByItsSearchEstimateIsNotKept() {
        // 3.9 points lost on search: within 4 by the estimate, not by its upper bound; fine on validation
        Explorer.Point edge = point(70, 78, 0, 0, 0);
        Explorer.Point sound = point(40, 30, 10, 34, 10);
        Selection s = Selection.of(List.of(front(point(0, 0, 0, 0, 0), sound, edge)), TASK, EXACT, MAX_LOSS);
        assertSame(edge, s.naive());
        assertTrue(LossBound.of(TASK, edge.score(), EXACT).highPts() > MAX_LOSS);
        assertSame(sound, s.chosen());
        assertTrue(s.rejected().isEmpty(), "not kept on search data, so not a rejection by validation");
    }

    @Test
    void withNoPointConfirmedTheExactMapIsChosenAndSaysWhy() {
        // kept on search data (0.5 points), but 4.5 points lost on validation: its upper bound is above 4
        Explorer.Point only = point(50, 10, 0, 90, 0);
        Selection s = Selection.of(List.of(front(only)), TASK, EXACT, MAX_LOSS);
        assertNull(s.chosen());
        assertNull(s.bound());
        assertEquals(1, s.rejected().size());
        assertTrue(!s.rejected().get(0).significantlyWorse(MAX_LOSS), "4.5 on 2,000 images is not significantly above 4");
        assertTrue(s.text().startsWith("no approximate map keeps within 4.0 points with 95% confidence: the exact map is used"),
                s.text());
    }

    @Test
    void theBoundsOfAMapThatChangesNothingAreNarrowAndOfOneThatLosesWide() {
        LossBound same = LossBound.paired(1400, 0, 0, 600);
        assertEquals(0, same.lossPts(), 0);
        assertTrue(same.lowPts() <= 0 && same.highPts() >= 0 && same.highPts() < 0.1, same.toString());
        LossBound lossy = LossBound.paired(1300, 100, 20, 580);
        assertEquals(4.0, lossy.lossPts(), 1e-9);
        assertTrue(lossy.lowPts() < 4 && lossy.highPts() > 4, lossy.toString());
        // the same shares on a tenth of the images: an interval about √10 times as wide
        LossBound small = LossBound.paired(130, 10, 2, 58);
        double ratio = (small.highPts() - small.lowPts()) / (lossy.highPts() - lossy.lowPts());
        assertTrue(ratio > 2.8 && ratio < 3.6, "ratio " + ratio);
    }

    /** Each one-sided bound holds in about 95% of samples drawn with a known loss (4 points). */
    @Test
    void eachOneSidedBoundCoversTheTrueLossAboutNinetyFivePercentOfTheTime() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        int trials = 4000;
        int upperHolds = 0;
        int lowerHolds = 0;
        for (int t = 0; t < trials; t++) {
            int[] c = new int[4];
            for (int i = 0; i < 500; i++) {
                double u = random.nextDouble();
                c[u < 0.70 ? 0 : u < 0.76 ? 1 : u < 0.78 ? 2 : 3]++; // both, only exact, only map, neither
            }
            LossBound b = LossBound.paired(c[0], c[1], c[2], c[3]);
            upperHolds += b.highPts() >= 4 ? 1 : 0;
            lowerHolds += b.lowPts() <= 4 ? 1 : 0;
        }
        List<Double> shares = new ArrayList<>(List.of(upperHolds / (double) trials, lowerHolds / (double) trials));
        for (double share : shares) {
            assertTrue(share > 0.93 && share < 0.975, "coverage " + shares);
        }
    }
}
