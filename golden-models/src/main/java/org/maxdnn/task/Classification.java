package org.maxdnn.task;

import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.maxdnn.data.LabeledImage;
import org.maxdnn.infer.InferencePlan;

/**
 * A classifier scored by top-1 accuracy: the class is the argmax of the logits, the first on ties
 * (SPEC §4). With {@code agreement} the labels are the exact network's classes (samples without
 * labels, SPEC §12.1), so the metric is the top-1 agreement with the exact network.
 */
public record Classification(int[] labels, boolean agreement) implements Task {
    public Classification(int[] labels) {
        this(labels, false);
    }

    public static Classification of(List<LabeledImage> inputs) {
        return new Classification(inputs.stream().mapToInt(LabeledImage::label).toArray());
    }

    /** The same labels read as the exact network's classes: the metric is top-1 agreement. */
    public Classification withAgreement() {
        return new Classification(labels, true);
    }

    /** The same kind of task (accuracy or agreement) on {@code inputs}' labels. */
    public Classification on(List<LabeledImage> inputs) {
        return new Classification(inputs.stream().mapToInt(LabeledImage::label).toArray(), agreement);
    }

    @Override
    public String metricName() {
        return agreement ? "top-1 agreement" : "top-1";
    }

    @Override
    public double perInput(int input, int[] logits) {
        return InferencePlan.argmax(logits);
    }

    @Override
    public double metric(double[] classes) {
        return correct(classes) / (double) classes.length;
    }

    @Override
    public String whyUndefined() {
        return labels.length == 0 ? "no image" : null;
    }

    @Override
    public String describe(double[] classes) {
        return String.format(Locale.ROOT, "%d/%d = %.2f%%", correct(classes), classes.length, 100 * metric(classes));
    }

    @Override
    public double[] perSample(double[] classes) {
        double[] correct = new double[classes.length];
        for (int i = 0; i < classes.length; i++) {
            correct[i] = classes[i] == labels[i] ? 1 : 0;
        }
        return correct;
    }

    @Override
    public int[] sampleLabels() {
        return labels.clone();
    }

    /** Inputs whose class equals their label. */
    public int correct(double[] classes) {
        int n = 0;
        for (int i = 0; i < classes.length; i++) {
            n += classes[i] == labels[i] ? 1 : 0;
        }
        return n;
    }

    /** Share of inputs whose class equals {@code other}'s (top-1 agreement, e.g. with the exact model). */
    public static double agreement(double[] classes, double[] other) {
        int n = 0;
        for (int i = 0; i < classes.length; i++) {
            n += classes[i] == other[i] ? 1 : 0;
        }
        return n / (double) classes.length;
    }

    /** {@code file,label,pred,fc_out}, fc_out the int8 logits joined by {@code ;} (SPEC §11). */
    @Override
    public void writePredictions(Writer w, List<LabeledImage> inputs, int[][] logits, double[] classes)
            throws IOException {
        w.write("file,label,pred,fc_out\n");
        for (int i = 0; i < inputs.size(); i++) {
            w.write(inputs.get(i).name() + "," + labels[i] + "," + (int) classes[i] + ","
                    + Arrays.stream(logits[i]).mapToObj(Integer::toString).collect(Collectors.joining(";")) + "\n");
        }
    }
}
