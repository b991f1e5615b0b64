package org.maxdnn.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.maxdnn.BundledModel;
import org.maxdnn.MaxdnnException;
import org.maxdnn.data.ImageFolder;
import org.maxdnn.flow.FineTune;
import org.maxdnn.flow.FineTuneFront;
import org.maxdnn.flow.Trainer;
import org.maxdnn.infer.Evaluation;
import org.maxdnn.infer.Network;
import org.maxdnn.map.ApproxMap;

/**
 * {@code maxdnn finetune}: approximation-aware fine-tuning of a model's weights under a map, exported
 * as an int8 .tflite that every other command takes, graded like for like ({@link FineTune}).
 */
final class FinetuneCommand implements CliCommand {
    private static final String TRAIN_ZIP = "cifar10/jpeg_train/cifar10_train_jpeg.zip";
    private static final List<String> CIFAR_GRADING = List.of("cifar10/jpeg_test_shared", "cifar10/ic01_perf_samples");

    @Override
    public String name() {
        return "finetune";
    }

    @Override
    public String summary() {
        return "fine-tune the weights under a map's approximate products and export an int8 .tflite (needs the train module)";
    }

    @Override
    public Options options() {
        Options o = new Options().addOption(Inputs.model());
        o.addOption(Option.builder().longOpt("map").hasArg().argName("FILE").converter(OptionTypes.inputFile())
                .desc("the approximation map of the forward pass (default: all exact, the fine-tuned exact baseline)").build());
        o.addOption(Inputs.outFolder("output folder: finetuned.tflite, finetune.json (default out/finetune)"));
        o.addOption(Option.builder().longOpt("epochs").hasArg().argName("N")
                .converter(OptionTypes.wholeNumber(1, 10_000)).desc("epochs (default 10)").build());
        o.addOption(Option.builder().longOpt("batch").hasArg().argName("N")
                .converter(OptionTypes.wholeNumber(1, 65_536)).desc("batch size (default 128)").build());
        o.addOption(Option.builder().longOpt("lr").hasArg().argName("RATE")
                .converter(OptionTypes.number(0, false, 1, false, ""))
                .desc("initial learning rate of Adam relative to each tensor's magnitude, cosine to 0 (default 1e-3)").build());
        o.addOption(Option.builder().longOpt("weight-decay").hasArg().argName("W")
                .converter(OptionTypes.number(0, true, 1, false, "")).desc("decoupled weight decay (default 1e-4)").build());
        o.addOption(Option.builder().longOpt("seed").hasArg().argName("N")
                .converter(OptionTypes.wholeNumber(1, Integer.MAX_VALUE)).desc("shuffling and augmentation seed (default 1)").build());
        o.addOption(Option.builder().longOpt("steps").hasArg().argName("N")
                .converter(OptionTypes.wholeNumber(1, Integer.MAX_VALUE)).desc("stop after N steps in all").build());
        o.addOption(Option.builder().longOpt("train").hasArg().argName("DIR|ZIP")
                .converter(OptionTypes.inputFileOrFolder())
                .desc("training images: class folders of JPEG/PNG files, a folder or a ZIP (default: the CIFAR-10 "
                        + "training JPEGs, " + TRAIN_ZIP + ")").build());
        o.addOption(Option.builder().longOpt("train-limit").hasArg().argName("N")
                .converter(OptionTypes.wholeNumber(1, Integer.MAX_VALUE))
                .desc("only N training images, stratified by class").build());
        o.addOption(Option.builder().longOpt("grade").hasArg().argName("DIR[,DIR]")
                .desc("sample folders to grade on (default: CIFAR-10's jpeg_test_shared and ic01_perf_samples for "
                        + "the CIFAR-10 networks, else the model's own sample set)").build());
        o.addOption(Option.builder().longOpt("baseline").hasArg().argName("FILE").converter(OptionTypes.inputFile())
                .desc("the fine-tuned exact model of the same schedule, to report the loss against").build());
        o.addOption(Option.builder().longOpt("front").hasArg().argName("DIR").converter(OptionTypes.inputFolder())
                .desc("an explore output folder: fine-tune the most promising maps of each approach's front (after "
                        + "the fine-tuned exact baseline, unless --baseline gives it) and redraw the front "
                        + "(front.png/.svg, front.csv, front-summary.csv in --out)").build());
        o.addOption(Option.builder().longOpt("per-approach").hasArg().argName("K")
                .converter(OptionTypes.wholeNumber(1, 1000))
                .desc("with --front: the K largest savings of each approach (default 2)").build());
        o.addOption(Option.builder().longOpt("max-post-loss").hasArg().argName("PTS")
                .converter(OptionTypes.number(0, 100, "points"))
                .desc("with --front: only maps whose post-training validation loss is at most PTS points (default 15)")
                .build());
        o.addOption(Option.builder().longOpt("threads").hasArg().argName("N")
                .converter(OptionTypes.wholeNumber(1, Inputs.MAX_THREADS)).desc("grading threads").build());
        o.addOption(Option.builder().longOpt("engine-threads").hasArg().argName("N")
                .converter(OptionTypes.wholeNumber(1, Inputs.MAX_THREADS))
                .desc("the training engine's threads (default 1: on a shared machine more threads wait on each "
                        + "other; on an idle one give the cores)").build());
        return o;
    }

    /** --front fine-tunes a front's maps (chosen by --per-approach, --max-post-loss), --map one map. */
    @Override
    public List<OptionRule> rules() {
        return List.of(OptionRule.onlyWithout("map", "front"), OptionRule.onlyWith("per-approach", "front"),
                OptionRule.onlyWith("max-post-loss", "front"));
    }

    @Override
    public int run(CommandLine cmd, Context ctx) {
        Path model = Inputs.modelFile(cmd, ctx);
        Network net = Network.load(model);
        ApproxMap map = Inputs.map(cmd, net, ctx);
        Path front = OptionTypes.path(cmd, "front");
        List<FineTuneFront.Candidate> candidates = front == null ? null : FineTuneFront.promising(front,
                OptionTypes.value(cmd, "per-approach", 2), OptionTypes.value(cmd, "max-post-loss", 15.0));
        Path mapFile = OptionTypes.path(cmd, "map");
        Path train = cmd.hasOption("train") ? OptionTypes.path(cmd, "train") : ctx.assets().root().resolve(TRAIN_ZIP);
        if (!Files.exists(train)) {
            throw MaxdnnException.badInput("the CIFAR-10 training images " + train + " are not in the asset folder; give "
                    + "--train DIR|ZIP");
        }
        ImageFolder.classes(train); // the training set's layout checked before the training module is looked for
        Path baseline = OptionTypes.path(cmd, "baseline");
        Trainer.Schedule schedule = new Trainer.Schedule(OptionTypes.value(cmd, "epochs", 10),
                OptionTypes.value(cmd, "batch", 128), OptionTypes.value(cmd, "lr", 1e-3),
                OptionTypes.value(cmd, "weight-decay", 1e-4), OptionTypes.value(cmd, "seed", 1),
                OptionTypes.value(cmd, "steps", 0));
        Path out = OptionTypes.path(cmd, "out", "out/finetune");
        FineTune.Request request = new FineTune.Request(model, mapFile, map, Inputs.registry(ctx), train,
                OptionTypes.value(cmd, "train-limit", 0), grading(cmd, ctx, model), baseline, schedule, out,
                OptionTypes.value(cmd, "threads", Evaluation.defaultThreads()));
        Trainer trainer = TrainModule.trainer(OptionTypes.value(cmd, "engine-threads", 1));
        ConsoleListener listener = new ConsoleListener(ctx);
        if (candidates == null) {
            print(FineTune.run(request, trainer, listener), ctx);
            return 0;
        }
        ctx.out().printf(Locale.ROOT, "fine-tuning %d maps of %s%n", candidates.size(), front);
        if (baseline == null) {
            FineTune.Request exact = request.withMap(null, ApproxMap.exact()).withOut(out.resolve("exact"));
            baseline = FineTune.run(exact, trainer, listener).exported();
            request = request.withBaseline(baseline);
        }
        List<FineTuneFront.Point> points = FineTuneFront.run(candidates, request, trainer, listener);
        for (FineTuneFront.Point p : points) {
            ctx.out().println();
            ctx.out().printf(Locale.ROOT, "%s (saving %.1f%%):%n", p.candidate().name(), p.candidate().savingPct());
            print(p.result(), ctx);
        }
        ctx.out().println("wrote " + out.resolve("front.csv") + ", front-summary.csv, front.png/.svg");
        return 0;
    }

    private static List<FineTune.GradingSet> grading(CommandLine cmd, Context ctx, Path model) {
        List<FineTune.GradingSet> out = new ArrayList<>();
        if (cmd.hasOption("grade")) {
            for (String d : cmd.getOptionValue("grade").split(",")) {
                Path p = Path.of(d.trim());
                if (!Files.isDirectory(p)) {
                    throw MaxdnnException.badInput("--grade " + d + ": no such folder");
                }
                out.add(new FineTune.GradingSet(p.getFileName().toString(), p));
            }
            return out;
        }
        BundledModel bundled = BundledModel.byFile(model);
        if (bundled == BundledModel.RESNET8 || bundled == BundledModel.RESNET8_LARGE) {
            for (String d : CIFAR_GRADING) {
                Path p = ctx.assets().root().resolve(d);
                out.add(new FineTune.GradingSet(p.getFileName().toString(), p));
            }
        } else {
            Path p = bundled != null ? bundled.samples(ctx.assets()) : ctx.assets().images();
            out.add(new FineTune.GradingSet(p.getFileName().toString(), p));
        }
        return out;
    }

    private static void print(FineTune.Result r, Context ctx) {
        ctx.out().println();
        ctx.out().printf(Locale.ROOT, "%-22s %8s %18s %18s %18s %18s %10s %10s%n", "grading set", "samples",
                "original exact", "original + map", "fine-tuned + map", "fine-tuned exact", "loss/orig", "loss/ft");
        for (FineTune.Grade g : r.grades()) {
            ctx.out().printf(Locale.ROOT, "%-22s %8d %18s %18s %18s %18s %10.2f %10s%n", g.set(),
                    g.originalExact().samples(), pct(g.originalExact()), pct(g.originalMap()), pct(g.finetunedMap()),
                    g.baselineExact() == null ? "-" : pct(g.baselineExact()), g.lossVsOriginalPts(),
                    g.baselineExact() == null ? "-" : String.format(Locale.ROOT, "%.2f", g.lossVsBaselinePts()));
        }
        double seconds = r.training().epochs().stream().mapToDouble(Trainer.Epoch::seconds).sum();
        ctx.out().printf(Locale.ROOT, "%d epochs in %.0f s (%.1f s per epoch); wrote %s%n", r.training().epochs().size(),
                seconds, seconds / Math.max(1, r.training().epochs().size()), r.exported());
    }

    private static String pct(FineTune.Score s) {
        return String.format(Locale.ROOT, "%.2f [%.1f,%.1f]", s.pct(), 100 * s.interval().low(), 100 * s.interval().high());
    }
}
