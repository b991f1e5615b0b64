package org.maxdnn.flow;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.maxdnn.MaxdnnException;
import org.maxdnn.data.LabeledImage;
import org.maxdnn.infer.Workspace;
import org.maxdnn.io.NpyFiles;
import org.maxdnn.model.TensorInfo;
import org.maxdnn.task.Fidelity;
import org.maxdnn.data.DataSet;
import org.maxdnn.infer.Evaluation;
import org.maxdnn.infer.InferencePlan;
import org.maxdnn.infer.Network;
import org.maxdnn.io.AtomicFiles;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.mult.MultiplierRegistry;
import org.maxdnn.task.Classification;
import org.maxdnn.task.Task;

/**
 * The golden model's inference of a map over a data set ({@code maxdnn eval}), scored by the data
 * set's task, next to the exact map on the same inputs.
 */
public final class EvaluateMap {
    /** The network and map to run, on {@code data}'s inputs with {@code threads} threads. */
    public record Request(Network net, ApproxMap map, DataSet data, MultiplierRegistry registry, int threads) {
    }

    /**
     * The map's and the exact map's results, their values per input (the task's: the predicted
     * class, an anomaly score), and the map's time on one cold pass.
     */
    public record Evaluated(Request request, Evaluation.Result result, double[] values, double[] exactValues,
                            double seconds) {
        public Task task() {
            return request.data().task();
        }

        public boolean classifier() {
            return task() instanceof Classification;
        }

        /** Every input has a label, so the metric is defined unless the task says why not ({@link Task#whyUndefined}). */
        public boolean labelled() {
            return request.data().inputs().stream().allMatch(i -> i.label() >= 0);
        }

        public boolean metricDefined() {
            return task().whyUndefined() == null;
        }

        public double metric() {
            return task().metric(values);
        }

        public double exactMetric() {
            return task().metric(exactValues);
        }

        /** Top-1 agreement with the exact map (classifiers). */
        public double agreement() {
            return Classification.agreement(values, exactValues);
        }

        public int inputs() {
            return request.data().inputs().size();
        }
    }

    private EvaluateMap() {
    }

    public static Evaluated run(Request q, FlowListener listener) {
        int inputs = q.data().inputs().size();
        InferencePlan plan = InferencePlan.compile(q.net(), q.map(), q.registry());
        long t0 = System.nanoTime();
        Evaluation.Result r = Evaluation.run(plan, q.data().inputs(), q.threads(), done -> listener.progress("eval", done,
                inputs));
        double seconds = (System.nanoTime() - t0) / 1e9;
        Evaluation.Result exact = q.map().equals(ApproxMap.exact()) ? r : Evaluation.run(
                InferencePlan.compile(q.net(), ApproxMap.exact(), q.registry()), q.data().inputs(), q.threads(), null);
        Task task = q.data().task();
        return new Evaluated(q, r, r.perInput(task), exact.perInput(task), seconds);
    }

    /** Per input the task's prediction CSV ({@link Task#writePredictions}). */
    public static void writePredictions(Evaluated e, Path file) {
        AtomicFiles.write(file, w -> e.task().writePredictions(w, e.request().data().inputs(), e.result().logits(),
                e.values()));
    }

    /**
     * Every output tensor of every input under the map, as {@code NAME.<j>.npy} in {@code dir} (output
     * j of input NAME, in the tensor's own type and shape; {@link NpyFiles}); returns the files written.
     */
    public static int saveOutputs(Evaluated e, Path dir) {
        Request q = e.request();
        InferencePlan plan = InferencePlan.compile(q.net(), q.map(), q.registry());
        Workspace ws = plan.newWorkspace();
        int[] outs = q.net().outputTensors();
        try {
            Files.createDirectories(dir);
        } catch (IOException x) {
            throw MaxdnnException.badInput("cannot create " + dir + ": " + x.getMessage(), x);
        }
        int files = 0;
        for (LabeledImage in : q.data().inputs()) {
            plan.run(in.pixels(), ws, null);
            for (int j = 0; j < outs.length; j++) {
                TensorInfo t = q.net().model().tensor(outs[j]);
                NpyFiles.write(dir.resolve(in.name() + "." + j + ".npy"), t.type(), t.shape(), ws.read(outs[j]));
                files++;
            }
        }
        return files;
    }

    /** The run as JSON: model, rounding, map, sizes, the metric and the exact map's, agreement, time. */
    public static void writeJson(Evaluated e, String mapName, Path file) {
        Request q = e.request();
        ObjectNode root = new ObjectMapper().createObjectNode()
                .put("model", q.net().model().file().toString())
                .put("rounding", q.net().rounding().label())
                .put("map", mapName)
                .put("compensated", q.map().isCompensated())
                .put("images", q.data().samples())
                .put("inputs", e.inputs())
                .put("metric", e.task().metricName())
                .put("seconds", e.seconds())
                .put("inputs_per_second", e.inputs() / e.seconds());
        if (e.metricDefined()) {
            root.put("value", e.metric()).put("exact_value", e.exactMetric());
        } else {
            root.putNull("value").putNull("exact_value").put("undefined", e.task().whyUndefined());
        }
        if (e.task() instanceof Fidelity f) {
            double db = f.sqnrDb(e.values());
            if (Double.isInfinite(db)) {
                root.putNull("sqnr_db"); // no noise at all: JSON has no infinity
            } else {
                root.put("sqnr_db", db);
            }
        }
        if (e.classifier()) {
            Classification c = (Classification) e.task();
            root.put("agreement", e.agreement());
            if (e.labelled() && !c.agreement()) {
                root.put("correct", c.correct(e.values())).put("accuracy", c.metric(e.values()))
                        .put("exact_accuracy", c.metric(e.exactValues()));
            }
        }
        AtomicFiles.writeString(file, root.toPrettyString() + "\n");
    }
}
