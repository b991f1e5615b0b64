package org.maxdnn.io;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.maxdnn.model.ElementType;

/**
 * NumPy {@code .npy} files (format version 1.0): the magic string, a little-endian header length,
 * a Python dict literal with the dtype, C order and the shape, padded with spaces so that the data
 * starts at a multiple of 64 bytes, then the elements in little-endian C order.
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
        String dims = Arrays.stream(shape).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        String dict = "{'descr': '" + dtype(type) + "', 'fortran_order': False, 'shape': ("
                + dims + (shape.length == 1 ? "," : "") + "), }";
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
}
