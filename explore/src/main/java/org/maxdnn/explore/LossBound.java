package org.maxdnn.explore;

import org.maxdnn.task.Classification;
import org.maxdnn.task.Fidelity;
import org.maxdnn.task.Task;

/**
 * How sure a map's loss against the exact model is, on the samples both were scored on: the loss in
 * points with its one-sided {@link #CONFIDENCE} lower and upper bounds (each bound alone holds with
 * that confidence; together they are a two-sided 90% interval). The selection keeps a map within
 * {@code --max-loss L} only when its upper bound is within L ({@link Selection}).
 * <p>
 * For a classifier the loss is a paired difference of two top-1 accuracies on the same images, and
 * the bounds are Newcombe's hybrid score interval for it (Newcombe 1998, method 10): the Wilson
 * intervals of both accuracies combined with the correlation of their per-image outcomes, so a map
 * that changes few predictions gets a narrow interval. For anomaly detection they are the 5th and
 * 95th percentiles of the AUC loss over the stratified paired bootstrap of {@link Significance#bootstrapAuc}.
 */
public record LossBound(double lossPts, double lowPts, double highPts) {
    /** Confidence of each one-sided bound. */
    public static final double CONFIDENCE = 0.95;

    /** How the search part's bounds are clustered when it holds variants ({@link #clustered}), for reports. */
    public static final String CLUSTERED = "with variants the search part's bounds are clustered by source sample: "
            + "the paired counts divided by the design effect (cluster-robust over independent variance of the mean "
            + "paired difference, at least 1) before Newcombe's interval";

    /** How a fidelity task's search bounds are clustered when its search part holds variants, for reports. */
    public static final String CLUSTERED_BOOTSTRAP = "with variants the search part's bounds are clustered by source "
            + "sample: each bootstrap resample draws the source samples, each with all its variants";

    /** How {@code task}'s search bounds are clustered by source sample ({@link #of}), for reports. */
    public static String clusteredMethod(Task task) {
        return task instanceof Fidelity ? CLUSTERED_BOOTSTRAP : CLUSTERED;
    }

    /** How the bounds are computed, for reports. */
    public static String method(Task task) {
        return task instanceof Classification
                ? "one-sided 95% bounds of the loss: Newcombe's hybrid score interval for a paired difference of "
                + "accuracies (Wilson intervals of both, with the correlation of their per-image outcomes)"
                : task instanceof Fidelity ? "one-sided 95% bounds of the loss: 5th and 95th percentiles of 100 x "
                + "noise/signal over the bootstrap of samples (" + Significance.BOOTSTRAP_RESAMPLES + " resamples, seed 1)"
                : "one-sided 95% bounds of the loss: 5th and 95th percentiles of the AUC loss over the stratified paired "
                + "bootstrap of files (" + Significance.BOOTSTRAP_RESAMPLES + " resamples, seed 1)";
    }

    /** {@code map}'s loss against {@code exact} on the same samples of {@code task}, with its bounds. */
    public static LossBound of(Task task, AccuracyOracle.Score map, AccuracyOracle.Score exact) {
        return of(task, map, exact, null);
    }

    /**
     * The same, the samples clustered by {@code source} ({@code source[i]}: input i's source sample,
     * {@link Variants.Pool#source}; null: every input its own): a classifier's bounds by
     * {@link #clustered}, a fidelity's bootstrap drawing source samples with all their variants
     * ({@link Significance#bootstrapFidelity(double[], double[], int[], long, double)}); an AUC's bootstrap
     * draws files, whose windows are one sample already (an anomaly pool names no sources).
     */
    public static LossBound of(Task task, AccuracyOracle.Score map, AccuracyOracle.Score exact, int[] source) {
        if (task instanceof Classification) {
            int[] counts = new int[4];
            for (int i = 0; i < map.samples(); i++) {
                boolean e = exact.perSample()[i] == 1;
                boolean m = map.perSample()[i] == 1;
                counts[(e ? 0 : 2) + (e == m ? 0 : 1)]++;
            }
            // counts: both right, only exact right, both wrong, only the map right
            LossBound naive = paired(counts[0], counts[1], counts[3], counts[2]);
            return source == null ? naive : clustered(naive, counts, map, exact, source);
        }
        if (task instanceof Fidelity f) {
            return ofFidelity(f, map, exact, source);
        }
        Significance.AucTest t = Significance.bootstrapAuc(task.sampleLabels(), map.perSample(), exact.perSample(), 1);
        return ofAuc(map.lossPts(exact), t);
    }

    /**
     * The bounds of a fidelity loss (100 × noise/signal, {@link Fidelity}): 5th and 95th percentiles
     * over the samples' bootstrap ({@link Significance#bootstrapFidelity}).
     */
    static LossBound ofFidelity(Fidelity f, AccuracyOracle.Score map, AccuracyOracle.Score exact) {
        return ofFidelity(f, map, exact, null);
    }

    /** The same, the bootstrap drawing the source samples {@code source} names (null: the inputs). */
    static LossBound ofFidelity(Fidelity f, AccuracyOracle.Score map, AccuracyOracle.Score exact, int[] source) {
        Significance.Interval t = Significance.bootstrapFidelity(map.perSample(), f.signals(), source, 1,
                1 - 2 * (1 - CONFIDENCE));
        return new LossBound(map.lossPts(exact), 100 * (1 - t.high()), 100 * (1 - t.low()));
    }

    /** The bounds of an AUC loss from its bootstrap. */
    static LossBound ofAuc(double lossPts, Significance.AucTest t) {
        return new LossBound(lossPts, 100 * t.loss().low(), 100 * t.loss().high());
    }

    /**
     * Newcombe's hybrid score bounds of the exact model's accuracy minus the map's, in points, from
     * the paired counts: {@code both} images both get right, {@code onlyExact} only the exact model,
     * {@code onlyMap} only the map, {@code neither} neither.
     */
    public static LossBound paired(int both, int onlyExact, int onlyMap, int neither) {
        return paired((double) both, onlyExact, onlyMap, neither);
    }

    /** {@link #paired(int, int, int, int)} on real counts (the same arithmetic; {@link #clustered}'s effective counts). */
    static LossBound paired(double both, double onlyExact, double onlyMap, double neither) {
        double n = both + onlyExact + onlyMap + neither;
        if (n == 0) {
            return new LossBound(0, -100, 100);
        }
        double twoSided = 1 - 2 * (1 - CONFIDENCE);
        double p1 = (both + onlyExact) / (double) n;
        double p2 = (both + onlyMap) / (double) n;
        Significance.Interval w1 = Significance.wilson(both + onlyExact, n, twoSided);
        Significance.Interval w2 = Significance.wilson(both + onlyMap, n, twoSided);
        double denominator = (both + onlyExact) * (onlyMap + neither) * (both + onlyMap) * (onlyExact + neither);
        double phi = denominator == 0 ? 0 : (both * neither - onlyExact * onlyMap) / Math.sqrt(denominator);
        double theta = p1 - p2;
        double below = spread(p1 - w1.low(), w2.high() - p2, phi);
        double above = spread(w1.high() - p1, p2 - w2.low(), phi);
        return new LossBound(100 * theta, 100 * (theta - below), 100 * (theta + above));
    }

    /**
     * Newcombe's bounds at the effective sample size of clustered inputs (Kish): the paired counts
     * divided by the design effect deff = V_cluster / V_iid, the ratio of the cluster-robust (sandwich)
     * variance of the mean paired difference, Σ_c (d_c − θ n_c)² / N² over sources c with d_c the sum of
     * their inputs' differences (exact right − map right) and n_c their number, to the variance treating
     * the N inputs as independent, Σ_i (d_i − θ)² / N²; deff is taken at least 1, so a clustered bound
     * is never narrower than {@code naive}, and as N / C (inputs per source) when no input's outcome
     * changes (the ratio is 0/0 then). Sources of one input each give deff = 1 and {@code naive}
     * itself; variants identical to their source (k inputs each) give deff = k and the bound of the
     * sources alone.
     */
    static LossBound clustered(LossBound naive, int[] counts, AccuracyOracle.Score map, AccuracyOracle.Score exact,
                               int[] source) {
        int n = map.samples();
        int sources = 0;
        for (int i = 0; i < n; i++) {
            sources = Math.max(sources, source[i] + 1);
        }
        if (sources >= n) {
            return naive;
        }
        double[] d = new double[sources];
        int[] size = new int[sources];
        double total = 0;
        for (int i = 0; i < n; i++) {
            double di = exact.perSample()[i] - map.perSample()[i];
            d[source[i]] += di;
            size[source[i]]++;
            total += di;
        }
        double theta = total / n;
        double iid = 0;
        for (int i = 0; i < n; i++) {
            double r = exact.perSample()[i] - map.perSample()[i] - theta;
            iid += r * r;
        }
        double cluster = 0;
        for (int c = 0; c < sources; c++) {
            double r = d[c] - theta * size[c];
            cluster += r * r;
        }
        // no changed outcome: the correlation is not estimable, so the worst case, inputs per source
        double deff = iid == 0 ? n / (double) sources : Math.max(1, cluster / iid);
        if (deff == 1) {
            return naive;
        }
        return paired(counts[0] / deff, counts[1] / deff, counts[3] / deff, counts[2] / deff);
    }

    private static double spread(double x, double y, double phi) {
        return Math.sqrt(Math.max(0, x * x - 2 * phi * x * y + y * y));
    }
}
