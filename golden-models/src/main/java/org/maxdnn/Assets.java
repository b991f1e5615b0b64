package org.maxdnn;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The asset folder of SPEC §10: from {@code --assets DIR}, else the MAXDNN_ASSETS environment
 * variable. Paths inside it follow the shared layout; explicit file options override them.
 */
public record Assets(Path root) {
    public static final String ENV = "MAXDNN_ASSETS";

    /** The folder named by {@code explicit} if given, else MAXDNN_ASSETS; a clear error if neither. */
    public static Assets resolve(String explicit) {
        String dir = explicit != null ? explicit : System.getenv(ENV);
        if (dir == null || dir.isBlank()) {
            throw MaxdnnException.badInput(
                    "no asset folder: pass --assets DIR or set " + ENV + " (e.g. ../shared/data)");
        }
        Path root = Path.of(dir).toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw MaxdnnException.badInput("asset folder " + root + " does not exist");
        }
        return new Assets(root);
    }

    /** For tests: MAXDNN_ASSETS, failing with a clear message when it is not set. */
    public static Assets fromEnvironment() {
        return resolve(null);
    }

    /** The default model, MLPerf Tiny's ResNet-8 ({@link BundledModel#RESNET8}). */
    public Path model() {
        return BundledModel.RESNET8.model(this);
    }

    public Path modelSummary() {
        return root.resolve("models/mlperf_tiny_resnet8/pretrainedResnet_quant.summary.json");
    }

    /** The default model's 150 CIFAR-10 images. */
    public Path images() {
        return BundledModel.RESNET8.samples(this);
    }

    public Path lutDir() {
        return root.resolve("approx_mult/evoapprox_lut_8x8u");
    }

    /** The Verilog of the EvoApprox circuits, {@code mul8u_NAME.v} (activation on port B, see its notes). */
    public Path evoApproxVerilog() {
        return root.resolve("approx_mult/evoapprox_verilog_8x8u");
    }

    public Path evoApproxMetrics() {
        return root.resolve("approx_mult/evoapprox_multipliers_metrics.csv");
    }

    public Path referenceFcOutputs() {
        return root.resolve("reference/resnet8_exact_int8_fc_out.csv");
    }

    public Path liberty(String fileName) {
        return root.resolve("liberty").resolve(fileName);
    }
}
