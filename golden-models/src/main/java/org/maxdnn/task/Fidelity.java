package org.maxdnn.task;

import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.maxdnn.data.LabeledImage;

/**
 * Fidelity to the exact network for outputs that are not class scores, on samples without labels
 * (SPEC §12.1): each input's noise is the power of the difference between its int8 output and the
 * exact network's, in dequantised units ({@code scale²·Σ(q − q_exact)²}); the signal is the exact
 * outputs' power about the zero point. The metric is {@code 1 − noise/signal} over the whole set
 * (1 for the exact network; its loss in points is 100 × noise/signal, so a 1-point bound is an SQNR
 * of at least 20 dB), and {@link #sqnrDb} gives the same figure as the SQNR in dB.
 *
 * @param exact every input's exact int8 output (the tensor the task reads), in input order
 */
public record Fidelity(int[][] exact, float scale, int zeroPoint) implements Task {
    @Override
    public String metricName() {
        return "fidelity (1 - noise/signal power)";
    }

    @Override
    public double perInput(int input, int[] out) {
        int[] e = exact[input];
        double noise = 0;
        for (int k = 0; k < e.length; k++) {
            double d = (double) scale * (out[k] - e[k]);
            noise += d * d;
        }
        return noise;
    }

    /** The exact outputs' power in dequantised units. */
    public double signal() {
        return Arrays.stream(signals()).sum();
    }

    /** Each input's exact output power in dequantised units. */
    public double[] signals() {
        double[] s = new double[exact.length];
        for (int i = 0; i < exact.length; i++) {
            for (int v : exact[i]) {
                double d = (double) scale * (v - zeroPoint);
                s[i] += d * d;
            }
        }
        return s;
    }

    @Override
    public double metric(double[] noise) {
        return 1 - Arrays.stream(noise).sum() / signal();
    }

    /** 10·log10(signal / noise): +∞ for the exact outputs. */
    public double sqnrDb(double[] noise) {
        return 10 * Math.log10(signal() / Arrays.stream(noise).sum());
    }

    @Override
    public String whyUndefined() {
        return exact.length == 0 ? "no sample" : signal() == 0 ? "exact outputs that are all at the zero point (no "
                + "signal power)" : null;
    }

    @Override
    public double[] perSample(double[] noise) {
        return noise.clone();
    }

    /** No labels: every sample in one stratum. */
    @Override
    public int[] sampleLabels() {
        return new int[exact.length];
    }

    @Override
    public String describe(double[] noise) {
        if (Arrays.stream(noise).sum() == 0) {
            return "outputs equal to the exact ones (SQNR inf dB, fidelity 100%)";
        }
        return String.format(Locale.ROOT, "SQNR %.2f dB against the exact outputs (fidelity %.4f%%)", sqnrDb(noise),
                100 * metric(noise));
    }

    /** The same task on a subset of the inputs, by their indices in this one. */
    public Fidelity subset(int[] inputs) {
        int[][] e = new int[inputs.length][];
        for (int i = 0; i < inputs.length; i++) {
            e[i] = exact[inputs[i]];
        }
        return new Fidelity(e, scale, zeroPoint);
    }

    /** {@code file,noise_power,out}, out the int8 output joined by {@code ;}. */
    @Override
    public void writePredictions(Writer w, List<LabeledImage> inputs, int[][] outputs, double[] noise)
            throws IOException {
        w.write("file,noise_power,out\n");
        for (int i = 0; i < inputs.size(); i++) {
            w.write(inputs.get(i).name() + "," + noise[i] + ","
                    + Arrays.stream(outputs[i]).mapToObj(Integer::toString).collect(Collectors.joining(";")) + "\n");
        }
    }
}
