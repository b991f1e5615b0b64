package org.maxdnn.explore;

import java.io.Serializable;
import java.util.Random;

/**
 * Sequential evaluation (SPEC §9.1, cost): a classifier's candidate map is scored on its search
 * inputs in a fixed shuffled order ({@link #order}), and at each look (after {@code firstLook}
 * inputs, then twice as many, and so on) it is stopped when it is clearly out:
 * <ul>
 * <li><b>dominated</b>: a fully scored map of the same search with no more energy (the
 * {@code reference}) will have a lower objective on the whole search part, with confidence: the
 * paired per-input difference of the objective, candidate minus reference, has its lower bound
 * above 0;</li>
 * <li><b>out of the bound</b>: its loss against the exact model on the whole search part has its lower
 * bound above {@code capPts} points.</li>
 * </ul>
 * The lower bound of a whole-set mean D from the first k of n inputs, whose mean is m and standard
 * deviation s: D = (k·m + (n − k)·m′)/n with m′ the mean of the n − k not yet run, estimated by m
 * with standard error s·√(1/k + 1/(n − k)), so D ≥ m − z·s·((n − k)/n)·√(1/k + 1/(n − k)), one-sided
 * at z standard errors (z = 3.5: 2.3·10⁻⁴ per look). A stopped map keeps the figures of the inputs it
 * ran as its objective; the search's fronts are built from complete scores only, so a stopped map is
 * never on a front, and a map that runs to the end has exactly the score it has without the rule.
 * Serialisable, so a distributed evaluator sends each map's rule with it ({@code SparkEvaluator}).
 */
public final class StoppingRule implements Serializable {
    private static final long serialVersionUID = 1L;
    /**
     * Whether and how to stop: {@code on} false scores every map on every input.
     *
     * @param firstLook inputs before the first look (then doubling)
     * @param z         standard errors of the one-sided bounds
     * @param capPts    the loss, points, above which a map is out of the bound (infinite: never)
     */
    public record Settings(boolean on, int firstLook, double z, double capPts) {
        /** No sequential evaluation. */
        public static final Settings OFF = new Settings(false, 1, 0, Double.POSITIVE_INFINITY);

        public Settings {
            if (firstLook < 1 || z < 0 || !(capPts >= 0)) {
                throw new IllegalArgumentException("first look >= 1, z >= 0 and cap >= 0: " + firstLook + ", " + z + ", " + capPts);
            }
        }

        /**
         * The default: looks from 100 inputs, z = 3.5, maps stopped when clearly above twice the
         * largest loss bound the reports read ({@code max(maxLossPts, 4)} points), so each front keeps
         * its knee beyond the bound.
         */
        public static Settings forBound(double maxLossPts) {
            return new Settings(true, 100, 3.5, 2 * Math.max(maxLossPts, 4));
        }
    }

    private static final long ORDER_SEED = 20261207L;

    private final int firstLook;
    private final double z;
    private final Explorer.Objective objective;
    private final int[] labels;
    private final double[] exactClasses;
    private final double[] referenceClasses;
    private final double capPts;

    /**
     * @param referenceClasses the reference map's class of each input (null: none, only the bound
     *                         applies)
     */
    public StoppingRule(Settings settings, Explorer.Objective objective, int[] labels, double[] exactClasses,
                        double[] referenceClasses) {
        this.firstLook = settings.firstLook();
        this.z = settings.z();
        this.objective = objective;
        this.labels = labels;
        this.exactClasses = exactClasses;
        this.referenceClasses = referenceClasses;
        this.capPts = settings.capPts();
    }

    /** The sequential order of {@code n} inputs: a permutation fixed for n (a seeded Fisher-Yates shuffle). */
    public static int[] order(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random r = new Random(ORDER_SEED);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    public int firstLook() {
        return firstLook;
    }

    /**
     * Whether to stop after the first {@code k} inputs of {@code order}, whose classes are in
     * {@code classes} (indexed by input).
     */
    public boolean stop(int[] order, int k, double[] classes) {
        int n = classes.length;
        if (referenceClasses != null) {
            double sum = 0;
            double sumSq = 0;
            for (int j = 0; j < k; j++) {
                int i = order[j];
                double d = cost(classes[i], i) - cost(referenceClasses[i], i);
                sum += d;
                sumSq += d * d;
            }
            if (lowerBound(sum, sumSq, k, n, z) > 0) {
                return true;
            }
        }
        if (Double.isFinite(capPts)) {
            double sum = 0;
            double sumSq = 0;
            for (int j = 0; j < k; j++) {
                int i = order[j];
                double loss = hit(exactClasses[i], labels[i]) - hit(classes[i], labels[i]);
                sum += loss;
                sumSq += loss * loss;
            }
            return 100 * lowerBound(sum, sumSq, k, n, z) > capPts;
        }
        return false;
    }

    /** The objective's share of one input: 1 when it is wrong (METRIC) or differs from the exact class (AGREEMENT). */
    private double cost(double cls, int i) {
        return objective == Explorer.Objective.AGREEMENT ? 1 - hit(cls, exactClasses[i]) : 1 - hit(cls, labels[i]);
    }

    private static double hit(double cls, double expected) {
        return cls == expected ? 1 : 0;
    }

    /** See the class comment: the lower bound of the mean over all n from the first k's sum and sum of squares. */
    static double lowerBound(double sum, double sumSq, int k, int n, double z) {
        double m = sum / k;
        if (k >= n) {
            return m;
        }
        double var = k > 1 ? Math.max(0, (sumSq - k * m * m) / (k - 1)) : Double.POSITIVE_INFINITY;
        return m - z * Math.sqrt(var) * ((n - k) / (double) n) * Math.sqrt(1.0 / k + 1.0 / (n - k));
    }
}
