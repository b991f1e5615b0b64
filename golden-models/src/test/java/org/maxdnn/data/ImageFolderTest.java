package org.maxdnn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maxdnn.Assets;
import org.maxdnn.MaxdnnException;

class ImageFolderTest {
    @TempDir
    Path tmp;

    /** A lossless 4×4 PNG whose pixel (x, y) is RGB (seed + x, seed + y, seed + 16). */
    private static byte[] png(int seed, int side) throws Exception {
        BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                img.setRGB(x, y, (seed + x) << 16 | (seed + y) << 8 | seed + 16);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    private static byte[] hwc(int seed, int side) {
        byte[] b = new byte[side * side * 3];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int p = (y * side + x) * 3;
                b[p] = (byte) (seed + x);
                b[p + 1] = (byte) (seed + y);
                b[p + 2] = (byte) (seed + 16);
            }
        }
        return b;
    }

    @Test
    void aFolderOfClassFoldersGivesSortedLabelsAndHwcPixels() throws Exception {
        Path root = tmp.resolve("set");
        for (String c : List.of("zebra", "ant")) {
            Files.createDirectories(root.resolve(c));
        }
        Files.write(root.resolve("zebra/b.png"), png(40, 4));
        Files.write(root.resolve("zebra/a.png"), png(30, 4));
        Files.write(root.resolve("ant/x.png"), png(10, 4));
        assertTrue(ImageFolder.is(root));
        assertEquals(List.of("ant", "zebra"), ImageFolder.classes(root));
        List<LabeledImage> all = ImageFolder.read(root, 4, 0);
        assertEquals(List.of("ant/x.png", "zebra/a.png", "zebra/b.png"), all.stream().map(LabeledImage::name).toList());
        assertEquals(List.of(0, 1, 1), all.stream().map(LabeledImage::label).toList());
        assertArrayEquals(hwc(10, 4), all.get(0).pixels());
        assertArrayEquals(hwc(30, 4), all.get(1).pixels());
        // a limit takes the classes in turn
        assertEquals(List.of("ant/x.png", "zebra/a.png"), ImageFolder.read(root, 4, 2).stream()
                .map(LabeledImage::name).toList());
    }

    @Test
    void aZipWithOneTopFolderIsReadThroughIt() throws Exception {
        Path zip = tmp.resolve("train.zip");
        try (OutputStream f = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(f)) {
            for (String[] e : new String[][] {{"train/cat/0001.png", "7"}, {"train/ant/0001.png", "3"}}) {
                z.putNextEntry(new ZipEntry(e[0]));
                z.write(png(Integer.parseInt(e[1]), 4));
                z.closeEntry();
            }
        }
        List<LabeledImage> all = ImageFolder.read(zip, 4, 0);
        assertEquals(2, all.size());
        assertEquals(0, all.get(0).label());
        assertArrayEquals(hwc(3, 4), all.get(0).pixels());
        assertArrayEquals(hwc(7, 4), all.get(1).pixels());
    }

    @Test
    void wrongSizesLayoutsAndUndecodableFilesNameTheFile() throws Exception {
        Path root = tmp.resolve("bad");
        Files.createDirectories(root.resolve("a"));
        Files.write(root.resolve("a/big.png"), png(1, 5));
        MaxdnnException e = assertThrows(MaxdnnException.class, () -> ImageFolder.read(root, 4, 0));
        assertTrue(e.getMessage().contains("big.png") && e.getMessage().contains("5x5"), e.getMessage());
        Files.delete(root.resolve("a/big.png"));
        Files.write(root.resolve("a/broken.jpg"), new byte[] {1, 2, 3});
        e = assertThrows(MaxdnnException.class, () -> ImageFolder.read(root, 4, 0));
        assertTrue(e.getMessage().contains("broken.jpg"), e.getMessage());
        Files.delete(root.resolve("a/broken.jpg"));
        Files.write(root.resolve("loose.png"), png(1, 4));
        e = assertThrows(MaxdnnException.class, () -> ImageFolder.read(root, 4, 0));
        assertTrue(e.getMessage().contains("CLASS/IMAGE"), e.getMessage());
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertThrows(MaxdnnException.class, () -> ImageFolder.read(empty, 4, 0));
    }

    @Test
    void theSharedTrainingZipHoldsTheTenCifarClasses() {
        Path zip = Assets.fromEnvironment().root().resolve("cifar10/jpeg_train/cifar10_train_jpeg.zip");
        assertEquals(List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"),
                ImageFolder.classes(zip));
        List<LabeledImage> first = ImageFolder.read(zip, 32, 20);
        assertEquals(20, first.size());
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), first.subList(0, 10).stream().map(LabeledImage::label).toList());
        assertFalse(ImageFolder.is(Assets.fromEnvironment().images()), "a .bin folder with y_labels.csv");
    }
}
