package org.maxdnn.explore;

import java.io.Serializable;
import java.util.List;
import org.maxdnn.MaxdnnException;
import org.maxdnn.data.DataSet;
import org.maxdnn.data.LabeledImage;
import org.maxdnn.infer.Evaluation;
import org.maxdnn.infer.InferencePlan;
import org.maxdnn.infer.Network;
import org.maxdnn.infer.Workspace;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.mult.MultiplierRegistry;
import org.maxdnn.task.Classification;
import org.maxdnn.task.Task;

/**
 * The task's metric of maps on a fixed data set (top-1 for a classifier, ROC AUC for anomaly
 * detection, SPEC §12), as the exploration asks it thousands of times, with top-1 agreement with the
 * exact model for classifiers. Each evaluation starts at the map's first approximate layer from a
 * snapshot of the exact run (earlier tensors are the exact ones).
 * Thread-safe; one evaluation runs on the calling thread ({@link InProcessEvaluator} runs several).
 */
public final class AccuracyOracle {
    /**
     * What a map scores: the task's metric (a share: top-1 accuracy or AUC), top-1 agreement with the
     * exact model (NaN for anomaly detection) and each sample's outcome ({@link Task#perSample}: 1/0
     * correct per image, or each anomaly file's score), which the paired tests against the exact
     * model need. Small and serialisable, so a distributed evaluator can send it back.
     */
    public record Score(double metric, double agreement, double[] perSample) implements Serializable {
        public int samples() {
            return perSample.length;
        }

        /** Loss against {@code exact} in percentage points (AUC points ×100 for anomaly detection). */
        public double lossPts(Score exact) {
            return 100 * (exact.metric - metric);
        }
    }

    private final Network net;
    private final List<LabeledImage> images;
    private final Task task;
    private final MultiplierRegistry registry;
    private final Object[][] exactSnapshots;
    private final double[] exactPerInput;
    private final Score exactScore;
    private final ThreadLocal<Workspace> workspaces;

    public AccuracyOracle(Network net, DataSet data, MultiplierRegistry registry, int threads) {
        this(net, data.inputs(), data.task(), registry, threads);
    }

    /** The oracle of {@code inputs} scored by {@code task} (a data set without its files, as an executor gets it). */
    public AccuracyOracle(Network net, List<LabeledImage> inputs, Task task, MultiplierRegistry registry, int threads) {
        String why = task.whyUndefined();
        if (why != null) {
            throw MaxdnnException.badInput("cannot score maps by " + task.metricName() + " on " + why);
        }
        this.net = net;
        this.images = List.copyOf(inputs);
        this.task = task;
        this.registry = registry;
        InferencePlan exact = InferencePlan.compile(net, ApproxMap.exact(), registry);
        Evaluation.Result r = Evaluation.run(exact, images, threads, null);
        exactPerInput = r.perInput(task);
        exactSnapshots = new Object[images.size()][];
        Workspace ws = exact.newWorkspace();
        for (int i = 0; i < images.size(); i++) {
            exact.run(images.get(i).pixels(), ws, null);
            exactSnapshots[i] = ws.snapshot();
        }
        exactScore = score(exactPerInput);
        workspaces = ThreadLocal.withInitial(exact::newWorkspace);
    }

    public Network network() {
        return net;
    }

    public List<LabeledImage> images() {
        return images;
    }

    public Task task() {
        return task;
    }

    public MultiplierRegistry registry() {
        return registry;
    }

    public Score exact() {
        return exactScore;
    }

    /** The map's score on the data set. */
    public Score score(ApproxMap map) {
        InferencePlan plan = InferencePlan.compile(net, map, registry);
        int first = plan.firstApproximateLayer();
        if (first >= net.layers().size()) {
            return exactScore;
        }
        Workspace ws = workspaces.get();
        double[] perInput = new double[images.size()];
        for (int i = 0; i < images.size(); i++) {
            ws.restore(exactSnapshots[i]);
            plan.runFrom(first, ws, null);
            perInput[i] = task.perInput(i, plan.logits(ws));
        }
        return score(perInput);
    }

    private Score score(double[] perInput) {
        double agreement = task instanceof Classification ? Classification.agreement(perInput, exactPerInput) : Double.NaN;
        return new Score(task.metric(perInput), agreement, task.perSample(perInput));
    }
}
