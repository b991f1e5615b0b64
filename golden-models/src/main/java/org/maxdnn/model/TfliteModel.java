package org.maxdnn.model;

import java.nio.file.Path;
import java.util.List;
import org.maxdnn.model.tflite.TfliteReader;

/** A .tflite model as read: its tensors and operators in execution order (single subgraph). */
public record TfliteModel(Path file, String description, List<TensorInfo> tensors, List<Operator> operators,
                          int[] inputs, int[] outputs) {

    /** Reads a .tflite file; a corrupt file is a clear error (exit 2). */
    public static TfliteModel read(Path file) {
        return TfliteReader.read(file);
    }

    /** Reads a model's bytes; {@code file} names it in messages. */
    public static TfliteModel parse(Path file, byte[] bytes) {
        return TfliteReader.parse(file, bytes);
    }

    public TensorInfo tensor(int index) {
        return tensors.get(index);
    }
}
