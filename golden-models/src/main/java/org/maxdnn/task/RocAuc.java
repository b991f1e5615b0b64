package org.maxdnn.task;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The area under the ROC curve of scores against binary labels (1 = positive), as the
 * Mann–Whitney statistic: the share of (positive, negative) pairs the scores order correctly, a tie
 * counting one half — what scikit-learn's roc_auc_score, used by MLPerf Tiny, computes.
 */
public final class RocAuc {
    private RocAuc() {
    }

    /** The AUC; a NaN score is refused (it equals nothing, so it has no rank). */
    public static double of(int[] labels, double[] scores) {
        int n = labels.length;
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(scores[i])) {
                throw new IllegalArgumentException("ROC AUC of a NaN score (sample " + i + ")");
            }
        }
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        double positiveRanks = 0;
        long positives = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j < n && scores[order[j]] == scores[order[i]]) {
                j++;
            }
            double rank = (i + 1 + j) / 2.0; // the mean 1-based rank of a run of ties
            for (int k = i; k < j; k++) {
                if (labels[order[k]] == 1) {
                    positiveRanks += rank;
                    positives++;
                }
            }
            i = j;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException("ROC AUC needs both labels: " + positives + " positive, "
                    + negatives + " negative");
        }
        return (positiveRanks - positives * (positives + 1) / 2.0) / (positives * (double) negatives);
    }
}
