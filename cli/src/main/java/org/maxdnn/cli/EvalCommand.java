package org.maxdnn.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.maxdnn.data.LabeledImage;
import org.maxdnn.infer.Evaluation;
import org.maxdnn.infer.InferencePlan;
import org.maxdnn.infer.Network;
import org.maxdnn.io.AtomicFiles;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.mult.MultiplierRegistry;

/** {@code maxdnn eval}: golden inference over a data set under a map. */
final class EvalCommand implements CliCommand {
    @Override
    public String name() {
        return "eval";
    }

    @Override
    public String summary() {
        return "golden inference over a data set under a map: accuracy, agreement with the exact model";
    }

    @Override
    public Options options() {
        Options o = new Options().addOption(Inputs.model()).addOption(Inputs.map());
        Inputs.images(o);
        return o.addOption(Option.builder().longOpt("predictions").hasArg().argName("FILE")
                        .desc("per-image CSV file,label,pred,fc_out (fc_out: the int8 FC outputs joined by ;)").build())
                .addOption(Option.builder().longOpt("json").hasArg().argName("FILE").desc("summary as JSON").build())
                .addOption(Option.builder().longOpt("threads").hasArg().argName("N")
                        .desc("worker threads (default: all cores)").build());
    }

    @Override
    public int run(CommandLine cmd, Context ctx) throws Exception {
        Network net = Inputs.network(cmd, ctx);
        ApproxMap map = Inputs.map(cmd, net);
        List<LabeledImage> images = Inputs.images(cmd, ctx);
        int threads = Inputs.positiveInt(cmd, "threads", Evaluation.defaultThreads());
        MultiplierRegistry registry = Inputs.registry(ctx);
        String mapName = cmd.hasOption("map") ? cmd.getOptionValue("map") : "exact (no --map)";
        ctx.out().printf(Locale.ROOT, "eval: %d images, map %s, %d threads%n", images.size(), mapName, threads);

        InferencePlan plan = InferencePlan.compile(net, map, registry);
        long t0 = System.nanoTime();
        Progress progress = new Progress(ctx.err(), "eval", images.size());
        Evaluation.Result r = Evaluation.run(plan, images, threads, progress::update);
        double seconds = (System.nanoTime() - t0) / 1e9;
        Evaluation.Result exact = map.equals(ApproxMap.exact()) ? r
                : Evaluation.run(InferencePlan.compile(net, ApproxMap.exact(), registry), images, threads, null);

        boolean labelled = images.stream().allMatch(i -> i.label() >= 0);
        if (labelled) {
            ctx.out().printf(Locale.ROOT, "accuracy %d/%d = %.2f%%", r.correct(), images.size(), 100 * r.accuracy());
            ctx.out().printf(Locale.ROOT, " (exact model %.2f%%, loss %.2f points)%n", 100 * exact.accuracy(),
                    100 * (exact.accuracy() - r.accuracy()));
        }
        ctx.out().printf(Locale.ROOT, "agreement with the exact model (top-1) %.2f%%%n", 100 * r.agreement(exact));
        // one pass of a fresh JVM: the JIT compiles while it runs, so this is below the steady state
        ctx.out().printf(Locale.ROOT, "time %.2f s, %.0f images/s in one cold pass (steady state: ./maxdnn bench "
                + "--only inference)%n", seconds, images.size() / seconds);

        if (cmd.hasOption("predictions")) {
            Path file = Path.of(cmd.getOptionValue("predictions"));
            AtomicFiles.write(file, w -> {
                w.write("file,label,pred,fc_out\n");
                for (int i = 0; i < images.size(); i++) {
                    w.write(images.get(i).name() + "," + images.get(i).label() + "," + r.predictions()[i] + ","
                            + Arrays.stream(r.logits()[i]).mapToObj(Integer::toString).collect(Collectors.joining(";")) + "\n");
                }
            });
            ctx.out().println("wrote " + file);
        }
        if (cmd.hasOption("json")) {
            ObjectMapper json = new ObjectMapper();
            ObjectNode root = json.createObjectNode()
                    .put("model", net.model().file().toString())
                    .put("map", mapName)
                    .put("images", images.size())
                    .put("agreement", r.agreement(exact))
                    .put("seconds", seconds)
                    .put("images_per_second", images.size() / seconds);
            if (labelled) {
                root.put("correct", r.correct()).put("accuracy", r.accuracy()).put("exact_accuracy", exact.accuracy());
            }
            Path file = Path.of(cmd.getOptionValue("json"));
            AtomicFiles.writeString(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
            ctx.out().println("wrote " + file);
        }
        return 0;
    }
}
