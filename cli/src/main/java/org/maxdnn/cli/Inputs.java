package org.maxdnn.cli;

import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.maxdnn.Assets;
import org.maxdnn.MaxdnnException;
import org.maxdnn.data.ImageSets;
import org.maxdnn.data.LabeledImage;
import org.maxdnn.infer.Network;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.mult.MultiplierRegistry;

/**
 * The inputs commands share — model, images, map, tables — from explicit options, else from the
 * asset folder (SPEC §10). One place so every command reads them the same way.
 */
final class Inputs {
    private Inputs() {
    }

    static Option model() {
        return Option.builder().longOpt("model").hasArg().argName("FILE")
                .desc("the .tflite model (default: the asset folder's MLPerf Tiny ResNet-8)").build();
    }

    static Option map() {
        return Option.builder().longOpt("map").hasArg().argName("FILE")
                .desc("approximation map JSON (default: all exact)").build();
    }

    static Options images(Options o) {
        return o.addOption(Option.builder().longOpt("images").hasArg().argName("DIR")
                        .desc("folder of HWC .bin images with y_labels.csv (default: the asset folder's 150 images)").build())
                .addOption(Option.builder().longOpt("cifar").hasArg().argName("FILE")
                        .desc("CIFAR-10 binary batch such as test_batch.bin (instead of --images)").build())
                .addOption(Option.builder().longOpt("limit").hasArg().argName("N").desc("only the first N images").build());
    }

    static Network network(CommandLine cmd, Context ctx) {
        return Network.load(cmd.hasOption("model") ? Path.of(cmd.getOptionValue("model")) : ctx.assets().model());
    }

    static List<LabeledImage> images(CommandLine cmd, Context ctx) {
        int limit = positiveInt(cmd, "limit", 0);
        if (cmd.hasOption("images") && cmd.hasOption("cifar")) {
            throw new MaxdnnException(MaxdnnException.USAGE, "give --images or --cifar, not both");
        }
        if (cmd.hasOption("cifar")) {
            return ImageSets.readCifarBinary(Path.of(cmd.getOptionValue("cifar")), limit);
        }
        Path dir = cmd.hasOption("images") ? Path.of(cmd.getOptionValue("images")) : ctx.assets().images();
        return ImageSets.readFolder(dir, limit);
    }

    /** The map named by --map, validated against the network, or the exact map. */
    static ApproxMap map(CommandLine cmd, Network net) {
        if (!cmd.hasOption("map")) {
            return ApproxMap.exact();
        }
        Path file = Path.of(cmd.getOptionValue("map"));
        return ApproxMap.read(file).validate(net, file.toString());
    }

    /** Table multipliers come from the asset folder's EvoApprox tables when an asset folder is set. */
    static MultiplierRegistry registry(Context ctx) {
        boolean haveAssets = ctx.assetsOption() != null || System.getenv(Assets.ENV) != null;
        return new MultiplierRegistry(haveAssets ? ctx.assets().lutDir() : null);
    }

    static int positiveInt(CommandLine cmd, String option, int dflt) {
        String v = cmd.getOptionValue(option);
        if (v == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new MaxdnnException(MaxdnnException.USAGE, "--" + option + " must be a positive integer, got '" + v + "'");
    }
}
