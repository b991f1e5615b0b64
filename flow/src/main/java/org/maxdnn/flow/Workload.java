package org.maxdnn.flow;

import java.nio.file.Path;
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
 * inputs' format and source when they were read as a data set (null otherwise; {@code --variants} needs the
 * format, explore's summary names both).
 */
public record Workload(Network net, List<LabeledImage> images, Task task, MultiplierRegistry registry,
                       InputFormat format, Path source) {
    public Workload {
        images = List.copyOf(images);
    }

    /** Inputs of no named source (explore's summary then names none). */
    public Workload(Network net, List<LabeledImage> images, Task task, MultiplierRegistry registry, InputFormat format) {
        this(net, images, task, registry, format, null);
    }

    /** A classifier's images, scored by top-1. */
    public Workload(Network net, List<LabeledImage> images, MultiplierRegistry registry) {
        this(net, images, Classification.of(images), registry, null);
    }

    /** A data set read for the network ({@link org.maxdnn.data.DataSets}). */
    public static Workload of(Network net, DataSet data, MultiplierRegistry registry) {
        return new Workload(net, data.inputs(), data.task(), registry, data.format(), data.source());
    }

    /** The data set the exploration splits. */
    public DataSet dataSet() {
        return new DataSet(source, format, task.sampleLabels().length, images, task);
    }

    /**
     * The same network and multipliers on the first {@code n} inputs, for stages that need inputs
     * only (operand capture, cosimulation); its task still scores the whole set.
     */
    public Workload first(int n) {
        return new Workload(net, images.subList(0, Math.min(n, images.size())), task, registry, format, source);
    }
}
