package org.maxdnn.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.maxdnn.MaxdnnException;
import org.maxdnn.model.ElementType;

/**
 * NumPy {@code .npy} files (format version 1.0): the magic string, a little-endian header length,
 * a Python dict literal with the dtype, C order and the shape, padded with spaces so that the data
 * starts at a multiple of 64 bytes, then the elements in little-endian C order. {@link #read} takes
 * versions 1, 2 and 3 (4-byte header length) of arrays of one plain type.
 */
public final class NpyFiles {
    private NpyFiles() {
    }

    /** The NumPy dtype of a tensor type ({@code |i1}, {@code <f4}, …). */
    public static String dtype(ElementType type) {
        return switch (type) {
            case INT8 -> "|i1";
            case UINT8 -> "|u1";
            case BOOL -> "|b1";
            case INT16 -> "<i2";
            case UINT16 -> "<u2";
            case INT32 -> "<i4";
            case UINT32 -> "<u4";
            case INT64 -> "<i8";
            case UINT64 -> "<u8";
            case FLOAT16 -> "<f2";
            case FLOAT32 -> "<f4";
            case FLOAT64 -> "<f8";
            default -> throw new IllegalArgumentException("no NumPy dtype for " + type);
        };
    }

    /** A whole .npy file of {@code data}, the tensor's elements as little-endian bytes. */
    public static byte[] encode(ElementType type, int[] shape, byte[] data) {
        String dict = "{'descr': '" + dtype(type) + "', 'fortran_order': False, 'shape': " + shapeText(shape) + ", }";
        int unpadded = 10 + dict.length() + 1;
        int header = dict.length() + 1 + (64 - unpadded % 64) % 64;
        StringBuilder h = new StringBuilder(dict);
        while (h.length() < header - 1) {
            h.append(' ');
        }
        h.append('\n');
        byte[] text = h.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[10 + text.length + data.length];
        out[0] = (byte) 0x93;
        System.arraycopy("NUMPY".getBytes(StandardCharsets.US_ASCII), 0, out, 1, 5);
        out[6] = 1;
        out[7] = 0;
        out[8] = (byte) text.length;
        out[9] = (byte) (text.length >>> 8);
        System.arraycopy(text, 0, out, 10, text.length);
        System.arraycopy(data, 0, out, 10 + text.length, data.length);
        return out;
    }

    /** Writes {@link #encode} to {@code file} through {@link AtomicFiles}. */
    public static void write(Path file, ElementType type, int[] shape, byte[] data) {
        AtomicFiles.writeBytes(file, encode(type, shape, data));
    }

    /** An array read from a .npy file: its element type, shape and little-endian C-order bytes. */
    public record Array(ElementType type, int[] shape, byte[] data) {
        /** The shape as NumPy prints it: {@code (1, 3)}, {@code (7,)}, {@code ()}. */
        public String shapeText() {
            return NpyFiles.shapeText(shape);
        }
    }

    /** A shape as NumPy prints it. */
    public static String shapeText(int[] shape) {
        String dims = Arrays.stream(shape).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        return "(" + dims + (shape.length == 1 ? ",)" : ")");
    }

    private static final Pattern DESCR = Pattern.compile("['\"]descr['\"]\\s*:\\s*['\"]([^'\"]*)['\"]");
    private static final Pattern FORTRAN = Pattern.compile("['\"]fortran_order['\"]\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("['\"]shape['\"]\\s*:\\s*\\(([^)]*)\\)");
    /** Larger arrays than this are not one sample of a model (and would not fit a Java array). */
    private static final long MAX_BYTES = Integer.MAX_VALUE - 64;
    /** NumPy's headers are a line of a hundred-odd bytes; one of a megabyte is not a header. */
    private static final long MAX_HEADER = 1 << 20;

    /**
     * The array in {@code file}. Anything else — not a .npy file, a header that is not NumPy's dict, a
     * structured or big-endian dtype, Fortran order over more than one axis, fewer or more data bytes
     * than the shape holds — is bad input (exit 2) naming the file and what is wrong.
     */
    public static Array read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] start = in.readNBytes(10);
            if (start.length < 10 || (start[0] & 0xFF) != 0x93
                    || !"NUMPY".equals(new String(start, 1, 5, StandardCharsets.US_ASCII))) {
                throw bad(file, "not a NumPy .npy file (it does not start with \\x93NUMPY and a version)");
            }
            int major = start[6];
            long headerLength = (start[8] & 0xFF) | (start[9] & 0xFF) << 8;
            int prefix = 10;
            if (major == 2 || major == 3) {
                byte[] high = in.readNBytes(2);
                headerLength |= high.length < 2 ? 0 : (high[0] & 0xFFL) << 16 | (high[1] & 0xFFL) << 24;
                prefix = 12;
            } else if (major != 1) {
                throw bad(file, "format version " + major + "." + start[7] + " (NumPy writes 1.0, 2.0 or 3.0)");
            }
            long size = Files.size(file);
            if (prefix + headerLength > size || headerLength > MAX_HEADER) {
                throw bad(file, "the header says it has " + headerLength + " bytes, but the file has " + size
                        + (headerLength > MAX_HEADER ? "" : " (truncated?)"));
            }
            byte[] h = in.readNBytes((int) headerLength);
            String header = new String(h, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
            ElementType type = type(file, field(file, header, DESCR, "descr"));
            int[] shape = shape(file, field(file, header, SHAPE, "shape"));
            long elements = 1;
            for (int d : shape) {
                elements = Math.min(elements * d, MAX_BYTES);
            }
            int nonUnit = (int) Arrays.stream(shape).filter(d -> d != 1).count();
            if (field(file, header, FORTRAN, "fortran_order").equals("True") && nonUnit > 1) {
                throw bad(file, "the array is in Fortran order; save it in C order (numpy.ascontiguousarray)");
            }
            long dataBytes = size - prefix - headerLength;
            long expected = Math.min(elements * type.width(), MAX_BYTES);
            if (dataBytes != expected) {
                throw bad(file, "shape " + shapeText(shape) + " of " + dtype(type) + " holds " + expected
                        + " data bytes, but the file has " + dataBytes + (dataBytes < expected ? " (truncated?)" : ""));
            }
            byte[] data = in.readNBytes((int) dataBytes);
            if (data.length != dataBytes) {
                throw bad(file, "the file ended after " + data.length + " of " + dataBytes + " data bytes");
            }
            return new Array(type, shape, data);
        } catch (NoSuchFileException e) {
            throw bad(file, "no such file");
        } catch (IOException e) {
            throw MaxdnnException.badInput("cannot read " + file + " (" + e.getMessage() + ")", e);
        }
    }

    private static MaxdnnException bad(Path file, String what) {
        return MaxdnnException.badInput(file + ": " + what);
    }

    private static String field(Path file, String header, Pattern p, String key) {
        Matcher m = p.matcher(header);
        if (!m.find()) {
            String shown = header.strip();
            throw bad(file, "the header has no '" + key + "' NumPy can write" + (key.equals("descr")
                    ? " (a structured dtype is not a tensor)" : "") + ": "
                    + (shown.length() > 80 ? shown.substring(0, 80) + "..." : shown));
        }
        return m.group(1);
    }

    /** The element type of a dtype string: '|i1', '<f4', 'i1'; big-endian multi-byte types are refused. */
    private static ElementType type(Path file, String descr) {
        String d = descr.strip();
        char order = d.isEmpty() ? ' ' : d.charAt(0);
        String kind = "<>|=".indexOf(order) >= 0 ? d.substring(1) : d;
        for (ElementType t : ElementType.values()) {
            if (t.width() > 0 && t.width() < 16 && t != ElementType.COMPLEX64 && dtype(t).substring(1).equals(kind)) {
                if (order == '>' && t.width() > 1) {
                    throw bad(file, "dtype '" + descr + "' is big-endian; save it little-endian ('<" + kind + "')");
                }
                return t;
            }
        }
        throw bad(file, "dtype '" + descr + "' is not a tensor element type (|i1, |u1, <i2, <i4, <f4, ...)");
    }

    private static int[] shape(Path file, String text) {
        String t = text.strip();
        if (t.endsWith(",")) {
            t = t.substring(0, t.length() - 1);
        }
        if (t.isBlank()) {
            return new int[0];
        }
        String[] parts = t.split(",");
        int[] shape = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].strip().replaceAll("L$", "");
            try {
                shape[i] = Integer.parseInt(p);
            } catch (NumberFormatException e) {
                shape[i] = -1;
            }
            if (shape[i] < 0) {
                throw bad(file, "shape (" + text + ") has '" + p + "', not a size");
            }
        }
        return shape;
    }
}
