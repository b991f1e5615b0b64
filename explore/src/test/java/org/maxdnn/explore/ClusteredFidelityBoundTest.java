package org.maxdnn.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.maxdnn.task.Fidelity;

/**
 * A fidelity task's search bound with variants ({@code --task snr --variants N}): the bootstrap draws
 * source samples, each with all its variants ({@link LossBound#of} with the pool's sources). 60
 * sources of four int8 outputs each, a map with noise on some of them, every source followed by its
 * variants as {@link Variants#pool} lays them out; the variants here are copies of their source.
 */
class ClusteredFidelityBoundTest {
    static final int SOURCES = 60;

    private static int[][] exactOutputs() {
        SplittableRandom random = new SplittableRandom(7);
        int[][] e = new int[SOURCES][4];
        for (int[] row : e) {
            for (int k = 0; k < row.length; k++) {
                row[k] = random.nextInt(-128, 128);
            }
        }
        return e;
    }

    private static double[] noise() {
        SplittableRandom random = new SplittableRandom(11);
        double[] n = new double[SOURCES];
        for (int i = 0; i < SOURCES; i++) {
            n[i] = i % 3 == 0 ? 0 : random.nextDouble(0, 40);
        }
        return n;
    }

    /** {@code rounds} copies of {@code x}, the sources first, then each variant round. */
    private static <T> T[] repeated(T[] x, int rounds, T[] into) {
        for (int r = 0; r < rounds; r++) {
            System.arraycopy(x, 0, into, r * x.length, x.length);
        }
        return into;
    }

    private static double[] repeated(double[] x, int rounds) {
        double[] out = new double[x.length * rounds];
        for (int r = 0; r < rounds; r++) {
            System.arraycopy(x, 0, out, r * x.length, x.length);
        }
        return out;
    }

    private static int[] sources(int rounds) {
        int[] s = new int[SOURCES * rounds];
        for (int i = 0; i < s.length; i++) {
            s[i] = i % SOURCES;
        }
        return s;
    }

    private static Fidelity task(int rounds) {
        return new Fidelity(repeated(exactOutputs(), rounds, new int[SOURCES * rounds][]), 0.05f, -3);
    }

    private static AccuracyOracle.Score map(Fidelity f, double[] noise) {
        return new AccuracyOracle.Score(f.metric(noise), Double.NaN, noise);
    }

    private static AccuracyOracle.Score exact(Fidelity f) {
        double[] none = new double[f.exact().length];
        return new AccuracyOracle.Score(f.metric(none), Double.NaN, none);
    }

    @Test
    void copiesOfTheirSourceGiveTheBoundOfTheSourcesAlone() {
        Fidelity one = task(1);
        LossBound alone = LossBound.of(one, map(one, noise()), exact(one));
        Fidelity three = task(3);
        AccuracyOracle.Score map = map(three, repeated(noise(), 3));
        LossBound independent = LossBound.of(three, map, exact(three));
        LossBound clustered = LossBound.of(three, map, exact(three), sources(3));

        assertEquals(alone.lossPts(), clustered.lossPts(), 1e-9);
        assertEquals(alone.lowPts(), clustered.lowPts(), 1e-9);
        assertEquals(alone.highPts(), clustered.highPts(), 1e-9);
        // the 180 inputs as if independent: a narrower interval about the same loss, which the copies do not earn
        assertEquals(alone.lossPts(), independent.lossPts(), 1e-9);
        assertTrue(independent.highPts() < clustered.highPts() - 0.05, independent + " vs " + clustered);
        assertTrue(independent.lowPts() > clustered.lowPts() + 0.05, independent + " vs " + clustered);
    }

    @Test
    void withoutVariantsTheBootstrapIsOverInputsAsBefore() {
        Fidelity one = task(1);
        AccuracyOracle.Score map = map(one, noise());
        // the bounds as computed before clustering: the inputs' bootstrap, seed 1, two-sided 90%
        Significance.Interval t = Significance.bootstrapFidelity(noise(), one.signals(), 1, 0.90);
        LossBound plain = LossBound.of(one, map, exact(one), null);
        assertEquals(100 * (1 - t.high()), plain.lowPts(), 0);
        assertEquals(100 * (1 - t.low()), plain.highPts(), 0);
        assertEquals(plain, LossBound.of(one, map, exact(one)));
        // sources of one input each are no clusters
        assertEquals(plain, LossBound.of(one, map, exact(one), sources(1)));
    }

    @Test
    void theRuleSaysHowTheBootstrapIsClustered() {
        Fidelity three = task(3);
        Exploration.Result r = new Exploration.Result(List.of(), three.metricName(), exact(three), null, null, three,
                sources(3));
        assertEquals(Selection.rule(three, 1) + "; " + LossBound.CLUSTERED_BOOTSTRAP, r.rule(1));
        assertEquals(Selection.rule(three, 1), r.withSearchSources(null).rule(1));
    }
}
