package org.maxdnn.flow;

import java.util.List;
import org.maxdnn.data.DataSet;
import org.maxdnn.data.InputFormat;
import org.maxdnn.data.LabeledImage;
import org.maxdnn.infer.Network;
import org.maxdnn.mult.MultiplierRegistry;
import org.maxdnn.task.Classification;
import org.maxdnn.task.Task;

/**
 * What the flow works on: the network, the labelled inputs its metric is measured on with the task
 * that scores them (top-1, or ROC AUC for anomaly detection), the multipliers maps may name, and the
 * inputs' format when they were read as a data set (null otherwise; {@code --variants} needs it).
 */
public record Workload(Network net, List<LabeledImage> images, Task task, MultiplierRegistry registry,
                       InputFormat format) {
    public Workload {
        images = List.copyOf(images);
    }

    /** A classifier's images, scored by top-1. */
    public Workload(Network net, List<LabeledImage> images, MultiplierRegistry registry) {
        this(net, images, Classification.of(images), registry, null);
    }

    /** A data set read for the network ({@link org.maxdnn.data.DataSets}). */
    public static Workload of(Network net, DataSet data, MultiplierRegistry registry) {
        return new Workload(net, data.inputs(), data.task(), registry, data.format());
    }

    /** The data set the exploration splits. */
    public DataSet dataSet() {
        return new DataSet(null, format, task.sampleLabels().length, images, task);
    }

    /**
     * The same network and multipliers on the first {@code n} inputs, for stages that need inputs
     * only (operand capture, cosimulation); its task still scores the whole set.
     */
    public Workload first(int n) {
        return new Workload(net, images.subList(0, Math.min(n, images.size())), task, registry, format);
    }
}
