package org.maxdnn.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.maxdnn.task.RocAuc;

/**
 * The statistics of a map's validation figure against the exact model's on the same samples: how
 * sure the figure is (a 95% interval) and whether the map differs from the exact model at all (a
 * paired test, which is far more sensitive than comparing two intervals, since both models see the
 * same samples).
 */
public final class Significance {
    /** Confidence of every interval. */
    public static final double CONFIDENCE = 0.95;
    /** Bootstrap resamples of the AUC statistics; with a fixed seed, so reports repeat. */
    static final int BOOTSTRAP_RESAMPLES = 2000;

    /** An interval [low, high] of a share. */
    public record Interval(double low, double high) {
    }

    private Significance() {
    }

    /** The Wilson score interval of a binomial share {@code k/n} at {@link #CONFIDENCE}. */
    public static Interval wilson(int k, int n) {
        return wilson(k, n, CONFIDENCE);
    }

    /** The two-sided Wilson score interval of {@code k/n} at {@code confidence}. */
    static Interval wilson(int k, int n, double confidence) {
        return wilson((double) k, (double) n, confidence);
    }

    /** The Wilson interval of {@code k/n} for real counts (an effective sample size, {@link LossBound#clustered}). */
    static Interval wilson(double k, double n, double confidence) {
        if (n == 0) {
            return new Interval(0, 1);
        }
        double z = new NormalDistribution().inverseCumulativeProbability(1 - (1 - confidence) / 2);
        double p = k / n;
        double z2n = z * z / n;
        double centre = (p + z2n / 2) / (1 + z2n);
        double half = z / (1 + z2n) * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n));
        return new Interval(Math.max(0, centre - half), Math.min(1, centre + half));
    }

    /**
     * McNemar's exact test, two-sided: {@code b} samples only the first model gets right, {@code c}
     * only the second; under the null hypothesis each discordant sample is a fair coin, so
     * p = min(1, 2·P[Binomial(b + c, ½) ≤ min(b, c)]) (1 when no sample is discordant).
     */
    public static double mcNemarExact(int b, int c) {
        int n = b + c;
        if (n == 0) {
            return 1;
        }
        return Math.min(1, 2 * new BinomialDistribution(null, n, 0.5).cumulativeProbability(Math.min(b, c)));
    }

    /**
     * The percentile bootstrap interval of a fidelity metric {@code 1 − Σnoise/Σsignal} over samples
     * ({@link org.maxdnn.task.Fidelity}) at {@code confidence} (two-sided): each resample draws the
     * samples with replacement.
     */
    public static Interval bootstrapFidelity(double[] noise, double[] signal, long seed, double confidence) {
        int n = noise.length;
        if (n == 0) {
            return new Interval(Double.NaN, Double.NaN);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] metric = new double[BOOTSTRAP_RESAMPLES];
        for (int r = 0; r < BOOTSTRAP_RESAMPLES; r++) {
            double sn = 0;
            double ss = 0;
            for (int j = 0; j < n; j++) {
                int i = random.nextInt(n);
                sn += noise[i];
                ss += signal[i];
            }
            metric[r] = ss == 0 ? (sn == 0 ? 1 : Double.NEGATIVE_INFINITY) : 1 - sn / ss;
        }
        java.util.Arrays.sort(metric);
        double tail = (1 - confidence) / 2;
        return new Interval(metric[(int) Math.floor(tail * (BOOTSTRAP_RESAMPLES - 1))],
                metric[(int) Math.ceil((1 - tail) * (BOOTSTRAP_RESAMPLES - 1))]);
    }

    /**
     * The same bootstrap over source samples: {@code source[i]} is input i's sample ({@link Variants.Pool#source}),
     * and each resample draws the sources with replacement, each with all its inputs (its variants go
     * together); null: every input its own sample, exactly {@link #bootstrapFidelity(double[], double[], long, double)}.
     */
    public static Interval bootstrapFidelity(double[] noise, double[] signal, int[] source, long seed,
                                             double confidence) {
        if (source == null) {
            return bootstrapFidelity(noise, signal, seed, confidence);
        }
        return bootstrapFidelity(bySource(noise, source), bySource(signal, source), seed, confidence);
    }

    /** Each source's sum of {@code values} (indexed by input; {@code source[i]} input i's source). */
    static double[] bySource(double[] values, int[] source) {
        int sources = 0;
        for (int s : source) {
            sources = Math.max(sources, s + 1);
        }
        double[] sum = new double[sources];
        for (int i = 0; i < values.length; i++) {
            sum[source[i]] += values[i];
        }
        return sum;
    }

    /**
     * An AUC's percentile bootstrap interval, the paired bootstrap p-value of its difference from
     * another's, and {@code loss}: the {@link LossBound#CONFIDENCE one-sided} percentile bounds of the
     * other's AUC minus this one's (5th and 95th percentiles).
     */
    public record AucTest(Interval interval, double pValue, Interval loss) {
    }

    /**
     * Stratified paired bootstrap over files: each resample draws the normal and the anomalous files
     * with replacement (their counts kept) and scores both models on the same draw. The interval is
     * the 2.5th–97.5th percentile of the map's AUC; the two-sided p-value of ΔAUC = map − exact is
     * min(1, 2·min(P*[Δ ≤ 0], P*[Δ ≥ 0])) over the resamples.
     */
    public static AucTest bootstrapAuc(int[] labels, double[] mapScores, double[] exactScores, long seed) {
        List<Integer> normal = new ArrayList<>();
        List<Integer> anomalous = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            (labels[i] == 1 ? anomalous : normal).add(i);
        }
        if (normal.isEmpty() || anomalous.isEmpty()) {
            return new AucTest(new Interval(Double.NaN, Double.NaN), Double.NaN, new Interval(Double.NaN, Double.NaN));
        }
        SplittableRandom random = new SplittableRandom(seed);
        int n = labels.length;
        int[] l = new int[n];
        double[] a = new double[n];
        double[] e = new double[n];
        double[] auc = new double[BOOTSTRAP_RESAMPLES];
        double[] loss = new double[BOOTSTRAP_RESAMPLES];
        int atMost = 0;
        int atLeast = 0;
        for (int r = 0; r < BOOTSTRAP_RESAMPLES; r++) {
            int k = 0;
            for (List<Integer> stratum : List.of(normal, anomalous)) {
                for (int j = 0; j < stratum.size(); j++) {
                    int i = stratum.get(random.nextInt(stratum.size()));
                    l[k] = labels[i];
                    a[k] = mapScores[i];
                    e[k] = exactScores[i];
                    k++;
                }
            }
            auc[r] = RocAuc.of(l, a);
            double delta = auc[r] - RocAuc.of(l, e);
            loss[r] = -delta;
            atMost += delta <= 0 ? 1 : 0;
            atLeast += delta >= 0 ? 1 : 0;
        }
        java.util.Arrays.sort(auc);
        double tail = (1 - CONFIDENCE) / 2;
        Interval ci = new Interval(auc[(int) Math.floor(tail * (BOOTSTRAP_RESAMPLES - 1))],
                auc[(int) Math.ceil((1 - tail) * (BOOTSTRAP_RESAMPLES - 1))]);
        double p = Math.min(1, 2.0 * Math.min(atMost, atLeast) / BOOTSTRAP_RESAMPLES);
        java.util.Arrays.sort(loss);
        double oneSided = 1 - LossBound.CONFIDENCE;
        Interval lossBounds = new Interval(loss[(int) Math.floor(oneSided * (BOOTSTRAP_RESAMPLES - 1))],
                loss[(int) Math.ceil((1 - oneSided) * (BOOTSTRAP_RESAMPLES - 1))]);
        return new AucTest(ci, p, lossBounds);
    }
}
