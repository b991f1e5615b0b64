package org.maxdnn.model;

import java.nio.file.Path;
import java.util.List;
import org.maxdnn.model.tflite.TfliteReader;

/** A .tflite model as read: its tensors and operators in execution order (single subgraph). */
public record TfliteModel(Path file, String description, List<TensorInfo> tensors, List<Operator> operators,
                          int[] inputs, int[] outputs) {

    /** Reads a .tflite file; a corrupt file or an unsupported operator is a clear error (exit 2). */
    public static TfliteModel read(Path file) {
        return TfliteReader.read(file);
    }

    public TensorInfo tensor(int index) {
        return tensors.get(index);
    }
}
