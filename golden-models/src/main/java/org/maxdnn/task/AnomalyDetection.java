package org.maxdnn.task;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import org.maxdnn.data.LabeledImage;

/**
 * An autoencoder scored as MLPerf Tiny scores anomaly detection (SPEC §12): each input is one
 * window of a file's float spectrogram, its error the mean squared difference between the
 * dequantised output, (q − zp)·scale, and the float window; a file's score is the mean error over
 * its windows, and the metric is the ROC AUC of the scores against the labels (1 = anomaly).
 */
public final class AnomalyDetection implements Task {
    /** One file: its label, its windows (inputs firstInput…, {@code windows} of them) and its float values. */
    public record File(String name, int label, int firstInput, int windows, float[] values)
            implements java.io.Serializable {
    }

    private final List<File> files;
    private final int windowLength;
    private final int step;
    private final float outScale;
    private final int outZeroPoint;
    private final int[] fileOf;

    /** Windows of {@code windowLength} values stepping by {@code step}; the output quantised with (scale, zero point). */
    public AnomalyDetection(List<File> files, int windowLength, int step, float outScale, int outZeroPoint) {
        this.files = List.copyOf(files);
        this.windowLength = windowLength;
        this.step = step;
        this.outScale = outScale;
        this.outZeroPoint = outZeroPoint;
        fileOf = new int[files.isEmpty() ? 0 : files.get(files.size() - 1).firstInput() + files.get(files.size() - 1).windows()];
        for (int f = 0; f < files.size(); f++) {
            File file = files.get(f);
            java.util.Arrays.fill(fileOf, file.firstInput(), file.firstInput() + file.windows(), f);
        }
    }

    public List<File> files() {
        return files;
    }

    @Override
    public String metricName() {
        return "ROC AUC";
    }

    /** The window's mean squared reconstruction error. */
    @Override
    public double perInput(int input, int[] logits) {
        File file = files.get(fileOf[input]);
        int offset = (input - file.firstInput()) * step;
        double sum = 0;
        for (int k = 0; k < windowLength; k++) {
            double d = (logits[k] - outZeroPoint) * outScale - file.values()[offset + k];
            sum += d * d;
        }
        return sum / windowLength;
    }

    /** Each file's score: the mean of its windows' errors. */
    public double[] fileScores(double[] windowErrors) {
        double[] scores = new double[files.size()];
        for (int f = 0; f < scores.length; f++) {
            File file = files.get(f);
            double sum = 0;
            for (int w = 0; w < file.windows(); w++) {
                sum += windowErrors[file.firstInput() + w];
            }
            scores[f] = sum / file.windows();
        }
        return scores;
    }

    @Override
    public double[] perSample(double[] windowErrors) {
        return fileScores(windowErrors);
    }

    @Override
    public int[] sampleLabels() {
        return files.stream().mapToInt(File::label).toArray();
    }

    /** Window length in values and the step between windows of a file. */
    public int windowLength() {
        return windowLength;
    }

    public int step() {
        return step;
    }

    public float outScale() {
        return outScale;
    }

    public int outZeroPoint() {
        return outZeroPoint;
    }

    /** The ROC AUC over the files, which needs both labels ({@link #whyUndefined}). */
    @Override
    public double metric(double[] windowErrors) {
        return RocAuc.of(sampleLabels(), fileScores(windowErrors));
    }

    @Override
    public String whyUndefined() {
        long anomalies = anomalies();
        return anomalies == 0 || anomalies == files.size() ? String.format(Locale.ROOT,
                "%d normal and %d anomalous files (the ROC AUC needs at least one of each)", files.size() - anomalies,
                anomalies) : null;
    }

    private long anomalies() {
        return files.stream().filter(f -> f.label() == 1).count();
    }

    @Override
    public String describe(double[] windowErrors) {
        return (whyUndefined() != null ? "n/a (it needs normal and anomalous files)"
                : String.format(Locale.ROOT, "%.4f", metric(windowErrors)))
                + String.format(Locale.ROOT, " (%d files, %d anomalous)", files.size(), anomalies());
    }

    /** {@code file,label,score}: a file's mean reconstruction error. */
    @Override
    public void writePredictions(Writer w, List<LabeledImage> inputs, int[][] logits, double[] windowErrors)
            throws IOException {
        double[] scores = fileScores(windowErrors);
        w.write("file,label,score\n");
        for (int f = 0; f < scores.length; f++) {
            w.write(files.get(f).name() + "," + files.get(f).label() + "," + scores[f] + "\n");
        }
    }
}
