package org.maxdnn.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoublePredicate;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.maxdnn.Assets;
import org.maxdnn.BundledModel;
import org.maxdnn.MaxdnnException;
import org.maxdnn.array.ArrayConfig;
import org.maxdnn.data.DataSet;
import org.maxdnn.data.DataSets;
import org.maxdnn.data.ImageSets;
import org.maxdnn.data.InputFormat;
import org.maxdnn.data.LabeledImage;
import org.maxdnn.flow.Workload;
import org.maxdnn.infer.Network;
import org.maxdnn.infer.Rounding;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.mult.MultiplierRegistry;
import org.maxdnn.task.Classification;

/**
 * The inputs commands share — model, images, map, tables — from explicit options, else from the
 * asset folder (SPEC §10). One place so every command reads them the same way.
 */
final class Inputs {
    private Inputs() {
    }

    static Option model() {
        return Option.builder().longOpt("model").hasArg().argName("NAME|FILE")
                .desc("a bundled network (" + BundledModel.names() + ") or a .tflite file (default: resnet8)").build();
    }

    static Option rounding() {
        return Option.builder().longOpt("rounding").hasArg().argName("VARIANT")
                .desc("reference (TFLite reference kernels, the default) or runtime (the TFLite x86 interpreter)").build();
    }

    static Option map() {
        return Option.builder().longOpt("map").hasArg().argName("FILE")
                .desc("approximation map JSON (default: all exact)").build();
    }

    static Options images(Options o) {
        return o.addOption(Option.builder().longOpt("images").hasArg().argName("DIR")
                        .desc("sample folder with y_labels.csv (default: the model's own sample set)").build())
                .addOption(Option.builder().longOpt("cifar").hasArg().argName("FILE")
                        .desc("CIFAR-10 binary batch such as test_batch.bin (instead of --images)").build())
                .addOption(Option.builder().longOpt("limit").hasArg().argName("N")
                        .desc("only the first N samples (files)").build());
    }

    /** The model file --model names: a bundled short name, a path, or by default ResNet-8. */
    static Path modelFile(CommandLine cmd, Context ctx) {
        String v = cmd.getOptionValue("model");
        if (v == null) {
            return ctx.assets().model();
        }
        BundledModel bundled = BundledModel.byName(v);
        if (bundled != null) {
            return bundled.model(ctx.assets());
        }
        if (!Files.exists(Path.of(v))) {
            throw MaxdnnException.badInput("--model " + v + ": no such file, and not a bundled network ("
                    + BundledModel.names() + ")");
        }
        return Path.of(v);
    }

    /** The network of --model with the arithmetic of --rounding (when the command has it). */
    static Network network(CommandLine cmd, Context ctx) {
        String r = cmd.getOptionValue("rounding");
        return Network.load(modelFile(cmd, ctx), r == null ? Rounding.REFERENCE : Rounding.parse(r));
    }

    /** The network of --model, its data set ({@link #dataSet}) and the multipliers. */
    static Workload workload(CommandLine cmd, Context ctx) {
        Network net = network(cmd, ctx);
        return Workload.of(net, dataSet(cmd, ctx, net), registry(ctx));
    }

    /** The inputs of the data set (see {@link #dataSet}). */
    static List<LabeledImage> images(CommandLine cmd, Context ctx) {
        return dataSet(cmd, ctx, network(cmd, ctx)).inputs();
    }

    /**
     * The samples of --images or --cifar, else the model's own sample set (a bundled model by name or
     * by file name; the CIFAR-10 images for any other model), read in the format the model takes.
     */
    static DataSet dataSet(CommandLine cmd, Context ctx, Network net) {
        int limit = positiveInt(cmd, "limit", 0);
        if (cmd.hasOption("images") && cmd.hasOption("cifar")) {
            throw new MaxdnnException(MaxdnnException.USAGE, "give --images or --cifar, not both");
        }
        if (cmd.hasOption("cifar")) {
            Path file = Path.of(cmd.getOptionValue("cifar"));
            if (net.inputElements() != ImageSets.IMAGE_BYTES) {
                throw MaxdnnException.badInput("CIFAR-10 batch " + file + ": the model " + net.model().file()
                        + " takes " + net.inputElements() + " input values, not 32x32x3 images");
            }
            List<LabeledImage> images = ImageSets.readCifarBinary(file, limit);
            return new DataSet(file, InputFormat.UINT8_IMAGE, images.size(), images, Classification.of(images));
        }
        Path dir;
        if (cmd.hasOption("images")) {
            dir = Path.of(cmd.getOptionValue("images"));
        } else {
            String v = cmd.getOptionValue("model");
            BundledModel bundled = v == null ? BundledModel.RESNET8
                    : BundledModel.byName(v) != null ? BundledModel.byName(v) : BundledModel.byFile(Path.of(v));
            dir = bundled != null ? bundled.samples(ctx.assets()) : ctx.assets().images();
        }
        return DataSets.read(dir, net, limit);
    }

    /** The map named by --map, validated against the network and the tables it names, or the exact map. */
    static ApproxMap map(CommandLine cmd, Network net, Context ctx) {
        if (!cmd.hasOption("map")) {
            return ApproxMap.exact();
        }
        Path file = Path.of(cmd.getOptionValue("map"));
        return ApproxMap.read(file).validate(net, file.toString()).checkTables(registry(ctx), file.toString());
    }

    /** Table multipliers come from the asset folder's EvoApprox tables when an asset folder is set. */
    static MultiplierRegistry registry(Context ctx) {
        Assets assets = assetsIfSet(ctx);
        return new MultiplierRegistry(assets != null ? assets.lutDir() : null);
    }

    /** The asset folder when one is set, else null (for what needs it only for table multipliers). */
    static Assets assetsIfSet(Context ctx) {
        return ctx.assetsOption() != null || System.getenv(Assets.ENV) != null ? ctx.assets() : null;
    }

    /** A number option that {@code valid} accepts ({@code what} says which, for the usage error), or {@code dflt}. */
    static double number(CommandLine cmd, String option, double dflt, DoublePredicate valid, String what) {
        String v = cmd.getOptionValue(option);
        if (v == null) {
            return dflt;
        }
        try {
            double d = Double.parseDouble(v);
            if (valid.test(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new MaxdnnException(MaxdnnException.USAGE, "--" + option + " must be " + what + ", got '" + v + "'");
    }

    static int positiveInt(CommandLine cmd, String option, int dflt) {
        return intInRange(cmd, option, dflt, 1, Integer.MAX_VALUE);
    }

    /** --array: which array to generate. */
    static Option arrayKind() {
        return Option.builder().longOpt("array").hasArg().argName("KIND").desc("gated (default: the energy-proportional "
                + "array: clock-gated registers, partial sums as wide as their row needs) or plain (every register "
                + "clocked every cycle, 32-bit partial sums: the baseline)").build();
    }

    /** The configurable array of {@code rows} × {@code cols}, gated unless --array plain. */
    static ArrayConfig array(CommandLine cmd, int rows, int cols) {
        String kind = cmd.getOptionValue("array", "gated");
        if (!kind.equals("gated") && !kind.equals("plain")) {
            throw new MaxdnnException(MaxdnnException.USAGE, "--array must be gated or plain, got '" + kind + "'");
        }
        return ArrayConfig.configurable(rows, cols).withGating(kind.equals("gated"));
    }

    /** A side of the systolic array (--rows, --cols): 1..{@link ArrayConfig#MAX_SIDE}. */
    static int arraySide(CommandLine cmd, String option, int dflt) {
        return intInRange(cmd, option, dflt, 1, ArrayConfig.MAX_SIDE);
    }

    /** A whole-number option in [min, max], or {@code dflt}; anything else is a usage error (exit 1). */
    static int intInRange(CommandLine cmd, String option, int dflt, int min, int max) {
        String v = cmd.getOptionValue(option);
        if (v == null) {
            return dflt;
        }
        String range = "a whole number from " + min + " to " + max;
        long n;
        try {
            n = Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new MaxdnnException(MaxdnnException.USAGE, "--" + option + " must be " + range + ", got '" + v
                    + "' (not a whole number" + (v.trim().matches("-?\\d{19,}") ? ": too large" : "") + ")");
        }
        if (n < min || n > max) {
            throw new MaxdnnException(MaxdnnException.USAGE, "--" + option + " must be " + range + ", got '" + v
                    + "' (" + (n < min ? "too small" : "too large") + ")");
        }
        return (int) n;
    }

    /** Options that name files a command writes. */
    private static final List<String> OUTPUT_FILES = List.of("json", "csv", "predictions", "toggles");
    /** Options that name files a command reads. */
    private static final List<String> INPUT_FILES = List.of("map", "table", "cifar", "liberty", "energy");
    /** Options that name folders a command reads. */
    private static final List<String> INPUT_FOLDERS = List.of("lut-dir", "images");

    /**
     * Checks the files the options name before any work starts: every given input exists and is a
     * file (a folder for --lut-dir and --images), and is then read by the command even where it is
     * not needed; outputs are not folders and their folders can be written (--out too); no file is
     * named twice among the outputs or as both input and output.
     */
    static void checkFiles(CommandLine cmd) {
        Map<Path, String> seen = new LinkedHashMap<>();
        for (String o : INPUT_FOLDERS) {
            folder(cmd, o);
        }
        for (String o : INPUT_FILES) {
            String v = cmd.getOptionValue(o);
            if (v != null) {
                Path p = Path.of(v);
                if (Files.isDirectory(p)) {
                    throw MaxdnnException.badInput("--" + o + " " + v + ": is a folder, not a file");
                }
                if (!Files.isRegularFile(p)) {
                    throw MaxdnnException.badInput("--" + o + " " + v + ": not found");
                }
                seen.put(identity(p), o);
            }
        }
        String out = cmd.getOptionValue("out");
        if (out != null) {
            if (Files.exists(Path.of(out)) && !Files.isDirectory(Path.of(out))) {
                throw MaxdnnException.badInput("--out " + out + ": is a file, not a folder");
            }
            checkWritable("out", Path.of(out).toAbsolutePath());
        }
        for (String o : OUTPUT_FILES) {
            String v = cmd.getOptionValue(o);
            if (v == null) {
                continue;
            }
            Path p = Path.of(v);
            if (Files.isDirectory(p)) {
                throw MaxdnnException.badInput("--" + o + " " + v + ": is a folder; give a file name");
            }
            checkWritable(o, p.toAbsolutePath().getParent());
            String other = seen.putIfAbsent(identity(p), o);
            if (other != null) {
                throw new MaxdnnException(MaxdnnException.USAGE, "--" + other + " and --" + o + " name the same file "
                        + v + (INPUT_FILES.contains(other) ? " (an output would overwrite an input)"
                        : " (one output would overwrite the other)"));
            }
        }
    }

    /**
     * The folder an output goes to can be made: its nearest existing ancestor is a writable folder
     * (so a run does not fail at its end, after the work, on an output it cannot write).
     */
    private static void checkWritable(String option, Path folder) {
        Path p = folder;
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        if (p == null) {
            return;
        }
        if (!Files.isDirectory(p)) {
            throw MaxdnnException.badInput("--" + option + " " + folder + ": " + p + " is a file, not a folder");
        }
        if (!Files.isWritable(p)) {
            throw MaxdnnException.badInput("--" + option + ": cannot write in " + p + " (permission denied or read-only)");
        }
    }

    /** The file a path ends up at: symlinks followed, relative paths made absolute. */
    private static Path identity(Path p) {
        try {
            return p.toRealPath();
        } catch (java.io.IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    /** The folder an option names, which must exist and be a folder whether the command uses it or not. */
    static Path folder(CommandLine cmd, String option) {
        String v = cmd.getOptionValue(option);
        if (v == null) {
            return null;
        }
        Path p = Path.of(v);
        if (!Files.exists(p)) {
            throw MaxdnnException.badInput("--" + option + " " + v + ": no such folder");
        }
        if (!Files.isDirectory(p)) {
            throw MaxdnnException.badInput("--" + option + " " + v + ": is a file, not a folder");
        }
        return p;
    }
}
