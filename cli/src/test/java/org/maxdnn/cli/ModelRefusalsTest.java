package org.maxdnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maxdnn.MaxdnnException;
import org.maxdnn.model.ElementType;
import org.maxdnn.model.OpType;
import org.maxdnn.model.tflite.TfliteBuilder;
import org.maxdnn.model.tflite.TfliteBuilder.Options;
import org.maxdnn.model.tflite.TfliteBuilder.Quant;
import org.maxdnn.tflite.TfliteInterpreter;

/**
 * What the toolkit refuses in a model, once and clearly (exit 2): every operator it cannot run by
 * its TFLite name with its indices, and quantization parameters TFLite's interpreter refuses too.
 */
class ModelRefusalsTest {
    @TempDir
    Path tmp;

    @Test
    void everyUnsupportedOperatorIsListedOnceByNameWithItsIndices() throws Exception {
        TfliteBuilder b = new TfliteBuilder();
        Quant q = Quant.of(0.1f, 0);
        int x = b.tensor("x", ElementType.INT8, new int[] {1, 4}, q);
        int y = b.tensor("y", ElementType.INT8, new int[] {1, 4}, q);
        int z = b.tensor("z", ElementType.INT8, new int[] {1, 4}, q);
        int w = b.tensor("w", ElementType.INT8, new int[] {1, 4}, q);
        b.operator(OpType.EMBEDDING_LOOKUP, new int[] {x}, new int[] {y}, null);
        b.custom("MyPostProcess", new int[] {y}, new int[] {z});
        b.operator(OpType.EMBEDDING_LOOKUP, new int[] {z}, new int[] {w}, null);
        b.operator(OpType.RELU, new int[] {w}, new int[] {w}, null);
        Path model = tmp.resolve("unsupported.tflite");
        Files.write(model, b.inputs(x).outputs(w).build());
        MainTest.Outcome o = MainTest.run("model", "--model", model.toString());
        assertEquals(2, o.code(), o.err());
        assertEquals(1, o.err().strip().lines().count(), o.err());
        assertTrue(o.err().contains("2 unsupported operators: EMBEDDING_LOOKUP (operators 0, 2), "
                + "CUSTOM(MyPostProcess) (operator 1)"), o.err());
        assertTrue(!o.err().contains("RELU (operator"), o.err());
    }

    /** person_detect's biases: rank 1, per-channel, with the weights' quantized_dimension 3. */
    @Test
    void aQuantizedDimensionBeyondTheRankIsRefusedAsTheInterpreterRefusesIt() throws Exception {
        TfliteBuilder b = new TfliteBuilder();
        Quant q = Quant.of(0.1f, 0);
        int x = b.tensor("x", ElementType.INT8, new int[] {1, 3, 3, 2}, q);
        int w = b.constant("w", ElementType.INT8, new int[] {1, 1, 1, 2}, Quant.perChannel(new float[] {0.01f, 0.02f}, 3),
                new byte[] {1, 2});
        int bias = b.constant("b", ElementType.INT32, new int[] {2}, Quant.perChannel(new float[] {0.001f, 0.002f}, 3),
                new byte[8]);
        int y = b.tensor("y", ElementType.INT8, new int[] {1, 3, 3, 2}, q);
        b.operator(OpType.DEPTHWISE_CONV_2D, new int[] {x, w, bias}, new int[] {y},
                new Options(2).int8(0, 0).int32(1, 1).int32(2, 1).int32(3, 1));
        byte[] bytes = b.inputs(x).outputs(y).build();
        Path model = tmp.resolve("person-detect-like.tflite");
        Files.write(model, bytes);
        MainTest.Outcome o = MainTest.run("model", "--model", model.toString());
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("tensor 2 (b): quantized_dimension 3 is not a dimension of its shape [2] (rank 1)"),
                o.err());
        assertThrows(MaxdnnException.class, () -> TfliteInterpreter.open(bytes, 1).close());
    }
}
