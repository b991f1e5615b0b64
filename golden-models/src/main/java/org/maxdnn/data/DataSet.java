package org.maxdnn.data;

import java.nio.file.Path;
import java.util.List;
import org.maxdnn.task.Task;

/**
 * A sample set read for a model: every input (one inference each, in order) and the task that scores
 * their outputs. {@code samples} counts files: an anomaly file gives many windows.
 */
public record DataSet(Path source, InputFormat format, int samples, List<LabeledImage> inputs, Task task) {
    public DataSet {
        inputs = List.copyOf(inputs);
    }
}
