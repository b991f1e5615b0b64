package org.maxdnn.flow;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.maxdnn.data.DataSet;
import org.maxdnn.data.DataSets;
import org.maxdnn.data.ImageFolder;
import org.maxdnn.data.LabeledImage;
import org.maxdnn.explore.Significance;
import org.maxdnn.infer.Evaluation;
import org.maxdnn.infer.InferencePlan;
import org.maxdnn.infer.Network;
import org.maxdnn.io.AtomicFiles;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.mult.MultiplierRegistry;

/**
 * Approximation-aware fine-tuning as a stage: the training images (an ImageFolder, e.g. the CIFAR-10
 * training JPEGs) fine-tune the model under the map ({@link Trainer}), the result is exported as
 * {@code finetuned.tflite} and graded by the golden model on each grading set, like for like: the
 * original model exact and under the map (post-training), the fine-tuned model under the map and,
 * given the same schedule's fine-tuned exact model ({@code baseline}), that one exact. Each figure
 * comes with its 95% Wilson interval; {@code finetune.json} holds them all.
 */
public final class FineTune {
    private FineTune() {
    }

    /**
     * @param trainImages the training set: a folder or ZIP of class folders
     * @param trainLimit  at most this many training images, stratified (≤ 0: all)
     * @param grading     named sample folders to grade on (each read for the model as {@code eval} reads it)
     * @param baseline    the fine-tuned exact model of the same schedule, or null
     */
    public record Request(Path model, Path mapFile, ApproxMap map, MultiplierRegistry registry, Path trainImages,
                          int trainLimit, List<GradingSet> grading, Path baseline, Trainer.Schedule schedule,
                          Path out, int threads) {
        public Request withMap(Path file, ApproxMap m) {
            return new Request(model, file, m, registry, trainImages, trainLimit, grading, baseline, schedule, out,
                    threads);
        }

        public Request withOut(Path folder) {
            return new Request(model, mapFile, map, registry, trainImages, trainLimit, grading, baseline, schedule,
                    folder, threads);
        }

        public Request withBaseline(Path model) {
            return new Request(this.model, mapFile, map, registry, trainImages, trainLimit, grading, model, schedule,
                    out, threads);
        }
    }

    public record GradingSet(String name, Path folder) {
    }

    /** top-1 of one model and map on one grading set. */
    public record Score(String model, String map, int correct, int samples, Significance.Interval interval) {
        public double pct() {
            return 100.0 * correct / samples;
        }
    }

    /** Per grading set: the scores and the fine-tuned map's losses (points) against the two references. */
    public record Grade(String set, Score originalExact, Score originalMap, Score finetunedMap, Score baselineExact) {
        public double lossVsOriginalPts() {
            return originalExact.pct() - finetunedMap.pct();
        }

        /** NaN without a baseline. */
        public double lossVsBaselinePts() {
            return baselineExact == null ? Double.NaN : baselineExact.pct() - finetunedMap.pct();
        }
    }

    public record Result(Path exported, Trainer.Result training, List<Grade> grades) {
    }

    public static Result run(Request r, Trainer trainer, FlowListener listener) {
        if (r.map().isCompensated()) {
            // the trained biases take the place of the corrections, which were calibrated for the original weights
            listener.note("the map's bias compensation is left out: fine-tuning trains the biases itself");
            r = r.withMap(r.mapFile(), r.map().withCompensation(null));
        }
        Network original = Network.load(r.model());
        r.map().validate(original, mapName(r)).checkTables(r.registry(), mapName(r));
        int side = original.inputShape()[1];
        listener.stage("reading the training images");
        List<LabeledImage> images = ImageFolder.read(r.trainImages(), side, r.trainLimit());
        listener.note("training images: " + images.size() + " from " + r.trainImages());
        listener.stage("fine-tuning under " + mapName(r));
        Path exported = r.out().resolve("finetuned.tflite");
        Trainer.Result training = trainer.train(r.model(), r.map(), r.registry(), images, r.schedule(), exported,
                listener);
        listener.note("wrote " + exported + " (start: " + training.start() + ")");
        listener.stage("grading with the golden model");
        Network tuned = Network.load(exported);
        Network baseline = r.baseline() != null ? Network.load(r.baseline()) : null;
        List<Grade> grades = new ArrayList<>();
        for (GradingSet g : r.grading()) {
            DataSet data = DataSets.read(g.folder(), original, 0);
            Grade grade = new Grade(g.name(),
                    score("original", "exact", original, ApproxMap.exact(), data, r),
                    score("original", "map", original, r.map(), data, r),
                    score("fine-tuned", "map", tuned, r.map(), data, r),
                    baseline == null ? null : score("fine-tuned exact", "exact", baseline, ApproxMap.exact(), data, r));
            grades.add(grade);
            listener.note(String.format("%s (%d): original exact %.2f%%, original + map %.2f%%, fine-tuned + map %.2f%%%s",
                    g.name(), data.inputs().size(), grade.originalExact().pct(), grade.originalMap().pct(),
                    grade.finetunedMap().pct(), baseline == null ? ""
                            : String.format(", fine-tuned exact baseline %.2f%%", grade.baselineExact().pct())));
        }
        Result result = new Result(exported, training, grades);
        writeJson(r, result, r.out().resolve("finetune.json"));
        return result;
    }

    private static String mapName(Request r) {
        return r.mapFile() != null ? r.mapFile().toString() : "the exact map";
    }

    private static Score score(String model, String mapName, Network net, ApproxMap map, DataSet data, Request r) {
        Evaluation.Result e = Evaluation.run(InferencePlan.compile(net, map, r.registry()), data.inputs(), r.threads(),
                i -> { });
        int correct = e.correct();
        int n = data.inputs().size();
        return new Score(model, mapName, correct, n, Significance.wilson(correct, n));
    }

    private static void writeJson(Request r, Result result, Path file) {
        ObjectMapper om = new ObjectMapper();
        ObjectNode root = om.createObjectNode();
        root.put("model", r.model().toString()).put("map", mapName(r))
                .put("exported", result.exported().toString()).put("start", result.training().start())
                .put("baseline", r.baseline() == null ? null : r.baseline().toString());
        Trainer.Schedule s = r.schedule();
        root.putObject("schedule").put("epochs", s.epochs()).put("batch", s.batch())
                .put("learning_rate", s.learningRate()).put("weight_decay", s.weightDecay()).put("seed", s.seed())
                .put("max_steps", s.maxSteps()).put("train_images", r.trainImages().toString())
                .put("train_limit", r.trainLimit());
        ArrayNode epochs = root.putArray("epochs");
        for (Trainer.Epoch e : result.training().epochs()) {
            epochs.addObject().put("epoch", e.epoch()).put("steps", e.steps()).put("loss", e.meanLoss())
                    .put("train_top1_pct", 100 * e.trainAccuracy()).put("seconds", e.seconds());
        }
        ArrayNode grades = root.putArray("grades");
        for (Grade g : result.grades()) {
            ObjectNode o = grades.addObject().put("set", g.set());
            put(o, "original_exact", g.originalExact());
            put(o, "original_map", g.originalMap());
            put(o, "finetuned_map", g.finetunedMap());
            if (g.baselineExact() != null) {
                put(o, "baseline_exact", g.baselineExact());
                o.put("loss_vs_baseline_pts", g.lossVsBaselinePts());
            }
            o.put("loss_vs_original_pts", g.lossVsOriginalPts());
        }
        AtomicFiles.writeString(file, root.toPrettyString() + "\n");
    }

    private static void put(ObjectNode o, String key, Score s) {
        o.putObject(key).put("correct", s.correct()).put("samples", s.samples()).put("top1_pct", s.pct())
                .put("ci_low_pct", 100 * s.interval().low()).put("ci_high_pct", 100 * s.interval().high());
    }
}
