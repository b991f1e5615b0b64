package org.maxdnn.explore;

import java.io.Serializable;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.stream.IntStream;
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
 * exact model for classifiers. With prefix reuse (the default) each evaluation starts at the map's
 * first approximate layer from a snapshot of the exact run's activations (earlier tensors are the
 * exact ones: the same bytes as a run from the input, {@code AccuracyOracleTest}). With a
 * {@link StoppingRule} a classifier's map is scored sequentially, on its inputs in a fixed shuffled
 * order, and may stop early with a partial score.
 * Thread-safe; one evaluation runs on the calling thread ({@link InProcessEvaluator} runs several).
 */
public final class AccuracyOracle {
    /**
     * What a map scores: the task's metric (a share: top-1 accuracy or AUC), top-1 agreement with the
     * exact model (NaN for anomaly detection) and each sample's outcome ({@link Task#perSample}: 1/0
     * correct per image, or each anomaly file's score), which the paired tests against the exact
     * model need, and each input's {@link Task#perInput} value (a classifier's class; null when not
     * kept). {@code stoppedAfter} is 0 for a score on every sample; a {@link StoppingRule} that stops
     * a map after k inputs leaves k there and the figures of those k inputs (in the oracle's
     * sequential order), {@code perInput} null. Small and serialisable, so a distributed evaluator
     * can send it back.
     */
    public record Score(double metric, double agreement, double[] perSample, double[] perInput, int stoppedAfter)
            implements Serializable {
        /** A score on every sample, without the per-input values. */
        public Score(double metric, double agreement, double[] perSample) {
            this(metric, agreement, perSample, null, 0);
        }

        public int samples() {
            return perSample.length;
        }

        /** Whether every sample was scored (no stopping rule stopped it). */
        public boolean complete() {
            return stoppedAfter == 0;
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
    private final int[] order;

    public AccuracyOracle(Network net, DataSet data, MultiplierRegistry registry, int threads) {
        this(net, data.inputs(), data.task(), registry, threads);
    }

    /** The oracle of {@code inputs} scored by {@code task} (a data set without its files, as an executor gets it). */
    public AccuracyOracle(Network net, List<LabeledImage> inputs, Task task, MultiplierRegistry registry, int threads) {
        this(net, inputs, task, registry, threads, true);
    }

    /**
     * @param prefixReuse start each map at its first approximate layer from the exact run's
     *                    activations (true), or run every layer from the input (false: the same
     *                    scores, slower, and no snapshot kept)
     */
    public AccuracyOracle(Network net, List<LabeledImage> inputs, Task task, MultiplierRegistry registry, int threads,
                          boolean prefixReuse) {
        String why = task.whyUndefined();
        if (why != null) {
            throw MaxdnnException.badInput("cannot score maps by " + task.metricName() + " on " + why);
        }
        this.net = net;
        this.images = List.copyOf(inputs);
        this.task = task;
        this.registry = registry;
        InferencePlan exact = InferencePlan.compile(net, ApproxMap.exact(), registry);
        workspaces = ThreadLocal.withInitial(exact::newWorkspace);
        if (prefixReuse) {
            // one exact run per input gives both its value and its snapshot
            exactPerInput = new double[images.size()];
            exactSnapshots = new Object[images.size()][];
            onThreads(threads, i -> {
                Workspace ws = workspaces.get();
                exact.run(images.get(i).pixels(), ws, null);
                exactPerInput[i] = task.perInput(i, exact.logits(ws));
                exactSnapshots[i] = ws.activations();
            });
        } else {
            exactPerInput = Evaluation.run(exact, images, threads, null).perInput(task);
            exactSnapshots = null;
        }
        exactScore = score(exactPerInput);
        order = StoppingRule.order(images.size());
    }

    /** Runs {@code body} for every input index on up to {@code threads} threads (each index once, in any order). */
    private void onThreads(int threads, java.util.function.IntConsumer body) {
        int t = Math.max(1, Math.min(threads, images.size()));
        if (t == 1) {
            IntStream.range(0, images.size()).forEach(body);
            return;
        }
        ForkJoinPool pool = new ForkJoinPool(t);
        try {
            pool.submit(() -> IntStream.range(0, images.size()).parallel().forEach(body)).join();
        } finally {
            pool.shutdownNow();
        }
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

    /** The exact model's {@link Task#perInput} value of each input. */
    public double[] exactPerInput() {
        return exactPerInput.clone();
    }

    /** The map's score on the data set. */
    public Score score(ApproxMap map) {
        return score(map, null);
    }

    /**
     * The map's score, sequential under {@code rule} (null: on every input in input order): a
     * classifier's inputs are then run in {@link StoppingRule#order}, and after each of the rule's
     * looks the rule may stop it with a partial score. An input's value does not depend on the
     * order, so a score that runs to the end is the one without the rule.
     */
    public Score score(ApproxMap map, StoppingRule rule) {
        InferencePlan plan = InferencePlan.compile(net, map, registry);
        int first = exactSnapshots != null ? plan.firstApproximateLayer() : 0;
        if (first >= net.layers().size()) {
            return exactScore;
        }
        boolean sequential = rule != null && task instanceof Classification;
        int n = images.size();
        double[] perInput = new double[n];
        int done = 0;
        for (int look = sequential ? rule.firstLook() : n; ; look *= 2) {
            int end = Math.min(look, n);
            run(plan, first, sequential, done, end, perInput);
            done = end;
            if (done >= n) {
                break;
            }
            if (rule.stop(order, done, perInput)) {
                return partial(done, perInput);
            }
        }
        return score(perInput);
    }

    /**
     * Runs the inputs at positions [from, to) of the sequential order (of the input order when not
     * sequential) into {@code perInput}. Called on a fork-join pool's thread ({@link InProcessEvaluator}'s),
     * the inputs are spread over the pool's threads, so a thread with no map left helps with another's
     * inputs; an input's value does not depend on the thread that runs it.
     */
    private void run(InferencePlan plan, int first, boolean sequential, int from, int to, double[] perInput) {
        IntStream positions = IntStream.range(from, to);
        (ForkJoinTask.inForkJoinPool() ? positions.parallel() : positions).forEach(k -> {
            int i = sequential ? order[k] : k;
            Workspace ws = workspaces.get();
            if (exactSnapshots != null) {
                ws.restore(exactSnapshots[i]);
            } else {
                plan.setInput(images.get(i).pixels(), ws);
            }
            plan.runFrom(first, ws, null);
            perInput[i] = task.perInput(i, plan.logits(ws));
        });
    }

    private Score score(double[] perInput) {
        double agreement = task instanceof Classification ? Classification.agreement(perInput, exactPerInput) : Double.NaN;
        return new Score(task.metric(perInput), agreement, task.perSample(perInput), perInput, 0);
    }

    /** The figures of the first {@code k} inputs in {@link #order} (a classifier: one input per sample). */
    private Score partial(int k, double[] perInput) {
        Classification c = (Classification) task;
        int[] labels = c.labels();
        double[] correct = new double[k];
        int agree = 0;
        for (int j = 0; j < k; j++) {
            int i = order[j];
            correct[j] = perInput[i] == labels[i] ? 1 : 0;
            agree += perInput[i] == exactPerInput[i] ? 1 : 0;
        }
        double right = java.util.Arrays.stream(correct).sum();
        return new Score(right / k, agree / (double) k, correct, null, k);
    }
}
