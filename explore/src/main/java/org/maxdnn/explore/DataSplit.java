package org.maxdnn.explore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.maxdnn.MaxdnnException;
import org.maxdnn.data.DataSet;
import org.maxdnn.data.LabeledImage;
import org.maxdnn.task.AnomalyDetection;
import org.maxdnn.task.Classification;
import org.maxdnn.task.Fidelity;
import org.maxdnn.task.Task;

/**
 * A data set split into a search part, on which the exploration chooses maps, and a validation
 * part, on which it reports them: with 150 images one image is 0.67 points, and a map chosen and
 * graded on the same images overfits them. The split is deterministic and stratified by label:
 * within each label, in file order, samples go alternately to search and validation (the search
 * part first), so both parts keep the label mix. For anomaly detection a sample is a file (normal or
 * anomalous), with all its windows; {@code windowStride} keeps every n-th window of each file, a
 * deterministic subset that makes the autoencoder's ~39,000 windows affordable to search
 * (a file's score is then the mean over the kept windows).
 */
public record DataSplit(DataSet search, DataSet validation) {
    private static final int SEARCH = 0;
    private static final int VALIDATION = 1;

    /**
     * Splits {@code data} half and half; {@code windowStride} (≥ 1) thins anomaly windows, ignored
     * otherwise. A part that cannot give the task's metric is refused ({@link #check}).
     */
    public static DataSplit of(DataSet data, int windowStride) {
        return split(data, windowStride).requireMetric(data, String.valueOf(data.source()));
    }

    /**
     * Checks, before any work, that both parts of {@code data}'s split give the task's metric (an
     * exit-2 error saying what each part needs otherwise); {@code name} names the samples in it.
     */
    public static void check(DataSet data, String name) {
        split(data, 1).requireMetric(data, name);
    }

    private static DataSplit split(DataSet data, int windowStride) {
        if (windowStride < 1) {
            throw new IllegalArgumentException("window stride must be at least 1: " + windowStride);
        }
        int[] part = parts(data.task().sampleLabels());
        if (data.task() instanceof AnomalyDetection ad) {
            return new DataSplit(files(data, ad, part, SEARCH, windowStride), files(data, ad, part, VALIDATION, windowStride));
        }
        if (data.task() instanceof Classification || data.task() instanceof Fidelity) {
            return new DataSplit(images(data, part, SEARCH), images(data, part, VALIDATION));
        }
        throw new IllegalArgumentException("no split for task " + data.task().metricName());
    }

    /** This split, when both parts give the metric; else a bad-input error saying how many samples each part needs. */
    private DataSplit requireMetric(DataSet data, String name) {
        for (DataSet part : List.of(search, validation)) {
            String why = part.task().whyUndefined();
            if (why != null) {
                String needs = data.task() instanceof AnomalyDetection
                        ? "a normal and an anomalous file, so the samples need at least 2 of each"
                        : data.task() instanceof Fidelity ? "a sample, so there must be at least 2 samples"
                        : "an image, so the samples need at least 2 images of one label";
                throw MaxdnnException.badInput(String.format(Locale.ROOT, "%s: %d samples are too few to split into "
                        + "search and validation parts: the %s part would hold %s. Each label's samples go alternately "
                        + "to the two parts, and each part needs %s (a larger --limit or sample folder)", name,
                        data.samples(), part == search ? "search" : "validation", why, needs));
            }
        }
        return this;
    }

    /**
     * The first {@code n} images taken label by label in turn (labels in ascending order, each
     * label's images in file order), kept in file order: a subset with the label mix of a set stored
     * sorted by label, as the JPEG CIFAR-10 test images are. {@code n} at least the set's size gives
     * it whole. A classifier's set only.
     */
    public static DataSet balancedFirst(DataSet data, int n) {
        if (!(data.task() instanceof Classification)) {
            throw new IllegalArgumentException("a balanced subset needs labelled images, not " + data.task().metricName());
        }
        if (n >= data.samples()) {
            return data;
        }
        int[] labels = data.task().sampleLabels();
        Map<Integer, List<Integer>> byLabel = new java.util.TreeMap<>();
        for (int i = 0; i < labels.length; i++) {
            byLabel.computeIfAbsent(labels[i], k -> new ArrayList<>()).add(i);
        }
        boolean[] kept = new boolean[labels.length];
        int taken = 0;
        for (int round = 0; taken < n; round++) {
            for (List<Integer> images : byLabel.values()) {
                if (round < images.size() && taken < n) {
                    kept[images.get(round)] = true;
                    taken++;
                }
            }
        }
        List<LabeledImage> in = new ArrayList<>();
        for (int i = 0; i < kept.length; i++) {
            if (kept[i]) {
                in.add(data.inputs().get(i));
            }
        }
        return new DataSet(data.source(), data.format(), in.size(), in, Classification.of(in));
    }

    /**
     * How {@link #of} splits a set of {@code task}, for reports: stratified by label (anomaly files
     * whole), by the exact model's class under top-1 agreement, or, with one stratum (fidelity, or
     * every label the same), the samples alternately in file order.
     */
    public static String describe(Task task) {
        if (task instanceof AnomalyDetection) {
            return "a deterministic split stratified by label (normal and anomalous files, each whole)";
        }
        if (java.util.Arrays.stream(task.sampleLabels()).distinct().count() <= 1) {
            return "a deterministic split, the samples alternately in file order (no labels to stratify by)";
        }
        return task instanceof Classification c && c.agreement()
                ? "a deterministic split stratified by the exact model's class" : "a deterministic split stratified by label";
    }

    /** The part of each sample: within each label alternately search, validation, search, … */
    static int[] parts(int[] labels) {
        Map<Integer, Integer> seen = new LinkedHashMap<>();
        int[] part = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            part[i] = seen.merge(labels[i], 1, Integer::sum) % 2 == 1 ? SEARCH : VALIDATION;
        }
        return part;
    }

    private static DataSet images(DataSet data, int[] part, int which) {
        List<LabeledImage> in = new ArrayList<>();
        List<Integer> index = new ArrayList<>();
        for (int i = 0; i < part.length; i++) {
            if (part[i] == which) {
                in.add(data.inputs().get(i));
                index.add(i);
            }
        }
        Task task = data.task() instanceof Fidelity f ? f.subset(index.stream().mapToInt(Integer::intValue).toArray())
                : ((Classification) data.task()).on(in);
        return new DataSet(data.source(), data.format(), in.size(), in, task);
    }

    private static DataSet files(DataSet data, AnomalyDetection ad, int[] part, int which, int stride) {
        List<LabeledImage> in = new ArrayList<>();
        List<AnomalyDetection.File> files = new ArrayList<>();
        for (int f = 0; f < part.length; f++) {
            if (part[f] != which) {
                continue;
            }
            AnomalyDetection.File file = ad.files().get(f);
            int first = in.size();
            for (int w = 0; w < file.windows(); w += stride) {
                in.add(data.inputs().get(file.firstInput() + w));
            }
            files.add(new AnomalyDetection.File(file.name(), file.label(), first, in.size() - first, file.values()));
        }
        Task task = new AnomalyDetection(files, ad.windowLength(), ad.step() * stride, ad.outScale(), ad.outZeroPoint());
        return new DataSet(data.source(), data.format(), files.size(), in, task);
    }
}
