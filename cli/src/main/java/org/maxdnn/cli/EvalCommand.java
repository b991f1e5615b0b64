package org.maxdnn.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.maxdnn.data.DataSet;
import org.maxdnn.infer.Evaluation;
import org.maxdnn.infer.InferencePlan;
import org.maxdnn.infer.Network;
import org.maxdnn.io.AtomicFiles;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.mult.MultiplierRegistry;
import org.maxdnn.task.Classification;
import org.maxdnn.task.Task;

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
        Inputs.images(o);
        return o.addOption(Option.builder().longOpt("predictions").hasArg().argName("FILE")
                        .desc("per-sample CSV: file,label,pred,fc_out (fc_out: the int8 logits joined by ;), "
                                + "for ad file,label,score").build())
                .addOption(Option.builder().longOpt("json").hasArg().argName("FILE").desc("summary as JSON").build())
                .addOption(Option.builder().longOpt("threads").hasArg().argName("N")
                        .desc("worker threads (default: all cores)").build());
    }

    @Override
    public int run(CommandLine cmd, Context ctx) throws Exception {
        Network net = Inputs.network(cmd, ctx);
        ApproxMap map = Inputs.map(cmd, net, ctx);
        DataSet data = Inputs.dataSet(cmd, ctx, net);
        int threads = Inputs.positiveInt(cmd, "threads", Evaluation.defaultThreads());
        MultiplierRegistry registry = Inputs.registry(ctx);
        String mapName = cmd.hasOption("map") ? cmd.getOptionValue("map") : "exact (no --map)";
        int inputs = data.inputs().size();
        ctx.out().printf(Locale.ROOT, "eval: %s, %s rounding; %d samples%s from %s; map %s; %d threads%n",
                net.model().file().getFileName(), net.rounding().label(), data.samples(),
                inputs == data.samples() ? "" : " (" + inputs + " inputs)", data.source(),
                mapName + (map.isCompensated() ? " (bias-compensated)" : ""), threads);

        InferencePlan plan = InferencePlan.compile(net, map, registry);
        long t0 = System.nanoTime();
        Progress progress = new Progress(ctx.err(), "eval", inputs);
        Evaluation.Result r = Evaluation.run(plan, data.inputs(), threads, progress::update);
        double seconds = (System.nanoTime() - t0) / 1e9;
        Evaluation.Result exact = map.equals(ApproxMap.exact()) ? r
                : Evaluation.run(InferencePlan.compile(net, ApproxMap.exact(), registry), data.inputs(), threads, null);

        Task task = data.task();
        double[] mine = r.perInput(task);
        double[] exactValues = exact.perInput(task);
        boolean classifier = task instanceof Classification;
        boolean labelled = data.inputs().stream().allMatch(i -> i.label() >= 0);
        String metric = classifier ? "accuracy" : task.metricName();
        // a one-label anomaly set has per-file scores (--predictions) but no AUC to compare
        boolean defined = task.whyUndefined() == null;
        if (labelled && !defined) {
            ctx.out().printf(Locale.ROOT, "%s %s%n", metric, task.describe(mine));
        } else if (labelled) {
            double loss = task.metric(exactValues) - task.metric(mine);
            ctx.out().printf(Locale.ROOT, "%s %s (exact model %s, loss %s)%n", metric, task.describe(mine),
                    classifier ? String.format(Locale.ROOT, "%.2f%%", 100 * task.metric(exactValues))
                            : String.format(Locale.ROOT, "%.4f", task.metric(exactValues)),
                    classifier ? String.format(Locale.ROOT, "%.2f points", 100 * loss)
                            : String.format(Locale.ROOT, "%.4f", loss));
        }
        if (classifier) {
            ctx.out().printf(Locale.ROOT, "agreement with the exact model (top-1) %.2f%%%n",
                    100 * Classification.agreement(mine, exactValues));
        }
        // one pass of a fresh JVM: the JIT compiles while it runs, so this is below the steady state
        ctx.out().printf(Locale.ROOT, "time %.2f s, %.0f inferences/s in one cold pass (steady state: ./maxdnn bench "
                + "--only inference)%n", seconds, inputs / seconds);

        if (cmd.hasOption("predictions")) {
            Path file = Path.of(cmd.getOptionValue("predictions"));
            AtomicFiles.write(file, w -> task.writePredictions(w, data.inputs(), r.logits(), mine));
            ctx.out().println("wrote " + file);
        }
        if (cmd.hasOption("json")) {
            ObjectMapper json = new ObjectMapper();
            ObjectNode root = json.createObjectNode()
                    .put("model", net.model().file().toString())
                    .put("rounding", net.rounding().label())
                    .put("map", mapName)
                    .put("compensated", map.isCompensated())
                    .put("images", data.samples())
                    .put("inputs", inputs)
                    .put("metric", task.metricName())
                    .put("seconds", seconds)
                    .put("inputs_per_second", inputs / seconds);
            if (defined) {
                root.put("value", task.metric(mine)).put("exact_value", task.metric(exactValues));
            } else {
                root.putNull("value").putNull("exact_value").put("undefined", task.whyUndefined());
            }
            if (classifier) {
                Classification c = (Classification) task;
                root.put("agreement", Classification.agreement(mine, exactValues));
                if (labelled) {
                    root.put("correct", c.correct(mine)).put("accuracy", c.metric(mine))
                            .put("exact_accuracy", c.metric(exactValues));
                }
            }
            Path file = Path.of(cmd.getOptionValue("json"));
            AtomicFiles.writeString(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
            ctx.out().println("wrote " + file);
        }
        return 0;
    }
}
