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
        if (task instanceof Classification) {
            int[] counts = new int[4];
            for (int i = 0; i < map.samples(); i++) {
                boolean e = exact.perSample()[i] == 1;
                boolean m = map.perSample()[i] == 1;
                counts[(e ? 0 : 2) + (e == m ? 0 : 1)]++;
            }
            // counts: both right, only exact right, both wrong, only the map right
            return paired(counts[0], counts[1], counts[3], counts[2]);
        }
        if (task instanceof Fidelity f) {
            return ofFidelity(f, map, exact);
        }
        Significance.AucTest t = Significance.bootstrapAuc(task.sampleLabels(), map.perSample(), exact.perSample(), 1);
        return ofAuc(map.lossPts(exact), t);
    }

    /**
     * The bounds of a fidelity loss (100 × noise/signal, {@link Fidelity}): 5th and 95th percentiles
     * over the samples' bootstrap ({@link Significance#bootstrapFidelity}).
     */
    static LossBound ofFidelity(Fidelity f, AccuracyOracle.Score map, AccuracyOracle.Score exact) {
        Significance.Interval t = Significance.bootstrapFidelity(map.perSample(), f.signals(), 1,
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
        int n = both + onlyExact + onlyMap + neither;
        if (n == 0) {
            return new LossBound(0, -100, 100);
        }
        double twoSided = 1 - 2 * (1 - CONFIDENCE);
        double p1 = (both + onlyExact) / (double) n;
        double p2 = (both + onlyMap) / (double) n;
        Significance.Interval w1 = Significance.wilson(both + onlyExact, n, twoSided);
        Significance.Interval w2 = Significance.wilson(both + onlyMap, n, twoSided);
        double denominator = (double) (both + onlyExact) * (onlyMap + neither) * (both + onlyMap) * (onlyExact + neither);
        double phi = denominator == 0 ? 0
                : ((double) both * neither - (double) onlyExact * onlyMap) / Math.sqrt(denominator);
        double theta = p1 - p2;
        double below = spread(p1 - w1.low(), w2.high() - p2, phi);
        double above = spread(w1.high() - p1, p2 - w2.low(), phi);
        return new LossBound(100 * theta, 100 * (theta - below), 100 * (theta + above));
    }

    private static double spread(double x, double y, double phi) {
        return Math.sqrt(Math.max(0, x * x - 2 * phi * x * y + y * y));
    }
}
