package org.maxdnn.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maxdnn.model.ElementType;
import org.maxdnn.model.OpType;
import org.maxdnn.model.tflite.TfliteBuilder;
import org.maxdnn.model.tflite.TfliteBuilder.Options;
import org.maxdnn.model.tflite.TfliteBuilder.Quant;
import org.maxdnn.tflite.TfliteInterpreter;

/**
 * The operator registry's promise (#26): an operator the golden model did not run becomes one file
 * and one registration line ({@link TestMaximum}, registered only on the tests' class path), and
 * then {@code eval} runs a model that uses it, bit-exact with the TFLite interpreter.
 */
class TestOnlyOperatorTest {
    @TempDir
    Path tmp;

    @Test
    void aTestOnlyOperatorRunsInEvalBitExactWithTheInterpreter() throws Exception {
        Path model = tmp.resolve("maximum.tflite");
        byte[] bytes = model(new Random(26));
        Files.write(model, bytes);
        Path images = Files.createDirectory(tmp.resolve("images"));
        Random rnd = new Random(7);
        StringBuilder labels = new StringBuilder();
        List<byte[]> pixels = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            byte[] p = new byte[32 * 32 * 3];
            rnd.nextBytes(p);
            pixels.add(p);
            Files.write(images.resolve("img" + i + ".bin"), p);
            labels.append("img").append(i).append(".bin,10,").append(i).append('\n');
        }
        Files.writeString(images.resolve("y_labels.csv"), labels);
        Path predictions = tmp.resolve("p.csv");
        for (String rounding : List.of("runtime", "reference")) {
            MainTest.Outcome o = MainTest.run("eval", "--model", model.toString(), "--images", images.toString(),
                    "--rounding", rounding, "--predictions", predictions.toString(), "--threads", "1");
            assertEquals(0, o.code(), o.err());
            List<String> rows = Files.readAllLines(predictions);
            assertEquals(5, rows.size());
            try (TfliteInterpreter tflite = TfliteInterpreter.open(bytes, 1)) {
                for (int i = 0; i < 4; i++) {
                    tflite.run(pixels.get(i));
                    byte[] expected = tflite.output(0);
                    String[] logits = rows.get(i + 1).split(",")[3].split(";");
                    byte[] actual = new byte[logits.length];
                    for (int k = 0; k < logits.length; k++) {
                        actual[k] = Byte.parseByte(logits[k]);
                    }
                    // FC output: the reference rounding may differ in the last bit, so only runtime is exact
                    if (rounding.equals("runtime")) {
                        assertArrayEquals(expected, actual, "img" + i);
                    } else {
                        for (int k = 0; k < actual.length; k++) {
                            assertTrue(Math.abs(expected[k] - actual[k]) <= 1, "img" + i + " logit " + k);
                        }
                    }
                }
            }
        }
        MainTest.Outcome o = MainTest.run("model", "--model", model.toString());
        assertTrue(o.out().contains("maximum1") && o.out().contains("MAXIMUM"), o.out());
    }

    /** A 1×1 CONV_2D, the MAXIMUM of its input and output, RESHAPE and FULLY_CONNECTED to 10 logits. */
    private static byte[] model(Random rnd) {
        TfliteBuilder b = new TfliteBuilder();
        Quant image = Quant.of(1f / 128, -128);
        int x = b.tensor("x", ElementType.INT8, new int[] {1, 32, 32, 3}, image);
        int w = b.constant("w", ElementType.INT8, new int[] {3, 1, 1, 3}, Quant.of(0.01f, 0), random(rnd, 9));
        int bias = b.int32s("b", new int[] {3}, Quant.of(0.01f / 128, 0), 100, -200, 300);
        int conv = b.tensor("conv", ElementType.INT8, new int[] {1, 32, 32, 3}, image);
        int max = b.tensor("max", ElementType.INT8, new int[] {1, 32, 32, 3}, image);
        int shape = b.int32s("shape", 1, 3072);
        int flat = b.tensor("flat", ElementType.INT8, new int[] {1, 3072}, image);
        int fw = b.constant("fw", ElementType.INT8, new int[] {10, 3072}, Quant.of(0.002f, 0), random(rnd, 30720));
        int fb = b.int32s("fb", new int[] {10}, Quant.of(0.002f / 128, 0), new int[10]);
        int logits = b.tensor("logits", ElementType.INT8, new int[] {1, 10}, Quant.of(0.05f, 3));
        b.operator(OpType.CONV_2D, new int[] {x, w, bias}, new int[] {conv},
                new Options(1).int8(0, 0).int32(1, 1).int32(2, 1).int32(4, 1).int32(5, 1));
        b.operator(OpType.MAXIMUM, new int[] {x, conv}, new int[] {max}, null);
        b.operator(OpType.RESHAPE, new int[] {max, shape}, new int[] {flat}, new Options(17).ints(0, 1, 3072));
        b.operator(OpType.FULLY_CONNECTED, new int[] {flat, fw, fb}, new int[] {logits}, new Options(8));
        return b.inputs(x).outputs(logits).build();
    }

    private static byte[] random(Random rnd, int n) {
        byte[] v = new byte[n];
        rnd.nextBytes(v);
        return v;
    }
}
