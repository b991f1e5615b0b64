package org.maxdnn.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.task.Classification;

/**
 * The search bound clustered by source sample ({@link LossBound#clustered}): 400 sources on which the
 * exact model gets the first 300 right and a map loses {@code lost} of them, each source with its
 * variants after it as {@link Variants#pool} lays them out (all sources, then each variant round).
 */
class ClusteredBoundTest {
    static final int SOURCES = 400;

    /** Per-input outcomes of {@code rounds} copies of the sources; in the first {@code flippedRounds} the map gets the lost ones right. */
    private static double[] outcomes(int rounds, boolean exact, int lost, int flippedRounds) {
        double[] right = new double[SOURCES * rounds];
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < SOURCES; i++) {
                boolean e = i < 300;
                boolean m = e && i >= lost;
                if (!exact && r < flippedRounds && i < lost) {
                    m = true; // this variant the map gets right
                }
                right[r * SOURCES + i] = (exact ? e : m) ? 1 : 0;
            }
        }
        return right;
    }

    private static AccuracyOracle.Score score(double[] right) {
        return new AccuracyOracle.Score(java.util.Arrays.stream(right).sum() / right.length, Double.NaN, right);
    }

    private static int[] sources(int rounds) {
        int[] s = new int[SOURCES * rounds];
        for (int i = 0; i < s.length; i++) {
            s[i] = i % SOURCES;
        }
        return s;
    }

    private static Classification task(int inputs) {
        return new Classification(new int[inputs]);
    }

    @Test
    void identicalVariantsGiveTheBoundOfTheSourcesAlone() {
        LossBound alone = LossBound.of(task(SOURCES), score(outcomes(1, false, 20, 0)), score(outcomes(1, true, 20, 0)));
        AccuracyOracle.Score map = score(outcomes(3, false, 20, 0));
        AccuracyOracle.Score exact = score(outcomes(3, true, 20, 0));
        LossBound naive = LossBound.of(task(3 * SOURCES), map, exact);
        LossBound clustered = LossBound.of(task(3 * SOURCES), map, exact, sources(3));
        assertEquals(alone.lossPts(), clustered.lossPts(), 1e-9);
        assertEquals(alone.highPts(), clustered.highPts(), 1e-9);
        assertEquals(alone.lowPts(), clustered.lowPts(), 1e-9);
        assertTrue(clustered.highPts() > naive.highPts() + 0.5, clustered + " vs " + naive);
    }

    @Test
    void withNoChangedOutcomeTheBoundIsThatOfTheSources() {
        LossBound alone = LossBound.of(task(SOURCES), score(outcomes(1, false, 0, 0)), score(outcomes(1, true, 0, 0)));
        AccuracyOracle.Score same = score(outcomes(3, true, 0, 0));
        LossBound clustered = LossBound.of(task(3 * SOURCES), same, same, sources(3));
        assertEquals(alone.highPts(), clustered.highPts(), 1e-9);
        assertTrue(clustered.highPts() > LossBound.of(task(3 * SOURCES), same, same).highPts());
    }

    @Test
    void sourcesOfOneInputKeepTheUnclusteredBoundExactly() {
        AccuracyOracle.Score map = score(outcomes(1, false, 20, 0));
        AccuracyOracle.Score exact = score(outcomes(1, true, 20, 0));
        assertEquals(LossBound.of(task(SOURCES), map, exact), LossBound.of(task(SOURCES), map, exact, sources(1)));
        assertEquals(LossBound.paired(280, 20, 0, 100), LossBound.of(task(SOURCES), map, exact));
    }

    @Test
    void partlyIndependentVariantsLieBetween() {
        // of 20 sources the map gets the own image right and loses both variants
        AccuracyOracle.Score map = score(outcomes(3, false, 20, 1));
        AccuracyOracle.Score exact = score(outcomes(3, true, 20, 1));
        LossBound naive = LossBound.of(task(3 * SOURCES), map, exact);
        LossBound clustered = LossBound.of(task(3 * SOURCES), map, exact, sources(3));
        assertEquals(naive.lossPts(), clustered.lossPts(), 1e-12);
        assertTrue(clustered.highPts() > naive.highPts(), clustered + " vs " + naive);
    }

    @Test
    void theResultsSourcesReachTheSelection() {
        // a point losing 40 of 1,200 inputs, 2 of 3 of 20 sources': kept within a bound naively, not clustered
        AccuracyOracle.Score map = score(outcomes(3, false, 20, 1));
        AccuracyOracle.Score exact = score(outcomes(3, true, 20, 1));
        ApproxMap m = ApproxMap.layerLevel(Map.of("conv0", MultiplierConfig.parse("roup-p1r2")));
        Explorer.Point p = new Explorer.Point("layer", new int[] {1}, m, 50, 50, map, map.lossPts(exact), null);
        Exploration.Result plain = new Exploration.Result(List.of(SelectionTest.front(p)), "accuracy", exact, null, null,
                task(3 * SOURCES), null);
        Exploration.Result clustered = plain.withSearchSources(sources(3));
        double bound = (plain.searchBound(p).highPts() + clustered.searchBound(p).highPts()) / 2;
        assertSame(p, plain.chosen(bound).chosen());
        assertNull(clustered.chosen(bound).chosen());
        assertEquals(clustered.searchBound(p), ExploreReport.searchBounds(clustered).get(p));
        assertTrue(clustered.rule(bound).contains("clustered by source sample"));
    }
}
