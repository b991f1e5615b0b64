package org.maxdnn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maxdnn.Assets;
import org.maxdnn.MaxdnnException;

class ImageSetsTest {
    @TempDir
    Path tmp;

    @Test
    void theSharedFolderHas150LabelledImagesInLabelOrder() {
        List<LabeledImage> all = ImageSets.readFolder(Assets.fromEnvironment().images(), 0);
        assertEquals(150, all.size());
        assertEquals("toy_spaniel_s_000285.bin", all.get(0).name());
        assertEquals(5, all.get(0).label());
        assertEquals(10, ImageSets.readFolder(Assets.fromEnvironment().images(), 10).size());
    }

    @Test
    void cifarBinaryRecordsArePlanarAndBecomeHwc() throws Exception {
        byte[] record = new byte[2 * 3073];
        record[0] = 7;
        for (int p = 0; p < 1024; p++) {
            record[1 + p] = (byte) p;               // R plane
            record[1 + 1024 + p] = (byte) (p + 1);  // G plane
            record[1 + 2048 + p] = (byte) (p + 2);  // B plane
        }
        record[3073] = 2;
        Path batch = tmp.resolve("test_batch.bin");
        Files.write(batch, record);
        List<LabeledImage> images = ImageSets.readCifarBinary(batch, 0);
        assertEquals(2, images.size());
        assertEquals(7, images.get(0).label());
        assertEquals(2, images.get(1).label());
        byte[] hwc = images.get(0).pixels();
        assertArrayEquals(new byte[] {5, 6, 7}, new byte[] {hwc[15], hwc[16], hwc[17]}); // pixel 5: R, G, B
        Files.write(batch, new byte[3073 + 10]);
        MaxdnnException e = assertThrows(MaxdnnException.class, () -> ImageSets.readCifarBinary(batch, 0));
        assertTrue(e.getMessage().contains(batch.toString()) && e.getMessage().contains("3073"), e.getMessage());
    }

    @Test
    void wrongSizesAndLabelsThatDoNotMatchAreClearErrors() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("imgs"));
        Files.write(dir.resolve("a.bin"), new byte[3072]);
        Files.write(dir.resolve("b.bin"), new byte[3000]);
        Files.writeString(dir.resolve("y_labels.csv"), "a.bin,10,3\nb.bin,10,4\n");
        MaxdnnException e = assertThrows(MaxdnnException.class, () -> ImageSets.readFolder(dir, 0));
        assertTrue(e.getMessage().contains("b.bin") && e.getMessage().contains("3000 bytes"), e.getMessage());

        Files.write(dir.resolve("b.bin"), new byte[3072]);
        Files.writeString(dir.resolve("y_labels.csv"), "a.bin,10,3\nc.bin,10,4\n");
        e = assertThrows(MaxdnnException.class, () -> ImageSets.readFolder(dir, 0));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("c.bin"), e.getMessage());

        Files.writeString(dir.resolve("y_labels.csv"), "a.bin,10,3\n");
        e = assertThrows(MaxdnnException.class, () -> ImageSets.readFolder(dir, 0));
        assertTrue(e.getMessage().contains("b.bin") && e.getMessage().contains("no label"), e.getMessage());

        Files.writeString(dir.resolve("y_labels.csv"), "a.bin,10,3\nb.bin,10,12\n");
        e = assertThrows(MaxdnnException.class, () -> ImageSets.readFolder(dir, 0));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("label 12"), e.getMessage());
        assertEquals(MaxdnnException.BAD_INPUT, e.exitCode());
    }
}
