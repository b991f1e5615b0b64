package org.maxdnn.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.maxdnn.MaxdnnException;
import org.maxdnn.infer.Network;
import org.maxdnn.io.NpyFiles;
import org.maxdnn.model.ElementType;
import org.maxdnn.model.TensorInfo;

/**
 * A sample folder of NumPy arrays (SPEC §12): {@code NAME.<i>.npy} holds input tensor i of sample
 * NAME, in the tensor's own dtype and shape, and a one-input model also takes {@code NAME.npy}.
 * Samples come in natural order of their names ({@code s2} before {@code s10}); files of other
 * kinds are not read. The samples carry no labels. A file whose dtype or shape is not its input
 * tensor's, a sample missing an input, an input given twice, an index the model has no input for,
 * a NaN or infinite float32 value, or a file that is not a .npy array is an error naming the file.
 * {@code eval --save-outputs} writes the same format, so one model's outputs can be another's inputs.
 */
public final class NpyFolder {
    public static final String EXTENSION = ".npy";
    private static final Pattern INDEXED = Pattern.compile("(.+)\\.(\\d+)\\.npy");

    private NpyFolder() {
    }

    /** Whether {@code dir} is a folder of .npy samples: a folder without {@code y_labels.csv} holding a .npy file. */
    public static boolean is(Path dir) {
        if (!Files.isDirectory(dir) || Files.exists(dir.resolve(LabelsFile.NAME))) {
            return false;
        }
        return !files(dir).isEmpty();
    }

    /** The first {@code limit} samples (≤ 0: all) of {@code dir} as {@link LabeledImage}s without labels (−1). */
    public static List<LabeledImage> read(Path dir, Network net, int limit) {
        int[] inputs = net.inputTensors();
        TreeMap<String, Path[]> samples = new TreeMap<>(NpyFolder::natural);
        for (Path file : files(dir)) {
            String name = file.getFileName().toString();
            Matcher m = INDEXED.matcher(name);
            String sample;
            int index;
            if (m.matches()) {
                sample = m.group(1);
                index = m.group(2).length() > 6 ? Integer.MAX_VALUE : Integer.parseInt(m.group(2));
                if (index >= inputs.length) {
                    throw MaxdnnException.badInput(file + ": the name gives input " + m.group(2) + " of sample " + sample
                            + ", but the model " + net.model().file() + " has " + inputs.length + " input"
                            + (inputs.length == 1 ? " (index 0; or name it " + sample + ".npy)" : "s (0.." + (inputs.length - 1) + ")"));
                }
            } else {
                sample = name.substring(0, name.length() - EXTENSION.length());
                index = 0;
                if (inputs.length > 1) {
                    throw MaxdnnException.badInput(file + ": the model " + net.model().file() + " has " + inputs.length
                            + " inputs, so a sample's files are NAME.<i>.npy (" + sample + ".0.npy .. " + sample + "."
                            + (inputs.length - 1) + ".npy)");
                }
            }
            Path[] of = samples.computeIfAbsent(sample, s -> new Path[inputs.length]);
            if (of[index] != null) {
                throw MaxdnnException.badInput(file + ": input " + index + " of sample " + sample + " is also in "
                        + of[index].getFileName());
            }
            of[index] = file;
        }
        List<LabeledImage> out = new ArrayList<>();
        for (var e : samples.entrySet()) {
            if (limit > 0 && out.size() == limit) {
                break;
            }
            out.add(new LabeledImage(e.getKey(), -1, sample(dir, e.getKey(), e.getValue(), net)));
        }
        return out;
    }

    /** One sample's inputs in the form {@link org.maxdnn.infer.InferencePlan#setInput} takes. */
    private static byte[] sample(Path dir, String name, Path[] files, Network net) {
        int[] inputs = net.inputTensors();
        ByteBuffer b = ByteBuffer.allocate(net.inputBytes());
        for (int i = 0; i < inputs.length; i++) {
            TensorInfo t = net.model().tensor(inputs[i]);
            if (files[i] == null) {
                throw MaxdnnException.badInput("sample folder " + dir + ": sample " + name + " has no input " + i + " ("
                        + name + "." + i + ".npy, " + NpyFiles.dtype(t.type()) + " " + NpyFiles.shapeText(t.shape())
                        + ")");
            }
            NpyFiles.Array a = NpyFiles.read(files[i]);
            if (a.type() != t.type() || !Arrays.equals(a.shape(), t.shape())) {
                throw MaxdnnException.badInput(files[i] + ": " + NpyFiles.dtype(a.type()) + " " + a.shapeText()
                        + ", but input " + i + " of " + net.model().file() + " (tensor " + t.index() + ", " + t.name()
                        + ") is " + NpyFiles.dtype(t.type()) + " " + NpyFiles.shapeText(t.shape()));
            }
            if (t.type() == ElementType.FLOAT32) {
                requireFinite(files[i], a.data());
            }
            byte[] data = a.data();
            if (t.type().width() == 1) {
                for (byte v : data) {
                    b.put((byte) (v ^ 0x80)); // one-byte tensors in unsigned form
                }
            } else {
                b.put(data);
            }
        }
        return b.array();
    }

    /**
     * The inverse of {@link #read}: {@code sample}'s inputs as {@code NAME.<i>.npy} files in {@code dir}
     * ({@code NAME.npy} for a one-input model when {@code plain}), e.g. to keep --random inputs.
     */
    public static void write(Path dir, Network net, LabeledImage sample, boolean plain) {
        int[] inputs = net.inputTensors();
        int at = 0;
        for (int i = 0; i < inputs.length; i++) {
            TensorInfo t = net.model().tensor(inputs[i]);
            byte[] data = Arrays.copyOfRange(sample.pixels(), at, at + t.elements() * t.type().width());
            at += data.length;
            if (t.type().width() == 1) {
                for (int k = 0; k < data.length; k++) {
                    data[k] ^= (byte) 0x80;
                }
            }
            String name = sample.name() + (plain && inputs.length == 1 ? "" : "." + i) + EXTENSION;
            NpyFiles.write(dir.resolve(name), t.type(), t.shape(), data);
        }
    }

    private static void requireFinite(Path file, byte[] data) {
        ByteBuffer f = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < data.length / 4; i++) {
            float v = f.getFloat(4 * i);
            if (!Float.isFinite(v)) {
                throw MaxdnnException.badInput(file + ": element " + i + " is " + v + "; an input holds finite numbers");
            }
        }
    }

    /** The folder's regular .npy files. */
    private static List<Path> files(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(EXTENSION) && Files.isRegularFile(p))
                    .sorted(Comparator.comparing(Path::toString)).toList();
        } catch (IOException e) {
            throw MaxdnnException.badInput("cannot list " + dir + " (" + e.getMessage() + ")", e);
        }
    }

    /** Names compared with their digit runs as numbers: {@code s2} before {@code s10}. */
    static int natural(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i);
            char y = b.charAt(j);
            if (Character.isDigit(x) && Character.isDigit(y)) {
                int ei = i;
                int ej = j;
                while (ei < a.length() && Character.isDigit(a.charAt(ei))) {
                    ei++;
                }
                while (ej < b.length() && Character.isDigit(b.charAt(ej))) {
                    ej++;
                }
                String da = a.substring(i, ei).replaceFirst("^0+(?=.)", "");
                String db = b.substring(j, ej).replaceFirst("^0+(?=.)", "");
                int c = da.length() != db.length() ? Integer.compare(da.length(), db.length()) : da.compareTo(db);
                if (c != 0) {
                    return c;
                }
                i = ei;
                j = ej;
            } else {
                if (x != y) {
                    return Character.compare(x, y);
                }
                i++;
                j++;
            }
        }
        int c = Integer.compare(a.length() - i, b.length() - j);
        return c != 0 ? c : a.compareTo(b);
    }
}
