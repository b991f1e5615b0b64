package org.maxdnn.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.maxdnn.MaxdnnException;

/**
 * Readers for the CIFAR-10 data of SPEC §10: a folder of HWC {@code .bin} images listed in
 * {@code y_labels.csv} (MLPerf Tiny's ic01 layout), or the CIFAR-10 binary batch
 * ({@code test_batch.bin}: records of 1 label byte + 3,072 planar RGB bytes).
 */
public final class ImageSets {
    public static final int SIDE = 32;
    public static final int CHANNELS = 3;
    public static final int IMAGE_BYTES = SIDE * SIDE * CHANNELS;
    public static final int CLASSES = 10;

    private ImageSets() {
    }

    /**
     * The CIFAR-10 images of a folder in the order of its {@code y_labels.csv} (lines
     * {@code file,10,label}), at most {@code limit} of them (limit ≤ 0: all).
     */
    public static List<LabeledImage> readFolder(Path dir, int limit) {
        LabelsFile labels = LabelsFile.read(dir);
        List<LabeledImage> out = new ArrayList<>();
        for (LabelsFile.Row row : labels.first(limit)) {
            if (row.classes() != CLASSES) {
                throw MaxdnnException.badInput(row.where(labels.file()) + row.classes() + " classes (expected "
                        + CLASSES + ")");
            }
            out.add(new LabeledImage(row.name(), row.label(), readImage(row.path())));
        }
        return out;
    }

    /** One HWC image file of exactly 3,072 bytes. */
    public static byte[] readImage(Path file) {
        byte[] b;
        try {
            b = Files.readAllBytes(file);
        } catch (IOException e) {
            throw MaxdnnException.badInput("cannot read image " + file + ": " + e.getMessage(), e);
        }
        if (b.length != IMAGE_BYTES) {
            throw MaxdnnException.badInput("image " + file + " has " + b.length + " bytes (expected "
                    + IMAGE_BYTES + " = " + SIDE + "x" + SIDE + "x" + CHANNELS + " HWC)");
        }
        return b;
    }

    /** A CIFAR-10 binary batch, planar records converted to HWC; names are {@code batch#index}. */
    public static List<LabeledImage> readCifarBinary(Path file, int limit) {
        byte[] b;
        try {
            b = Files.readAllBytes(file);
        } catch (IOException e) {
            throw MaxdnnException.badInput("cannot read CIFAR-10 batch " + file + ": " + e.getMessage(), e);
        }
        int record = 1 + IMAGE_BYTES;
        if (b.length == 0 || b.length % record != 0) {
            throw MaxdnnException.badInput("CIFAR-10 batch " + file + " has " + b.length
                    + " bytes, not a multiple of " + record + " (1 label + 3,072 planar RGB bytes)");
        }
        int n = b.length / record;
        if (limit > 0) {
            n = Math.min(n, limit);
        }
        String stem = file.getFileName().toString();
        List<LabeledImage> out = new ArrayList<>(n);
        int plane = SIDE * SIDE;
        for (int i = 0; i < n; i++) {
            int base = i * record;
            int label = b[base] & 0xFF;
            if (label >= CLASSES) {
                throw MaxdnnException.badInput("CIFAR-10 batch " + file + " record " + i + ": label " + label);
            }
            byte[] hwc = new byte[IMAGE_BYTES];
            for (int p = 0; p < plane; p++) {
                for (int c = 0; c < CHANNELS; c++) {
                    hwc[p * CHANNELS + c] = b[base + 1 + c * plane + p];
                }
            }
            out.add(new LabeledImage(stem + "#" + i, label, hwc));
        }
        return out;
    }
}
