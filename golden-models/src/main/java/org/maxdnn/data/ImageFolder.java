package org.maxdnn.data;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.imageio.ImageIO;
import org.maxdnn.MaxdnnException;

/**
 * Images in the ImageFolder layout (torchvision's, Keras's {@code image_dataset_from_directory}): one
 * folder per class holding JPEG or PNG files, given as a folder or a ZIP archive of one. Classes are
 * the folder names in sorted order, label 0 first (CIFAR-10's airplane … truck sort into its label
 * order). A ZIP or folder whose only entry is one folder holding the class folders (CIFAR-10's
 * {@code train/airplane/…}) is read through it. Each image is decoded by Java's ImageIO into HWC
 * RGB bytes, the unsigned form {@link LabeledImage} holds; every image must have the given size.
 */
public final class ImageFolder {
    private static final List<String> EXTENSIONS = List.of(".jpg", ".jpeg", ".png");

    private ImageFolder() {
    }

    /** Whether {@code path} is a ZIP archive or a folder without {@code y_labels.csv} (else a .bin sample folder). */
    public static boolean is(Path path) {
        return isZip(path) || Files.isDirectory(path) && !Files.exists(path.resolve(LabelsFile.NAME));
    }

    /**
     * Every image of {@code path} (folder or ZIP), in class order and then by file name, decoded to
     * {@code side}×{@code side} RGB; labels are the class folders' ranks. At most {@code limit} images
     * (≤ 0: all), taken round-robin over the classes so that a prefix is stratified.
     */
    public static List<LabeledImage> read(Path path, int side, int limit) {
        TreeMap<String, List<Entry>> classes = entries(path);
        List<Entry> order = stratified(classes, limit);
        LabeledImage[] out = new LabeledImage[order.size()];
        try (ZipFile zip = isZip(path) ? new ZipFile(path.toFile()) : null) {
            IntStream.range(0, out.length).parallel().forEach(i -> {
                Entry e = order.get(i);
                out[i] = new LabeledImage(e.name(), e.label(), decode(path, zip, e, side));
            });
        } catch (IOException | UncheckedIOException e) {
            throw MaxdnnException.badInput("cannot read image archive " + path + ": " + e.getMessage(), e);
        }
        return List.of(out);
    }

    /** The class names, label order; refuses a folder or ZIP without any, so a command can check its input before work. */
    public static List<String> classes(Path path) {
        return List.copyOf(entries(path).keySet());
    }

    private static TreeMap<String, List<Entry>> entries(Path path) {
        TreeMap<String, List<Entry>> classes = isZip(path) ? zipEntries(path) : folderEntries(path);
        if (classes.isEmpty()) {
            throw MaxdnnException.badInput("image folder " + path + " has no class folders holding .jpg, .jpeg or"
                    + " .png files (expected CLASS/IMAGE, the ImageFolder layout)");
        }
        return classes;
    }

    private record Entry(String name, int label) {
    }

    private static boolean isZip(Path path) {
        return Files.isRegularFile(path) && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip");
    }

    private static boolean isImage(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(n::endsWith);
    }

    /** Class → its images' paths inside the archive (CLASS/FILE, under a common top folder if there is one). */
    private static TreeMap<String, List<Entry>> zipEntries(Path zipPath) {
        List<String> names = new ArrayList<>();
        try (ZipFile zip = new ZipFile(zipPath.toFile())) {
            zip.stream().filter(e -> !e.isDirectory() && isImage(e.getName())).forEach(e -> names.add(e.getName()));
        } catch (IOException e) {
            throw MaxdnnException.badInput("cannot read image archive " + zipPath + ": " + e.getMessage(), e);
        }
        return grouped(names, zipPath);
    }

    private static TreeMap<String, List<Entry>> folderEntries(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw MaxdnnException.badInput("image folder " + dir + " is neither a folder nor a .zip archive");
        }
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(Files::isRegularFile).filter(p -> isImage(p.getFileName().toString()))
                    .forEach(p -> names.add(dir.relativize(p).toString().replace('\\', '/')));
        } catch (IOException | UncheckedIOException e) {
            throw MaxdnnException.badInput("cannot list image folder " + dir + ": " + e.getMessage(), e);
        }
        return grouped(names, dir);
    }

    /** Groups CLASS/FILE paths by class, dropping one top folder all of them share. */
    private static TreeMap<String, List<Entry>> grouped(List<String> names, Path where) {
        TreeSet<String> tops = new TreeSet<>();
        boolean allNested = true;
        for (String n : names) {
            String[] parts = n.split("/");
            tops.add(parts[0]);
            allNested &= parts.length == 3;
        }
        int strip = tops.size() == 1 && allNested ? 1 : 0;
        TreeMap<String, List<String>> byClass = new TreeMap<>();
        for (String n : names) {
            String[] parts = n.split("/");
            if (parts.length != 2 + strip) {
                throw MaxdnnException.badInput("image folder " + where + ": " + n + " is not CLASS/IMAGE (the"
                        + " ImageFolder layout: one folder per class, images directly inside)");
            }
            byClass.computeIfAbsent(parts[strip], k -> new ArrayList<>()).add(n);
        }
        TreeMap<String, List<Entry>> out = new TreeMap<>();
        int label = 0;
        for (var e : byClass.entrySet()) {
            int l = label++;
            out.put(e.getKey(), e.getValue().stream().sorted().map(n -> new Entry(n, l)).toList());
        }
        return out;
    }

    /** Class by class (limit ≤ 0), or round-robin over the classes up to {@code limit}. */
    private static List<Entry> stratified(TreeMap<String, List<Entry>> classes, int limit) {
        List<Entry> out = new ArrayList<>();
        if (limit <= 0) {
            classes.values().forEach(out::addAll);
            return out;
        }
        List<List<Entry>> lists = new ArrayList<>(classes.values());
        for (int i = 0; out.size() < limit; i++) {
            boolean any = false;
            for (List<Entry> l : lists) {
                if (i < l.size() && out.size() < limit) {
                    out.add(l.get(i));
                    any = true;
                }
            }
            if (!any) {
                break;
            }
        }
        return out;
    }

    private static byte[] decode(Path root, ZipFile zip, Entry e, int side) {
        String where = zip != null ? root + "!/" + e.name() : root.resolve(e.name()).toString();
        BufferedImage img;
        try {
            byte[] bytes;
            if (zip != null) {
                ZipEntry z = zip.getEntry(e.name());
                try (var in = zip.getInputStream(z)) {
                    bytes = in.readAllBytes();
                }
            } else {
                bytes = Files.readAllBytes(root.resolve(e.name()));
            }
            img = ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException ex) {
            throw MaxdnnException.badInput("cannot decode image " + where + ": " + ex.getMessage(), ex);
        }
        if (img == null) {
            throw MaxdnnException.badInput("image " + where + " is not a JPEG or PNG that ImageIO can decode");
        }
        if (img.getWidth() != side || img.getHeight() != side) {
            throw MaxdnnException.badInput("image " + where + " is " + img.getWidth() + "x" + img.getHeight()
                    + " (the model takes " + side + "x" + side + ")");
        }
        byte[] hwc = new byte[side * side * 3];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int rgb = img.getRGB(x, y);
                int p = (y * side + x) * 3;
                hwc[p] = (byte) (rgb >> 16);
                hwc[p + 1] = (byte) (rgb >> 8);
                hwc[p + 2] = (byte) rgb;
            }
        }
        return hwc;
    }
}
