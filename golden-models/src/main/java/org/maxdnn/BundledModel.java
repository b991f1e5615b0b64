package org.maxdnn;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The MLPerf Tiny networks of SPEC §12 by short name, each with its sample set, as laid out in the
 * asset folder, and the larger set {@code explore} and {@code run} search and validate on by default
 * (SPEC §9.1): for the CIFAR-10 networks the 4,964 JPEG copies of CIFAR-10 test images, for the
 * others their own sample set.
 */
public enum BundledModel {
    RESNET8("resnet8", "models/mlperf_tiny_resnet8/pretrainedResnet_quant.tflite", "cifar10/ic01_perf_samples",
            "cifar10/jpeg_test_shared"),
    RESNET8_LARGE("resnet8-large", "models/mlperf_tiny_resnet8/pretrainedResnet_large_int8.tflite",
            "cifar10/ic01_perf_samples", "cifar10/jpeg_test_shared"),
    KWS("kws", "models/mlperf_tiny_kws/kws_ref_model.tflite", "kws/kws01_perf_samples", "kws/kws01_perf_samples"),
    VWW("vww", "models/mlperf_tiny_vww/vww_96_int8.tflite", "vww/vww01_perf_samples", "vww/vww01_perf_samples"),
    AD("ad", "models/mlperf_tiny_ad/ad01_int8.tflite", "toyadmos/ad01_perf_samples", "toyadmos/ad01_perf_samples");

    private final String shortName;
    private final String model;
    private final String samples;
    private final String explorationSamples;

    BundledModel(String shortName, String model, String samples, String explorationSamples) {
        this.shortName = shortName;
        this.model = model;
        this.samples = samples;
        this.explorationSamples = explorationSamples;
    }

    public String shortName() {
        return shortName;
    }

    public Path model(Assets assets) {
        return assets.root().resolve(model);
    }

    public Path samples(Assets assets) {
        return assets.root().resolve(samples);
    }

    /** What explore and run split into search and validation parts by default: {@link #samples} unless a larger set exists. */
    public Path explorationSamples(Assets assets) {
        return assets.root().resolve(explorationSamples);
    }

    /** Whether the exploration's default set is another than {@link #samples} (whose figures are then reported beside). */
    public boolean exploresOtherSamples() {
        return !explorationSamples.equals(samples);
    }

    /** The model of this short name, or null. */
    public static BundledModel byName(String name) {
        return Arrays.stream(values()).filter(m -> m.shortName.equals(name)).findFirst().orElse(null);
    }

    /** The bundled model stored in a file of this name (a path given for a bundled model), or null. */
    public static BundledModel byFile(Path file) {
        Path name = file.getFileName();
        return name == null ? null : Arrays.stream(values())
                .filter(m -> Path.of(m.model).getFileName().equals(name)).findFirst().orElse(null);
    }

    /** "resnet8, resnet8-large, kws, vww, ad". */
    public static String names() {
        return Arrays.stream(values()).map(BundledModel::shortName).collect(Collectors.joining(", "));
    }
}
