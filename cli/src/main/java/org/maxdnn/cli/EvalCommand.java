package org.maxdnn.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.maxdnn.data.DataSet;
import org.maxdnn.flow.EvaluateMap;
import org.maxdnn.infer.Evaluation;
import org.maxdnn.infer.Network;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.task.Classification;
import org.maxdnn.task.Fidelity;

/** {@code maxdnn eval}: golden inference over a data set under a map, scored by the task's metric. */
final class EvalCommand implements CliCommand {
    @Override
    public String name() {
        return "eval";
    }

    @Override
    public String summary() {
        return "golden inference over a data set under a map: the task's metric (top-1, ROC AUC), agreement with "
                + "the exact model";
    }

    @Override
    public Options options() {
        Options o = new Options().addOption(Inputs.model()).addOption(Inputs.rounding()).addOption(Inputs.map());
        Inputs.images(o).addOption(Inputs.task());
        return o.addOption(Inputs.outFile("predictions", "per-sample CSV: file,label,pred,fc_out (fc_out: the int8 "
                        + "logits joined by ;), for ad file,label,score"))
                .addOption(Inputs.outFile("json", "summary as JSON"))
                .addOption(Option.builder().longOpt("save-outputs").hasArg().argName("DIR")
                        .converter(OptionTypes.outputFolder()).desc("write every output tensor of every sample as "
                                + "DIR/NAME.<j>.npy (output j, the tensor's own type and shape)").build())
                .addOption(Inputs.threads());
    }

    @Override
    public List<OptionRule> rules() {
        return List.of(Inputs.SEED_WITH_RANDOM);
    }

    @Override
    public int run(CommandLine cmd, Context ctx) {
        Network net = Inputs.network(cmd, ctx);
        ApproxMap map = Inputs.map(cmd, net, ctx);
        DataSet data = Inputs.dataSet(cmd, ctx, net);
        int threads = OptionTypes.value(cmd, "threads", Evaluation.defaultThreads());
        String mapName = cmd.hasOption("map") ? cmd.getOptionValue("map") : "exact (no --map)";
        int inputs = data.inputs().size();
        ctx.out().printf(Locale.ROOT, "eval: %s, %s rounding; %d samples%s from %s; map %s; %d threads%n",
                net.model().file().getFileName(), net.rounding().label(), data.samples(),
                inputs == data.samples() ? "" : " (" + inputs + " inputs)", data.source(),
                mapName + (map.isCompensated() ? " (bias-compensated)" : ""), threads);
        EvaluateMap.Evaluated e = EvaluateMap.run(new EvaluateMap.Request(net, map, data, Inputs.registry(ctx), threads),
                new ConsoleListener(ctx));
        String metric = e.classifier() ? "accuracy" : e.task().metricName();
        if (e.task() instanceof Fidelity f) {
            ctx.out().printf(Locale.ROOT, "no labels: %s on tensor %d (exact model: no noise)%n", f.describe(e.values()),
                    net.logitsTensor());
        } else if (e.task() instanceof Classification c && c.agreement()) {
            ctx.out().printf(Locale.ROOT, "no labels: top-1 agreement with the exact model %s%n",
                    c.describe(e.values()));
        } else if (e.labelled() && !e.metricDefined()) {
            // a one-label anomaly set has per-file scores (--predictions) but no AUC to compare
            ctx.out().printf(Locale.ROOT, "%s %s%n", metric, e.task().describe(e.values()));
        } else if (e.labelled()) {
            double loss = e.exactMetric() - e.metric();
            ctx.out().printf(Locale.ROOT, "%s %s (exact model %s, loss %s)%n", metric, e.task().describe(e.values()),
                    e.classifier() ? String.format(Locale.ROOT, "%.2f%%", 100 * e.exactMetric())
                            : String.format(Locale.ROOT, "%.4f", e.exactMetric()),
                    e.classifier() ? String.format(Locale.ROOT, "%.2f points", 100 * loss)
                            : String.format(Locale.ROOT, "%.4f", loss));
        }
        if (e.classifier() && !((Classification) e.task()).agreement()) {
            ctx.out().printf(Locale.ROOT, "agreement with the exact model (top-1) %.2f%%%n", 100 * e.agreement());
        }
        // one pass of a fresh JVM: the JIT compiles while it runs, so this is below the steady state
        ctx.out().printf(Locale.ROOT, "time %.2f s, %.0f inferences/s in one cold pass (steady state: ./maxdnn bench "
                + "--only inference)%n", e.seconds(), inputs / e.seconds());
        if (cmd.hasOption("predictions")) {
            Path file = OptionTypes.path(cmd, "predictions");
            EvaluateMap.writePredictions(e, file);
            ctx.out().println("wrote " + file);
        }
        if (cmd.hasOption("save-outputs")) {
            Path dir = OptionTypes.path(cmd, "save-outputs");
            int files = EvaluateMap.saveOutputs(e, dir);
            ctx.out().println("wrote " + files + " .npy files into " + dir);
        }
        if (cmd.hasOption("json")) {
            Path file = OptionTypes.path(cmd, "json");
            EvaluateMap.writeJson(e, mapName, file);
            ctx.out().println("wrote " + file);
        }
        return 0;
    }
}
