package org.maxdnn.explore;

import org.maxdnn.task.Classification;
import org.maxdnn.task.Fidelity;
import org.maxdnn.task.Task;

/**
 * A map's figure on the validation part ({@link DataSplit}): its score, its loss against the exact
 * model on the same samples, a 95% interval of the metric, the paired test's p-value against the
 * exact model and the loss's one-sided bounds ({@link LossBound}). For a classifier: the Wilson interval of top-1 accuracy and McNemar's exact test on
 * the images one model gets right and the other wrong. For anomaly detection: the stratified paired
 * bootstrap of the AUC over files ({@link Significance#bootstrapAuc}).
 */
public record Validation(AccuracyOracle.Score score, double lossPts, Significance.Interval interval, double pValue,
                         LossBound bound) {
    /** Which interval and test {@link #of} reports for a task, for reports. */
    public static String method(Task task) {
        return task instanceof Classification c
                ? "95% Wilson interval of top-1 " + (c.agreement() ? "agreement with the exact model" : "accuracy")
                        + "; McNemar's exact test (two-sided) against the exact model"
                : task instanceof Fidelity ? "95% bootstrap percentile interval of the fidelity over samples ("
                        + Significance.BOOTSTRAP_RESAMPLES + " resamples, seed 1); sign test (two-sided) on the samples "
                        + "whose output differs from the exact model's"
                : "95% stratified bootstrap percentile interval of the ROC AUC over files (" + Significance.BOOTSTRAP_RESAMPLES
                        + " resamples, seed 1); paired bootstrap test (two-sided) of the AUC difference against the exact model";
    }

    /** {@code map}'s validation figure against {@code exact}'s on the same samples of {@code task}. */
    public static Validation of(Task task, AccuracyOracle.Score map, AccuracyOracle.Score exact) {
        double loss = map.lossPts(exact);
        if (task instanceof Classification) {
            int correct = 0;
            int both = 0;
            int onlyExact = 0;
            int onlyMap = 0;
            for (int i = 0; i < map.samples(); i++) {
                boolean m = map.perSample()[i] == 1;
                boolean e = exact.perSample()[i] == 1;
                correct += m ? 1 : 0;
                both += e && m ? 1 : 0;
                onlyExact += e && !m ? 1 : 0;
                onlyMap += m && !e ? 1 : 0;
            }
            return new Validation(map, loss, Significance.wilson(correct, map.samples()),
                    Significance.mcNemarExact(onlyExact, onlyMap),
                    LossBound.paired(both, onlyExact, onlyMap, map.samples() - both - onlyExact - onlyMap));
        }
        if (task instanceof Fidelity f) {
            int changed = 0;
            for (double noise : map.perSample()) {
                changed += noise > 0 ? 1 : 0;
            }
            return new Validation(map, loss, Significance.bootstrapFidelity(map.perSample(), f.signals(), 1,
                    Significance.CONFIDENCE), Significance.mcNemarExact(changed, 0), LossBound.ofFidelity(f, map, exact));
        }
        Significance.AucTest t = Significance.bootstrapAuc(task.sampleLabels(), map.perSample(), exact.perSample(), 1);
        return new Validation(map, loss, t.interval(), t.pValue(), LossBound.ofAuc(loss, t));
    }
}
