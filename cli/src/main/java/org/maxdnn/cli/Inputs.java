package org.maxdnn.cli;

import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Converter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.OptionGroup;
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
import org.maxdnn.data.NpyFolder;
import org.maxdnn.flow.ExplorationData;
import org.maxdnn.flow.Profile;
import org.maxdnn.data.RandomInputs;
import org.maxdnn.data.UnlabelledSets;
import org.maxdnn.infer.Evaluation;
import org.maxdnn.flow.Workload;
import org.maxdnn.infer.ConvLayer;
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
                .converter(v -> {
                    if (BundledModel.byName(v) != null) {
                        return v;
                    }
                    try {
                        OptionTypes.inputFile().apply(v);
                    } catch (OptionTypes.BadPath e) {
                        throw new OptionTypes.BadPath(e.getMessage().equals("not found") ? "no such file, and not a "
                                + "bundled network (" + BundledModel.names() + ")" : e.getMessage().replace("is a", "it is a"));
                    }
                    return v;
                })
                .desc("a bundled network (" + BundledModel.names() + ") or a .tflite file (default: resnet8)").build();
    }

    static Option rounding() {
        return Option.builder().longOpt("rounding").hasArg().argName("VARIANT")
                .converter(OptionTypes.oneOf(List.of("reference", "runtime")))
                .desc("reference (TFLite reference kernels, the default) or runtime (the TFLite x86 interpreter)").build();
    }

    static Option map() {
        return Option.builder().longOpt("map").hasArg().argName("FILE").converter(OptionTypes.inputFile())
                .desc("approximation map JSON (default: all exact)").build();
    }

    /** --images, --cifar or --random (one of them), --seed (for --random; explore's search seed too) and --limit. */
    static Options images(Options o) {
        if (!o.hasLongOption("seed")) {
            o.addOption(Option.builder().longOpt("seed").hasArg().argName("S")
                    .converter(OptionTypes.wholeNumber(0, Integer.MAX_VALUE))
                    .desc("seed of --random's inputs (default 1)").build());
        }
        return o.addOptionGroup(new OptionGroup()
                        .addOption(Option.builder().longOpt("images").hasArg().argName("DIR")
                                .converter(OptionTypes.inputFolder())
                                .desc("sample folder: y_labels.csv and its files, or NumPy arrays NAME.<i>.npy (input i of sample "
                                        + "NAME; NAME.npy for a one-input model) scored by fidelity to the exact model "
                                        + "(default: the model's own sample set)").build())
                        .addOption(Option.builder().longOpt("cifar").hasArg().argName("FILE")
                                .converter(OptionTypes.inputFile())
                                .desc("CIFAR-10 binary batch such as test_batch.bin (instead of --images)").build())
                        .addOption(Option.builder().longOpt("random").hasArg().argName("N")
                                .converter(OptionTypes.wholeNumber(1, MAX_RANDOM))
                                .desc("N deterministic random inputs over the input tensors' range, for a model without "
                                        + "data; scored by fidelity to the exact model").build()))
                .addOption(Option.builder().longOpt("limit").hasArg().argName("N")
                        .converter(OptionTypes.wholeNumber(1, Integer.MAX_VALUE))
                        .desc("only the first N samples (files); of explore's and run's default JPEG CIFAR-10 set, N balanced "
                                + "over labels").build());
    }

    /** --threads N: worker threads (default: all cores). */
    static Option threads() {
        return Option.builder().longOpt("threads").hasArg().argName("N").converter(OptionTypes.wholeNumber(1, MAX_THREADS))
                .desc("worker threads (default: all cores)").build();
    }

    /** --rows or --cols: a side of the array, 1..{@link ArrayConfig#MAX_SIDE}. */
    static Option arraySide(String option, String desc) {
        return Option.builder().longOpt(option).hasArg().argName(option.equals("rows") ? "R" : "C")
                .converter(OptionTypes.wholeNumber(1, ArrayConfig.MAX_SIDE)).desc(desc).build();
    }

    /** --out DIR, a folder the command writes. */
    static Option outFolder(String desc) {
        return Option.builder().longOpt("out").hasArg().argName("DIR").converter(OptionTypes.outputFolder()).desc(desc)
                .build();
    }

    /** An output file option ({@code --json}, {@code --csv}, …). */
    static Option outFile(String option, String desc) {
        return Option.builder().longOpt(option).hasArg().argName("FILE").converter(OptionTypes.outputFile()).desc(desc)
                .build();
    }

    /**
     * A clock period in ns for timing (layout --clock, run --layout): 10 ps to 1 ms; outside that the
     * figures mean nothing (qflow's static timing takes whole picoseconds).
     */
    static final Converter<Double, OptionTypes.BadValue> CLOCK_PERIOD_NS = OptionTypes.number(0.01, 1_000_000, "ns");

    /** --task: what the metric is (eval, explore, run). */
    static Option task() {
        return Option.builder().longOpt("task").hasArg().argName("T").converter(OptionTypes.oneOf(List.of("labels",
                        "agreement", "snr")))
                .desc("labels (the data's labels: top-1 or ROC AUC; the default with labelled data), agreement (top-1 "
                        + "agreement with the exact model; the default for a classifier with --random) or snr (fidelity: "
                        + "1 - noise/signal power of the output against the exact model's; the default for other "
                        + "outputs with --random)").build();
    }

    /** More random inputs than this is a typing error: a million ImageNet inputs are 150 GB. */
    static final int MAX_RANDOM = 1_000_000;

    /** --seed only where the command reads it for --random alone (eval, cosim). */
    static final OptionRule SEED_WITH_RANDOM = OptionRule.onlyWith("seed", "random");

    /** More worker threads or simulator processes than this is a typing error, not a machine. */
    static final int MAX_THREADS = 256;

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
        return Path.of(v); // checked before the command ran (OptionCheck)
    }

    /** The network of --model with the arithmetic of --rounding (when the command has it). */
    static Network network(CommandLine cmd, Context ctx) {
        String r = OptionTypes.value(cmd, "rounding", null);
        return Network.load(modelFile(cmd, ctx), r == null ? Rounding.REFERENCE : Rounding.parse(r));
    }

    /** The network of --model, its data set ({@link #dataSet}) and the multipliers. */
    static Workload workload(CommandLine cmd, Context ctx) {
        Network net = network(cmd, ctx);
        return Workload.of(net, dataSet(cmd, ctx, net), registry(ctx));
    }

    /**
     * What {@code explore} and {@code run} search and validate on, and the clean set reported beside
     * it: --images or --cifar as given; else a bundled network's default data
     * ({@link ExplorationData#bundled}: the CIFAR-10 networks' JPEG test images as given by --limit N or
     * --quick's {@link Profile#explorationImages}, their clean images beside).
     */
    static ExplorationData exploreData(CommandLine cmd, Context ctx) {
        Network net = network(cmd, ctx);
        BundledModel bundled = cmd.hasOption("images") || cmd.hasOption("cifar") || cmd.hasOption("random") ? null
                : bundled(cmd);
        if (bundled == null || !bundled.exploresOtherSamples()) {
            return ExplorationData.of(Workload.of(net, dataSet(cmd, ctx, net), registry(ctx)));
        }
        return ExplorationData.bundled(bundled, ctx.assets(), net, OptionTypes.value(cmd, "limit", 0),
                SearchOptions.profile(cmd), d -> withTask(cmd, net, d), registry(ctx));
    }

    /** The bundled network --model names (by name or by its file's name; ResNet-8 by default), or null. */
    private static BundledModel bundled(CommandLine cmd) {
        String v = cmd.getOptionValue("model");
        return v == null ? BundledModel.RESNET8
                : BundledModel.byName(v) != null ? BundledModel.byName(v) : BundledModel.byFile(Path.of(v));
    }

    /** The inputs of the data set (see {@link #dataSet}). */
    static List<LabeledImage> images(CommandLine cmd, Context ctx) {
        return dataSet(cmd, ctx, network(cmd, ctx)).inputs();
    }

    /**
     * The samples of --images, --cifar or --random, else the model's own sample set (a bundled model by
     * name or by file name); a model file of another name has none, and without data it is refused
     * rather than given a bundled set.
     */
    static DataSet dataSet(CommandLine cmd, Context ctx, Network net) {
        return withTask(cmd, net, samples(cmd, ctx, net));
    }

    /**
     * {@code data} scored as --task says: as it is for {@code labels} (or no --task), else by top-1
     * agreement with or fidelity to the exact model; samples without labels refuse {@code labels}.
     */
    private static DataSet withTask(CommandLine cmd, Network net, DataSet data) {
        String task = OptionTypes.value(cmd, "task", null);
        if (task == null || task.equals("labels") && !data.format().unlabelled()) {
            return data;
        }
        if (task.equals("labels")) {
            throw MaxdnnException.badInput("--task labels: " + (cmd.hasOption("random") ? "--random inputs"
                    : "the .npy samples of " + data.source()) + " have no labels; use agreement or snr");
        }
        return UnlabelledSets.of(data.source(), data.format(), data.inputs(), net, Evaluation.defaultThreads(),
                task.equals("agreement"));
    }

    private static DataSet samples(CommandLine cmd, Context ctx, Network net) {
        int limit = OptionTypes.value(cmd, "limit", 0);
        if (cmd.hasOption("random")) {
            int n = OptionTypes.value(cmd, "random", 1);
            n = limit > 0 ? Math.min(n, limit) : n;
            int seed = OptionTypes.value(cmd, "seed", 1);
            return unlabelled(cmd, net, Path.of("random inputs (seed " + seed + ")"), InputFormat.RANDOM,
                    RandomInputs.of(net, n, seed));
        }
        if (cmd.hasOption("cifar")) {
            Path file = OptionTypes.path(cmd, "cifar");
            if (net.inputBytes() != ImageSets.IMAGE_BYTES) {
                throw MaxdnnException.badInput("CIFAR-10 batch " + file + ": the model " + net.model().file()
                        + " takes " + net.inputBytes() + " input bytes, not 32x32x3 images");
            }
            List<LabeledImage> images = ImageSets.readCifarBinary(file, limit);
            return new DataSet(file, InputFormat.UINT8_IMAGE, images.size(), images, Classification.of(images));
        }
        Path dir;
        if (cmd.hasOption("images")) {
            dir = OptionTypes.path(cmd, "images");
            if (NpyFolder.is(dir)) {
                return unlabelled(cmd, net, dir, InputFormat.NPY, NpyFolder.read(dir, net, limit));
            }
        } else {
            BundledModel bundled = bundled(cmd);
            if (bundled == null) {
                throw MaxdnnException.badInput("model " + cmd.getOptionValue("model") + " has no sample set of its own: "
                        + "give --images DIR (a sample folder), --cifar FILE or --random N (deterministic inputs, scored "
                        + "by fidelity to the exact model)");
            }
            dir = bundled.samples(ctx.assets());
        }
        return DataSets.read(dir, net, limit);
    }

    /** Samples without labels: scored by fidelity to the exact model, unless --task picks how ({@link #dataSet}). */
    private static DataSet unlabelled(CommandLine cmd, Network net, Path source, InputFormat format,
                                      List<LabeledImage> inputs) {
        // --task picks the task itself (dataSet): the exact network runs once, not twice
        return cmd.hasOption("task") ? new DataSet(source, format, inputs.size(), inputs, Classification.of(inputs))
                : UnlabelledSets.of(source, format, inputs, net, Evaluation.defaultThreads());
    }

    /** The map named by --map, validated against the network and the tables it names, or the exact map. */
    static ApproxMap map(CommandLine cmd, Network net, Context ctx) {
        if (!cmd.hasOption("map")) {
            return ApproxMap.exact();
        }
        Path file = OptionTypes.path(cmd, "map");
        return ApproxMap.read(file).validate(net, file.toString()).checkTables(registry(ctx), file.toString());
    }

    /** The approximable layer {@code --layer} names ({@code dflt} when not given); an unknown one names the option. */
    static ConvLayer layer(CommandLine cmd, Network net, String dflt) {
        String name = cmd.getOptionValue("layer", dflt);
        try {
            return net.approximableLayer(name);
        } catch (MaxdnnException e) {
            throw new MaxdnnException(e.exitCode(), "--layer " + name + ": " + e.getMessage(), e);
        }
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

    /** --array: which array to generate. */
    static Option arrayKind() {
        return Option.builder().longOpt("array").hasArg().argName("KIND")
                .converter(OptionTypes.oneOf(List.of("gated", "plain"))).desc("gated (default: the energy-proportional "
                + "array: clock-gated registers, partial sums as wide as their row needs) or plain (every register "
                + "clocked every cycle, 32-bit partial sums: the baseline)").build();
    }

    /** The configurable array of {@code rows} × {@code cols}, gated unless --array plain. */
    static ArrayConfig array(CommandLine cmd, int rows, int cols) {
        return ArrayConfig.configurable(rows, cols).withGating(OptionTypes.value(cmd, "array", "gated").equals("gated"));
    }
}
