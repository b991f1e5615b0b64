package org.maxdnn.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
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
    public static final String LABELS = "y_labels.csv";

    private ImageSets() {
    }

    /**
     * The images of a folder in the order of its {@code y_labels.csv} (lines {@code file,classes,label}),
     * at most {@code limit} of them (limit ≤ 0: all).
     */
    public static List<LabeledImage> readFolder(Path dir, int limit) {
        if (!Files.isDirectory(dir)) {
            throw MaxdnnException.badInput("image folder " + dir + " does not exist");
        }
        Path labels = dir.resolve(LABELS);
        if (!Files.isRegularFile(labels)) {
            throw MaxdnnException.badInput("image folder " + dir + " has no " + LABELS);
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(labels, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw MaxdnnException.badInput("cannot read " + labels + ": " + e.getMessage(), e);
        }
        List<LabeledImage> out = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String at = labels + " line " + (i + 1) + ": ";
            String[] f = line.split(",");
            if (f.length != 3) {
                throw MaxdnnException.badInput(at + "expected file,classes,label but got '" + line + "'");
            }
            int classes = integer(f[1], at + "classes");
            int label = integer(f[2], at + "label");
            if (classes != CLASSES || label < 0 || label >= classes) {
                throw MaxdnnException.badInput(at + "label " + label + " of " + classes
                        + " classes (expected 0.." + (CLASSES - 1) + " of " + CLASSES + ")");
            }
            String name = f[0].strip();
            if (!listed.add(name)) {
                throw MaxdnnException.badInput(at + "image " + name + " is listed twice");
            }
            if (limit > 0 && out.size() >= limit) {
                continue;
            }
            Path image = dir.resolve(name);
            if (!Files.isRegularFile(image)) {
                throw MaxdnnException.badInput(at + "image " + name + " does not exist in " + dir);
            }
            out.add(new LabeledImage(name, label, readImage(image)));
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String n = p.getFileName().toString();
                if (n.endsWith(".bin") && !listed.contains(n)) {
                    throw MaxdnnException.badInput("image " + p + " has no label in " + labels);
                }
            }
        } catch (IOException e) {
            throw MaxdnnException.badInput("cannot list " + dir + ": " + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw MaxdnnException.badInput(labels + " lists no images");
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

    private static int integer(String s, String where) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            throw MaxdnnException.badInput(where + ": '" + s.strip() + "' is not an integer");
        }
    }
}
