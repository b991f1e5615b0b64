package org.maxdnn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.maxdnn.Assets;
import org.maxdnn.MaxdnnException;
import org.maxdnn.infer.Network;
import org.maxdnn.io.NpyFiles;
import org.maxdnn.model.ElementType;
import org.maxdnn.task.Classification;
import org.maxdnn.task.Fidelity;

/** Random inputs, the tasks of samples without labels, and .npy files, on two small outside models. */
class UnlabelledSetsTest {
    private static final Path DIR = Assets.fromEnvironment().root().resolve("models/outside");

    @Test
    void randomInputsRepeatForASeedAndSpanAFloatInputsQuantisedRange() {
        Network net = Network.load(DIR.resolve("ds_cnn_s_arm.tflite")); // float32 [1,490] through QUANTIZE (s 1.0809, zp 101)
        List<LabeledImage> a = RandomInputs.of(net, 3, 5);
        List<LabeledImage> b = RandomInputs.of(net, 3, 5);
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(a.get(i).pixels(), b.get(i).pixels());
            assertEquals("random" + i, a.get(i).name());
            assertEquals(-1, a.get(i).label());
        }
        assertFalse(java.util.Arrays.equals(a.get(0).pixels(), RandomInputs.of(net, 1, 6).get(0).pixels()));
        float[] v = new float[490];
        ByteBuffer.wrap(a.get(0).pixels()).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        float s = 1.0809f;
        assertEquals((-128 - 101) * s, v[0], 1e-2);
        assertEquals((127 - 101) * s, v[1], 1e-2);
        for (float x : v) {
            assertTrue(x >= v[0] && x <= v[1], x + " outside the QUANTIZE's range");
        }
    }

    @Test
    void aClassifierIsScoredByAgreementAndARegressorByFidelity() {
        Network kws = Network.load(DIR.resolve("ds_cnn_s_arm.tflite"));
        DataSet a = UnlabelledSets.of(Path.of("r"), InputFormat.RANDOM, RandomInputs.of(kws, 4, 1), kws, 1);
        Classification c = (Classification) a.task();
        assertTrue(c.agreement());
        assertEquals("top-1 agreement", c.metricName());
        assertTrue(a.inputs().stream().allMatch(i -> i.label() >= 0 && i.label() < 12));

        Network sine = Network.load(DIR.resolve("hello_world_int8.tflite"));
        assertFalse(UnlabelledSets.classifier(sine));
        DataSet f = UnlabelledSets.of(Path.of("r"), InputFormat.RANDOM, RandomInputs.of(sine, 4, 1), sine, 1);
        Fidelity task = (Fidelity) f.task();
        double[] exactNoise = new double[4];
        for (int i = 0; i < 4; i++) {
            exactNoise[i] = task.perInput(i, task.exact()[i]);
        }
        assertEquals(1.0, task.metric(exactNoise));
        assertEquals(Double.POSITIVE_INFINITY, task.sqnrDb(exactNoise));
        MaxdnnException e = assertThrows(MaxdnnException.class, () -> UnlabelledSets.of(Path.of("r"),
                InputFormat.RANDOM, RandomInputs.of(sine, 1, 1), sine, 1, true));
        assertTrue(e.getMessage().contains("top-1 agreement needs class scores"), e.getMessage());
    }

    @Test
    void fidelityIsOneMinusNoiseOverSignalInDequantisedUnits() {
        // scale 0.5, zero point 2: exact codes 4 and 0 dequantise to 1 and −1 (signal 2); output 6, 0 misses by 1 (noise 1)
        Fidelity f = new Fidelity(new int[][] {{4, 0}}, 0.5f, 2);
        double[] noise = {f.perInput(0, new int[] {6, 0})};
        assertEquals(1.0, noise[0]);
        assertEquals(0.5, f.metric(noise));
        assertEquals(10 * Math.log10(2), f.sqnrDb(noise), 1e-12);
        assertArrayEquals(new int[] {4, 0}, f.subset(new int[] {0}).exact()[0]);
    }

    @Test
    void anNpyFileHasNumpysHeaderAlignedTo64Bytes() {
        byte[] npy = NpyFiles.encode(ElementType.INT8, new int[] {1, 3}, new byte[] {-1, 0, 5});
        assertEquals((byte) 0x93, npy[0]);
        assertEquals("NUMPY", new String(npy, 1, 5, StandardCharsets.US_ASCII));
        int header = 10 + (npy[8] & 0xFF) + ((npy[9] & 0xFF) << 8);
        assertEquals(0, header % 64);
        String dict = new String(npy, 10, header - 10, StandardCharsets.US_ASCII);
        assertTrue(dict.startsWith("{'descr': '|i1', 'fortran_order': False, 'shape': (1, 3), }"), dict);
        assertTrue(dict.endsWith("\n"));
        assertArrayEquals(new byte[] {-1, 0, 5}, java.util.Arrays.copyOfRange(npy, header, npy.length));
        String one = new String(NpyFiles.encode(ElementType.FLOAT32, new int[] {7}, new byte[28]), 10, 60,
                StandardCharsets.US_ASCII);
        assertTrue(one.contains("'<f4'") && one.contains("(7,)"), one);
    }
}
