package org.maxdnn.explore;

import java.util.List;
import org.maxdnn.data.LabeledImage;
import org.maxdnn.infer.Evaluation;
import org.maxdnn.infer.InferencePlan;
import org.maxdnn.infer.Network;
import org.maxdnn.infer.Workspace;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.mult.MultiplierRegistry;

/**
 * Accuracy of maps on a fixed image set, as the exploration asks it thousands of times: labelled
 * accuracy and top-1 agreement with the exact model. Each evaluation starts at the map's first
 * approximate layer from a snapshot of the exact run (earlier tensors are the exact ones).
 * Thread-safe; one evaluation runs on the calling thread ({@link InProcessEvaluator} runs several).
 */
public final class AccuracyOracle {
    /** What a map scores: correct labels and agreements out of {@code images}. */
    public record Score(int correct, int agree, int images) {
        public double accuracy() {
            return correct / (double) images;
        }

        public double agreement() {
            return agree / (double) images;
        }
    }

    private final Network net;
    private final List<LabeledImage> images;
    private final MultiplierRegistry registry;
    private final byte[][][] exactSnapshots;
    private final int[] exactPredictions;
    private final Score exactScore;
    private final ThreadLocal<Workspace> workspaces;

    public AccuracyOracle(Network net, List<LabeledImage> images, MultiplierRegistry registry, int threads) {
        this.net = net;
        this.images = List.copyOf(images);
        this.registry = registry;
        InferencePlan exact = InferencePlan.compile(net, ApproxMap.exact(), registry);
        Evaluation.Result r = Evaluation.run(exact, images, threads, null);
        exactPredictions = r.predictions();
        exactSnapshots = new byte[images.size()][][];
        Workspace ws = exact.newWorkspace();
        for (int i = 0; i < images.size(); i++) {
            exact.run(images.get(i).pixels(), ws, null);
            exactSnapshots[i] = ws.snapshot();
        }
        exactScore = new Score(r.correct(), images.size(), images.size());
        workspaces = ThreadLocal.withInitial(exact::newWorkspace);
    }

    public Network network() {
        return net;
    }

    public List<LabeledImage> images() {
        return images;
    }

    public MultiplierRegistry registry() {
        return registry;
    }

    public Score exact() {
        return exactScore;
    }

    public int[] exactPredictions() {
        return exactPredictions.clone();
    }

    /** The map's score on the data set. */
    public Score score(ApproxMap map) {
        InferencePlan plan = InferencePlan.compile(net, map, registry);
        int first = plan.firstApproximateLayer();
        if (first >= net.layers().size()) {
            return exactScore;
        }
        Workspace ws = workspaces.get();
        int correct = 0;
        int agree = 0;
        for (int i = 0; i < images.size(); i++) {
            ws.restore(exactSnapshots[i]);
            plan.runFrom(first, ws, null);
            int pred = InferencePlan.argmax(plan.logits(ws));
            correct += pred == images.get(i).label() ? 1 : 0;
            agree += pred == exactPredictions[i] ? 1 : 0;
        }
        return new Score(correct, agree, images.size());
    }
}
