package org.maxdnn.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.maxdnn.MaxdnnException;
import org.maxdnn.io.InputFiles;

/**
 * A sample folder's {@code y_labels.csv} (MLPerf Tiny's layout, SPEC §12): lines
 * {@code file,classes,label[,…]} naming the {@code .bin} files of the folder; the anomaly set adds
 * the window and step in bytes. A UTF-8 byte order mark is skipped; a listed file that is missing,
 * a file listed twice, a name with a folder part (no row reaches outside the folder) and a
 * {@code .bin} file without a line are errors naming file and line.
 */
public record LabelsFile(Path file, List<Row> rows) {
    public static final String NAME = "y_labels.csv";

    /** One line: the file it names (resolved in the folder), its fields and where it is. */
    public record Row(int line, String name, Path path, int classes, int label, int[] extra) {
        /** "FILE line N: " for messages. */
        public String where(Path labels) {
            return labels + " line " + line + ": ";
        }
    }

    /** Reads {@code dir/y_labels.csv}; every row's file must exist in {@code dir}. */
    public static LabelsFile read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw MaxdnnException.badInput("sample folder " + dir + (Files.exists(dir) ? " is a file, not a folder"
                    : " does not exist"));
        }
        Path labels = dir.resolve(NAME);
        if (!Files.isRegularFile(labels)) {
            throw MaxdnnException.badInput("sample folder " + dir + " has no " + NAME + " (nor .npy samples)");
        }
        List<String> lines = InputFiles.readUtf8(labels, "label file").lines().toList();
        List<Row> rows = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            line = line.strip();
            if (line.isEmpty()) {
                continue;
            }
            String at = labels + " line " + (i + 1) + ": ";
            String[] f = line.split(",");
            if (f.length < 3) {
                throw MaxdnnException.badInput(at + "expected file,classes,label[,...] but got '" + line + "'");
            }
            int classes = integer(f[1], at + "classes");
            int label = integer(f[2], at + "label");
            if (classes < 2 || label < 0 || label >= classes) {
                throw MaxdnnException.badInput(at + "label " + label + " of " + classes + " classes");
            }
            int[] extra = new int[f.length - 3];
            for (int k = 0; k < extra.length; k++) {
                extra[k] = integer(f[3 + k], at + "field " + (4 + k));
            }
            String name = f[0].strip();
            if (!isPlainFileName(name)) {
                throw MaxdnnException.badInput(at + "'" + name + "' is not a file name of the folder (a row names a "
                        + "file in " + dir + " itself, without a path)");
            }
            if (!listed.add(name)) {
                throw MaxdnnException.badInput(at + "file " + name + " is listed twice");
            }
            Path path = dir.resolve(name);
            if (!Files.isRegularFile(path)) {
                throw MaxdnnException.badInput(at + "file " + name + " does not exist in " + dir);
            }
            rows.add(new Row(i + 1, name, path, classes, label, extra));
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String n = p.getFileName().toString();
                if (n.endsWith(".bin") && !listed.contains(n)) {
                    throw MaxdnnException.badInput("file " + p + " has no label in " + labels);
                }
            }
        } catch (IOException e) {
            throw MaxdnnException.badInput("cannot list " + dir + " (" + e.getMessage() + ")", e);
        }
        if (rows.isEmpty()) {
            throw MaxdnnException.badInput(labels + " lists no files");
        }
        return new LabelsFile(labels, List.copyOf(rows));
    }

    /** The first {@code limit} rows (limit ≤ 0: all). */
    public List<Row> first(int limit) {
        return limit > 0 && limit < rows.size() ? rows.subList(0, limit) : rows;
    }

    /** The bytes of a row's file. */
    public byte[] bytes(Row row) {
        try {
            return Files.readAllBytes(row.path());
        } catch (IOException e) {
            throw MaxdnnException.badInput("cannot read " + row.path() + " (" + e.getMessage() + ")", e);
        }
    }

    /** A name without a folder part ("a.bin", not "../a.bin", "sub/a.bin" or an absolute path). */
    private static boolean isPlainFileName(String name) {
        return !name.isEmpty() && !name.equals(".") && !name.equals("..") && name.indexOf('/') < 0
                && name.indexOf('\\') < 0 && name.indexOf('\0') < 0;
    }

    private static int integer(String s, String where) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            throw MaxdnnException.badInput(where + ": '" + s.strip() + "' is not an integer");
        }
    }
}
