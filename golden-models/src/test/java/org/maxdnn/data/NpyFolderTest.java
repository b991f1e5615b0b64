package org.maxdnn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maxdnn.Assets;
import org.maxdnn.MaxdnnException;
import org.maxdnn.infer.Network;
import org.maxdnn.io.NpyFiles;
import org.maxdnn.model.ElementType;
import org.maxdnn.model.OpType;
import org.maxdnn.model.tflite.TfliteBuilder;
import org.maxdnn.model.tflite.TfliteBuilder.Options;
import org.maxdnn.model.tflite.TfliteBuilder.Quant;

/** Sample folders of .npy arrays: round trips, multi-input naming, and every way a file can be wrong. */
class NpyFolderTest {
    private static final Path SINE = Assets.fromEnvironment().root().resolve("models/outside/hello_world_int8.tflite");

    @TempDir
    Path tmp;

    /** Two inputs: a float32 [1,4] through QUANTIZE added to an int8 [1,4]. */
    private Network twoInputs() throws IOException {
        TfliteBuilder b = new TfliteBuilder();
        int f = b.tensor("f", ElementType.FLOAT32, new int[] {1, 4}, null);
        int q = b.tensor("q", ElementType.INT8, new int[] {1, 4}, Quant.of(0.05f, 3));
        int x = b.tensor("x", ElementType.INT8, new int[] {1, 4}, Quant.of(0.1f, -7));
        int z = b.tensor("z", ElementType.INT8, new int[] {1, 4}, Quant.of(0.2f, 1));
        b.operator(OpType.QUANTIZE, new int[] {f}, new int[] {q}, new Options(89));
        b.operator(OpType.ADD, new int[] {q, x}, new int[] {z}, new Options(11).int8(0, 0));
        Path file = Files.write(tmp.resolve("two.tflite"), b.inputs(f, x).outputs(z).build());
        return Network.load(file);
    }

    private Path folder(String name) throws IOException {
        return Files.createDirectories(tmp.resolve(name));
    }

    @Test
    void randomInputsWrittenAsNpyReadBackByteForByte() throws IOException {
        for (Network net : List.of(Network.load(SINE), twoInputs())) {
            Path dir = folder("rt" + net.inputTensors().length);
            List<LabeledImage> inputs = RandomInputs.of(net, 12, 7);
            inputs.forEach(s -> NpyFolder.write(dir, net, s, true));
            assertTrue(NpyFolder.is(dir));
            List<LabeledImage> back = NpyFolder.read(dir, net, 0);
            assertEquals(12, back.size());
            for (int i = 0; i < 12; i++) { // natural order: random2 before random10
                assertEquals("random" + i, back.get(i).name());
                assertEquals(-1, back.get(i).label());
                assertArrayEquals(inputs.get(i).pixels(), back.get(i).pixels(), "sample " + i);
            }
            assertEquals(List.of("random0", "random1", "random2"),
                    NpyFolder.read(dir, net, 3).stream().map(LabeledImage::name).toList());
        }
    }

    @Test
    void aSampleOfTwoInputsIsEveryInputsBytesInOrder() throws IOException {
        Network net = twoInputs();
        Path dir = folder("two");
        ByteBuffer f = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putFloat(-1.5f).putFloat(0)
                .putFloat(2.25f).putFloat(6.35f);
        NpyFiles.write(dir.resolve("a.0.npy"), ElementType.FLOAT32, new int[] {1, 4}, f.array());
        NpyFiles.write(dir.resolve("a.1.npy"), ElementType.INT8, new int[] {1, 4}, new byte[] {-128, -1, 0, 127});
        Files.writeString(dir.resolve("notes.txt"), "not a sample");
        byte[] pixels = NpyFolder.read(dir, net, 0).get(0).pixels();
        assertArrayEquals(f.array(), Arrays.copyOf(pixels, 16));
        assertArrayEquals(new byte[] {0, 127, -128, -1}, Arrays.copyOfRange(pixels, 16, 20)); // unsigned form
    }

    @Test
    void aOneInputModelTakesNameDotNpyAndNameDotZeroDotNpy() throws IOException {
        Network net = Network.load(SINE);
        Path dir = folder("one");
        NpyFiles.write(dir.resolve("x.npy"), ElementType.INT8, new int[] {1, 1}, new byte[] {5});
        NpyFiles.write(dir.resolve("y.0.npy"), ElementType.INT8, new int[] {1, 1}, new byte[] {-5});
        List<LabeledImage> s = NpyFolder.read(dir, net, 0);
        assertEquals(List.of("x", "y"), s.stream().map(LabeledImage::name).toList());
        assertEquals((byte) (5 ^ 0x80), s.get(0).pixels()[0]);
        assertFalse(NpyFolder.is(Files.createDirectories(tmp.resolve("empty"))));
        Files.writeString(dir.resolve(LabelsFile.NAME), "x.bin,2,0\n");
        assertFalse(NpyFolder.is(dir), "a folder with y_labels.csv is a labelled sample folder");
    }

    @Test
    void wrongFilesAreRefusedNamingTheFileAndWhatIsWrong() throws IOException {
        Network sine = Network.load(SINE);
        Network two = twoInputs();
        byte[] good = NpyFiles.encode(ElementType.INT8, new int[] {1, 1}, new byte[] {1});
        refused(sine, "s.npy", NpyFiles.encode(ElementType.UINT8, new int[] {1, 1}, new byte[] {1}),
                "|u1 (1, 1), but input 0", "is |i1 (1, 1)");
        refused(sine, "s.npy", NpyFiles.encode(ElementType.INT8, new int[] {1}, new byte[] {1}), "|i1 (1,), but input 0");
        refused(sine, "s.npy", NpyFiles.encode(ElementType.INT8, new int[] {1, 2}, new byte[] {1, 2}), "(1, 2), but");
        refused(sine, "s.npy", Arrays.copyOf(good, good.length - 1), "holds 1 data bytes, but the file has 0 (truncated?)");
        refused(sine, "s.npy", Arrays.copyOf(good, good.length + 3), "holds 1 data bytes, but the file has 4");
        refused(sine, "s.npy", Arrays.copyOf(good, 40), "the header says it has");
        refused(sine, "s.npy", "x,y\n1,2\n".getBytes(StandardCharsets.US_ASCII), "not a NumPy .npy file");
        refused(sine, "s.npy", header(good, "'descr': '|i1'", "'descr': '<c8'"), "dtype '<c8' is not a tensor element type");
        refused(sine, "s.npy", header(good, "'descr': '|i1'", "'descr': [('a', '<i4')]"), "no 'descr'");
        refused(sine, "s.npy", header(good, "(1, 1)", "(1, x)"), "has 'x', not a size");
        byte[] v9 = good.clone();
        v9[6] = 9;
        refused(sine, "s.npy", v9, "format version 9.0");
        refused(sine, "s.3.npy", good, "the name gives input 3 of sample s", "has 1 input (index 0; or name it s.npy)");
        byte[] big = NpyFiles.encode(ElementType.FLOAT32, new int[] {1, 4}, new byte[16]);
        refused(two, "s.0.npy", header(big, "'<f4'", "'>f4'"), "is big-endian");
        byte[] square = NpyFiles.encode(ElementType.FLOAT32, new int[] {2, 2}, new byte[16]);
        refused(two, "s.0.npy", header(square, "False", "True"), "Fortran order");
        assertEquals(1, NpyFolder.read(withFile(header(big, "False", "True"), "s.0.npy", two), two, 0).size(),
                "Fortran order of one axis is C order");
        ByteBuffer nan = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putFloat(8, Float.NaN);
        Path dir = folder("nan");
        NpyFiles.write(dir.resolve("s.0.npy"), ElementType.FLOAT32, new int[] {1, 4}, nan.array());
        NpyFiles.write(dir.resolve("s.1.npy"), ElementType.INT8, new int[] {1, 4}, new byte[4]);
        assertMessage(dir, two, dir.resolve("s.0.npy") + ": element 2 is NaN");

        Path missing = folder("missing");
        NpyFiles.write(missing.resolve("s.0.npy"), ElementType.FLOAT32, new int[] {1, 4}, new byte[16]);
        assertMessage(missing, two, "sample s has no input 1 (s.1.npy, |i1 (1, 4))");
        Path plain = folder("plain");
        NpyFiles.write(plain.resolve("s.npy"), ElementType.FLOAT32, new int[] {1, 4}, new byte[16]);
        assertMessage(plain, two, "has 2 inputs, so a sample's files are NAME.<i>.npy (s.0.npy .. s.1.npy)");
        Path twice = folder("twice");
        Files.write(twice.resolve("s.npy"), good);
        Files.write(twice.resolve("s.0.npy"), good);
        assertMessage(twice, sine, "input 0 of sample s is also in");
    }

    /** {@code npy} with {@code from} replaced by {@code to} in its header, padded again to 64 bytes. */
    private static byte[] header(byte[] npy, String from, String to) {
        int end = 10 + (npy[8] & 0xFF) + ((npy[9] & 0xFF) << 8);
        String h = new String(npy, 10, end - 10, StandardCharsets.ISO_8859_1);
        assertTrue(h.contains(from), h);
        StringBuilder d = new StringBuilder(h.replace(from, to).stripTrailing());
        while ((10 + d.length() + 1) % 64 != 0) {
            d.append(' ');
        }
        byte[] text = d.append('\n').toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[10 + text.length + npy.length - end];
        System.arraycopy(npy, 0, out, 0, 8);
        out[8] = (byte) text.length;
        out[9] = (byte) (text.length >>> 8);
        System.arraycopy(text, 0, out, 10, text.length);
        System.arraycopy(npy, end, out, 10 + text.length, npy.length - end);
        return out;
    }

    private void refused(Network net, String name, byte[] content, String... expected) throws IOException {
        Path dir = withFile(content, name, net);
        String m = assertMessage(dir, net, dir.resolve(name).toString());
        for (String e : expected) {
            assertTrue(m.contains(e), "'" + e + "' in " + m);
        }
    }

    /** A new folder with {@code content} as {@code name} (and a good input 1 beside input 0 of a two-input model). */
    private Path withFile(byte[] content, String name, Network net) throws IOException {
        Path dir = Files.createTempDirectory(tmp, "bad");
        Files.write(dir.resolve(name), content);
        if (net.inputTensors().length == 2 && name.endsWith(".0.npy")) {
            NpyFiles.write(dir.resolve(name.replace(".0.", ".1.")), ElementType.INT8, new int[] {1, 4}, new byte[4]);
        }
        return dir;
    }

    private static String assertMessage(Path dir, Network net, String expected) {
        MaxdnnException e = assertThrows(MaxdnnException.class, () -> NpyFolder.read(dir, net, 0));
        assertEquals(MaxdnnException.BAD_INPUT, e.exitCode());
        assertTrue(e.getMessage().contains(expected), "'" + expected + "' in " + e.getMessage());
        return e.getMessage();
    }
}
