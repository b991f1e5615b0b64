package org.maxdnn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maxdnn.Assets;
import org.maxdnn.BundledModel;
import org.maxdnn.MaxdnnException;
import org.maxdnn.infer.Network;
import org.maxdnn.task.AnomalyDetection;
import org.maxdnn.task.Classification;

/** The sample sets of SPEC §12, detected from the model input and the files, and their errors. */
class DataSetsTest {
    private static final Assets ASSETS = Assets.fromEnvironment();
    private static Network kws;
    private static Network ad;

    @TempDir
    Path tmp;

    @BeforeAll
    static void load() {
        kws = Network.load(BundledModel.KWS.model(ASSETS));
        ad = Network.load(BundledModel.AD.model(ASSETS));
    }

    @Test
    void theSharedSetsAreReadInTheirModelsFormats() throws Exception {
        DataSet k = DataSets.read(BundledModel.KWS.samples(ASSETS), kws, 0);
        assertEquals(InputFormat.INT8_TENSOR, k.format());
        assertEquals(800, k.inputs().size());
        LabeledImage first = k.inputs().get(0);
        assertEquals("tst_000000_Stop_7.bin", first.name());
        assertEquals(7, first.label());
        byte[] file = Files.readAllBytes(BundledModel.KWS.samples(ASSETS).resolve(first.name()));
        for (int i = 0; i < file.length; i++) {
            assertEquals(file[i], (byte) (first.pixels()[i] ^ 0x80), "int8 codes fed as they are");
        }
        assertTrue(k.task() instanceof Classification);

        Network vww = Network.load(BundledModel.VWW.model(ASSETS));
        DataSet v = DataSets.read(BundledModel.VWW.samples(ASSETS), vww, 5);
        assertEquals(InputFormat.UINT8_IMAGE, v.format());
        assertEquals(5, v.inputs().size());
        assertArrayEquals(Files.readAllBytes(BundledModel.VWW.samples(ASSETS).resolve(v.inputs().get(0).name())),
                v.inputs().get(0).pixels(), "image bytes, the model input = byte - 128");

        DataSet a = DataSets.read(BundledModel.AD.samples(ASSETS), ad, 0);
        assertEquals(InputFormat.FLOAT32_WINDOWS, a.format());
        assertEquals(199, a.samples());
        assertEquals(199 * 196, a.inputs().size());
        AnomalyDetection task = (AnomalyDetection) a.task();
        assertEquals(87, task.files().stream().filter(f -> f.label() == 1).count());
        // window 3 of the second file starts at frame 3: floats 384… of that file, quantised
        AnomalyDetection.File second = task.files().get(1);
        LabeledImage w3 = a.inputs().get(196 + 3);
        assertEquals(second.name() + "#3", w3.name());
        for (int i = 0; i < 640; i++) {
            assertEquals(DataSets.quantize(second.values()[384 + i], 0.39101523f, 89), (byte) (w3.pixels()[i] ^ 0x80));
        }
    }

    @Test
    void quantizationIsTfliteQuantize() {
        assertEquals(6, DataSets.quantize(1.25f, 0.5f, 3)); // 2.5 rounds away from zero
        assertEquals(0, DataSets.quantize(-1.25f, 0.5f, 3));
        assertEquals(4, DataSets.quantize(0.7f, 0.5f, 3)); // 1.4
        assertEquals(127, DataSets.quantize(1000f, 0.5f, 3));
        assertEquals(-128, DataSets.quantize(-1000f, 0.5f, 3));
        // x / scale is a float division: here exactly 72.5 in float (so 73), 72.4999998 in double (so 72)
        assertEquals(73, DataSets.quantize(28.348604202270508f, 0.39101523f, 0));
    }

    @Test
    void aByteOrderMarkIsSkippedAndBadFoldersNameTheFile() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("kws"));
        Files.write(dir.resolve("a.bin"), new byte[490]);
        Files.write(dir.resolve("b.bin"), new byte[490]);
        Files.write(dir.resolve("y_labels.csv"), "\uFEFFa.bin,12,3\nb.bin,12,11\n".getBytes(StandardCharsets.UTF_8));
        DataSet d = DataSets.read(dir, kws, 0);
        assertEquals("a.bin", d.inputs().get(0).name());
        assertEquals(11, d.inputs().get(1).label());

        Files.write(dir.resolve("b.bin"), new byte[400]);
        assertBad(dir, kws, "b.bin", "truncated");
        Files.write(dir.resolve("b.bin"), new byte[490]);
        Files.writeString(dir.resolve("y_labels.csv"), "a.bin,12,3\nb.bin,12,11\nc.bin,12,1\n");
        assertBad(dir, kws, "line 3", "c.bin does not exist");
        Files.writeString(dir.resolve("y_labels.csv"), "a.bin,10,3\nb.bin,10,1\n");
        assertBad(dir, kws, "line 1", "10 classes, but the model has 12");

        Files.writeString(dir.resolve("y_labels.csv"), "a.bin,12,3\nb.bin,12,11\n");
        Files.write(dir.resolve("a.bin"), new byte[1000]);
        Files.write(dir.resolve("b.bin"), new byte[1000]);
        assertBad(dir, kws, "a.bin", "fits no format");

        Path spectra = Files.createDirectory(tmp.resolve("ad"));
        Files.write(spectra.resolve("n.bin"), floats(1280));
        Files.writeString(spectra.resolve("y_labels.csv"), "n.bin,2,0,2560,512\n");
        DataSet w = DataSets.read(spectra, ad, 0);
        assertEquals(6, w.inputs().size(), "(1280 - 640) / 128 + 1 windows");
        Files.writeString(spectra.resolve("y_labels.csv"), "n.bin,2,0,2000,512\n");
        assertBad(spectra, ad, "line 1", "window 2000");
    }

    /** A NaN or infinite spectrogram value is refused on reading, naming the file and the value's byte. */
    @Test
    void nonFiniteSpectrogramValuesAreRefused() throws Exception {
        Path spectra = Files.createDirectory(tmp.resolve("ad-nan"));
        Files.writeString(spectra.resolve("y_labels.csv"), "n.bin,2,0,2560,512\n");
        for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
            byte[] b = floats(1280);
            ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putFloat(4 * 777, bad);
            Files.write(spectra.resolve("n.bin"), b);
            assertBad(spectra, ad, "n.bin byte 3108", "is " + bad);
        }
    }

    /** A labels row names a file of the folder itself: no path outside it, none into a sub-folder. */
    @Test
    void aLabelsRowMayNotNameAFileOutsideTheFolder() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("outside").resolve("kws"));
        Files.write(dir.resolve("a.bin"), new byte[490]);
        Files.write(dir.getParent().resolve("secret.bin"), new byte[490]);
        Files.createDirectory(dir.resolve("sub"));
        Files.write(dir.resolve("sub").resolve("c.bin"), new byte[490]);
        for (String name : List.of("../secret.bin", dir.getParent().resolve("secret.bin").toString(), "sub/c.bin",
                "./a.bin", "..")) {
            Files.writeString(dir.resolve("y_labels.csv"), "a.bin,12,3\n" + name + ",12,1\n");
            assertBad(dir, kws, "line 2", "not a file name of the folder");
        }
    }

    private static byte[] floats(int n) {
        ByteBuffer b = ByteBuffer.allocate(4 * n).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            b.putFloat(i * 0.25f);
        }
        return b.array();
    }

    private static void assertBad(Path dir, Network net, String place, String detail) {
        MaxdnnException e = assertThrows(MaxdnnException.class, () -> DataSets.read(dir, net, 0));
        assertEquals(MaxdnnException.BAD_INPUT, e.exitCode());
        assertTrue(e.getMessage().contains(place) && e.getMessage().contains(detail), e.getMessage());
    }
}
