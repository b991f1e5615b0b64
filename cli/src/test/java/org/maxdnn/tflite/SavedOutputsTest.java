package org.maxdnn.tflite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maxdnn.Assets;
import org.maxdnn.cli.Main;
import org.maxdnn.data.LabeledImage;
import org.maxdnn.data.RandomInputs;
import org.maxdnn.infer.Network;
import org.maxdnn.infer.Rounding;
import org.maxdnn.io.NpyFiles;
import org.maxdnn.model.TensorInfo;

/**
 * {@code eval --random N --save-outputs DIR --rounding runtime} on the four outside models: every
 * {@code NAME.<j>.npy} it writes holds, after its header, exactly the bytes the TFLite interpreter
 * gives as output j for the same inputs ({@link RandomInputs}, regenerated here from the seed), and
 * its header the tensor's dtype and shape.
 */
class SavedOutputsTest {
    private static final Path DIR = Assets.fromEnvironment().root().resolve("models/outside");

    @TempDir
    Path tmp;

    @Test
    void savedOutputsEqualTheInterpreterOnEveryOutsideModel() throws Exception {
        for (String m : List.of("hello_world_int8", "ds_cnn_s_arm", "fomo_face", "mobilenet_v2_pytorch")) {
            int n = m.startsWith("mobilenet") ? 1 : 3;
            Path model = DIR.resolve(m + ".tflite");
            Path out = tmp.resolve(m);
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            int code = Main.run(new String[] {"eval", "--model", model.toString(), "--random", String.valueOf(n),
                "--seed", "7", "--rounding", "runtime", "--threads", "1", "--save-outputs", out.toString()},
                    new PrintStream(text, true, StandardCharsets.UTF_8), new PrintStream(text, true, StandardCharsets.UTF_8));
            assertEquals(0, code, m + ": " + text);
            Network net = Network.load(model, Rounding.RUNTIME);
            List<LabeledImage> inputs = RandomInputs.of(net, n, 7);
            try (TfliteInterpreter tflite = TfliteInterpreter.open(model, 1)) {
                for (LabeledImage in : inputs) {
                    tflite.runRaw(raw(net, in.pixels()));
                    int[] outs = net.outputTensors();
                    for (int j = 0; j < outs.length; j++) {
                        byte[] file = Files.readAllBytes(out.resolve(in.name() + "." + j + ".npy"));
                        int header = 10 + (file[8] & 0xFF) + ((file[9] & 0xFF) << 8);
                        TensorInfo t = net.model().tensor(outs[j]);
                        String dict = new String(file, 10, header - 10, StandardCharsets.US_ASCII);
                        assertTrue(dict.contains("'descr': '" + NpyFiles.dtype(t.type()) + "'"), m + ": " + dict);
                        assertTrue(dict.contains("'shape': (" + String.join(", ",
                                Arrays.stream(t.shape()).mapToObj(Integer::toString).toList())), m + ": " + dict);
                        assertEquals(0, header % 64, m + ": data not 64-byte aligned");
                        assertArrayEquals(tflite.output(j), Arrays.copyOfRange(file, header, file.length),
                                m + " " + in.name() + " output " + j);
                    }
                }
            }
        }
    }

    /** A sample as the interpreter takes it: each input tensor's little-endian bytes, one-byte codes signed again. */
    private static byte[][] raw(Network net, byte[] pixels) {
        int[] ins = net.inputTensors();
        byte[][] raw = new byte[ins.length][];
        int at = 0;
        for (int k = 0; k < ins.length; k++) {
            TensorInfo t = net.model().tensor(ins[k]);
            int bytes = t.elements() * t.type().width();
            raw[k] = Arrays.copyOfRange(pixels, at, at + bytes);
            if (t.type().width() == 1) {
                for (int i = 0; i < bytes; i++) {
                    raw[k][i] ^= (byte) 0x80;
                }
            }
            at += bytes;
        }
        return raw;
    }
}
