package org.maxdnn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maxdnn.Assets;
import org.maxdnn.model.tflite.TfliteConstants;

/** New weights and scales written in place into ResNet-8's flatbuffer: only they change. */
class TfliteConstantsTest {
    @TempDir
    Path tmp;

    @Test
    void newDataAndScalesReadBackAndNothingElseChanges() throws Exception {
        Path original = Assets.fromEnvironment().model();
        byte[] bytes = Files.readAllBytes(original);
        TfliteModel before = TfliteModel.read(original);
        Operator conv = before.operators().stream().filter(o -> o.type() == OpType.CONV_2D).findFirst().orElseThrow();
        int w = conv.inputs()[1];
        TensorInfo weights = before.tensor(w);
        byte[] data = weights.data().clone();
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i % 251 - 125);
        }
        float[] scales = new float[weights.quant().channels()];
        for (int i = 0; i < scales.length; i++) {
            scales[i] = 0.001f * (i + 1);
        }
        byte[] rewritten = new TfliteConstants(bytes).data(w, data).scales(w, scales).bytes();
        assertEquals(bytes.length, rewritten.length);
        Path out = tmp.resolve("m.tflite");
        Files.write(out, rewritten);
        TfliteModel after = TfliteModel.read(out);
        assertArrayEquals(data, after.tensor(w).data());
        assertArrayEquals(scales, after.tensor(w).quant().scales());
        int differing = 0;
        for (int i = 0; i < bytes.length; i++) {
            differing += bytes[i] != rewritten[i] ? 1 : 0;
        }
        assertTrue(differing <= data.length + 4 * scales.length, differing + " bytes changed");
        for (int t = 0; t < before.tensors().size(); t++) {
            if (t != w) {
                assertArrayEquals(before.tensor(t).data(), after.tensor(t).data(), before.tensor(t).name());
            }
        }
        assertEquals(before.operators().size(), after.operators().size());
    }

    @Test
    void aLengthThatDiffersIsRefused() throws Exception {
        byte[] bytes = Files.readAllBytes(Assets.fromEnvironment().model());
        TfliteModel m = TfliteModel.read(Assets.fromEnvironment().model());
        int w = m.operators().stream().filter(o -> o.type() == OpType.CONV_2D).findFirst().orElseThrow().inputs()[1];
        assertThrows(IllegalArgumentException.class, () -> new TfliteConstants(bytes).data(w, new byte[3]).bytes());
        assertThrows(IllegalArgumentException.class, () -> new TfliteConstants(bytes).scales(w, new float[1]).bytes());
    }
}
