package org.maxdnn.task;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.maxdnn.data.LabeledImage;

/**
 * What a network's outputs mean and how a data set scores them (SPEC §12): the accuracy objective
 * of evaluation and exploration. Each input (one inference) is first reduced to one number on its
 * own, in any order and on any thread ({@link #perInput}); {@link #metric} then combines them.
 * Serializable, so a distributed evaluator can ship a data set's task to its executors.
 */
public interface Task extends java.io.Serializable {
    /** The metric's name: "top-1" or "ROC AUC". */
    String metricName();

    /** What input {@code input}'s int8 logits contribute: its predicted class, or its window's reconstruction error. */
    double perInput(int input, int[] logits);

    /** The metric over the whole set from every input's {@link #perInput} value (higher is better). */
    double metric(double[] perInput);

    /**
     * Why these samples cannot give the metric, or null when they can: top-1 needs an image, the
     * ROC AUC a normal and an anomalous file. A metric over such a set is not a result to report.
     */
    String whyUndefined();

    /**
     * Each sample's outcome from every input's {@link #perInput} value: for a classifier 1 (correct)
     * or 0 per image, for anomaly detection each file's anomaly score. Paired tests against the exact
     * model compare these.
     */
    double[] perSample(double[] perInput);

    /** The label of each sample (an image's class, a file's 0 = normal / 1 = anomaly), in sample order. */
    int[] sampleLabels();

    /** The metric as people read it, e.g. "128/150 = 85.33%" or "0.8821" ("n/a …" where it is undefined). */
    String describe(double[] perInput);

    /** One CSV line per sample, after a header line. */
    void writePredictions(Writer w, List<LabeledImage> inputs, int[][] logits, double[] perInput) throws IOException;
}
