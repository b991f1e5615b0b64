package org.maxdnn.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.maxdnn.infer.Evaluation;
import org.maxdnn.infer.InferencePlan;
import org.maxdnn.infer.Network;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.model.TensorInfo;
import org.maxdnn.mult.MultiplierRegistry;
import org.maxdnn.task.Classification;
import org.maxdnn.task.Fidelity;
import org.maxdnn.task.Task;

/**
 * Samples without labels scored by fidelity to the exact network (SPEC §12.1), which runs once on
 * them here: a classifier (the tensor the task reads is a vector of at least two class scores) by
 * its top-1 agreement with the exact network (each sample labelled with the exact network's class),
 * any other output by {@link Fidelity} (its SQNR against the exact output).
 */
public final class UnlabelledSets {
    private UnlabelledSets() {
    }

    /** Whether the network's task tensor is class scores: shape [C] or [1, C] with C ≥ 2. */
    public static boolean classifier(Network net) {
        int[] shape = net.model().tensor(net.logitsTensor()).shape();
        int c = net.classes();
        return c >= 2 && shape.length >= 1 && shape.length <= 2 && shape[shape.length - 1] == c;
    }

    /** The data set of {@code inputs} with the task that compares every map with the exact network. */
    public static DataSet of(Path source, InputFormat format, List<LabeledImage> inputs, Network net, int threads) {
        return of(source, format, inputs, net, threads, classifier(net));
    }

    /**
     * The same with the task chosen: {@code agreement} (top-1 agreement, a classifier only) or else
     * {@link Fidelity}; a model whose task tensor is not class scores has no agreement (exit 2).
     */
    public static DataSet of(Path source, InputFormat format, List<LabeledImage> inputs, Network net, int threads,
                             boolean agreement) {
        if (agreement && !classifier(net)) {
            throw org.maxdnn.MaxdnnException.badInput("model " + net.model().file() + ": top-1 agreement needs class "
                    + "scores, but the tensor the task reads (" + net.logitsTensor() + ") has shape "
                    + net.model().tensor(net.logitsTensor()).shapeText() + "; use the fidelity task (snr)");
        }
        InferencePlan exact = InferencePlan.compile(net, ApproxMap.exact(), new MultiplierRegistry(null));
        Evaluation.Result r = Evaluation.run(exact, inputs, threads, null);
        Task task;
        List<LabeledImage> labelled = inputs;
        if (agreement) {
            labelled = new ArrayList<>(inputs.size());
            for (int i = 0; i < inputs.size(); i++) {
                LabeledImage in = inputs.get(i);
                labelled.add(new LabeledImage(in.name(), r.predictions()[i], in.pixels()));
            }
            task = Classification.of(labelled).withAgreement();
        } else {
            TensorInfo out = net.model().tensor(net.logitsTensor());
            task = new Fidelity(r.logits(), out.quant().scale(), out.quant().zeroPoint());
        }
        return new DataSet(source, format, inputs.size(), labelled, task);
    }
}
