package org.maxdnn.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import org.maxdnn.MaxdnnException;

/**
 * Reading the files users hand in, with the reason of a failure in plain words ("not found",
 * "permission denied", "is a folder") instead of the bare path Java's exceptions carry.
 */
public final class InputFiles {
    private InputFiles() {
    }

    /** The bytes of {@code file}; {@code what} names its kind in errors ("model", "map"). */
    public static byte[] readBytes(Path file, String what) {
        if (Files.isDirectory(file)) {
            throw MaxdnnException.badInput("cannot read " + what + " " + file + ": it is a folder, not a file");
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw MaxdnnException.badInput("cannot read " + what + " " + file + ": " + reason(e), e);
        }
    }

    /** Why an I/O operation failed, without repeating the path Java puts in the message. */
    public static String reason(IOException e) {
        if (e instanceof NoSuchFileException n) {
            return "not found" + (n.getFile() != null ? " (" + n.getFile() + ")" : "");
        }
        if (e instanceof AccessDeniedException a) {
            return "permission denied" + (a.getFile() != null ? " (" + a.getFile() + ")" : "");
        }
        if (e instanceof NotDirectoryException n) {
            return "not a folder (" + n.getFile() + ")";
        }
        if (e instanceof FileAlreadyExistsException f) {
            return "a file is in the way (" + f.getFile() + ")";
        }
        if (e instanceof DirectoryNotEmptyException d) {
            return "a non-empty folder is in the way (" + d.getFile() + ")";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            String why = switch (f.getReason()) {
                case "Not a directory" -> "a part of the path is a file, not a folder";
                case "Read-only file system" -> "the file system is read-only";
                case "No space left on device" -> "no space left on the device";
                default -> f.getReason();
            };
            return why + (f.getFile() != null ? " (" + f.getFile() + ")" : "");
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** The text of {@code file}, strict UTF-8 (a byte order mark is skipped); a bad byte is an error naming its line and offset. */
    public static String readUtf8(Path file, String what) {
        return utf8(readBytes(file, what), file, what);
    }

    /** Decodes strict UTF-8 (a byte order mark is skipped); a bad byte is an error naming its line and offset. */
    static String utf8(byte[] bytes, Path file, String what) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = dec.decode(in, out, true);
        if (r.isError()) {
            int at = in.position();
            int line = 1;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw MaxdnnException.badInput(what + " " + file + ": line " + line + ", byte offset " + at
                    + ": not UTF-8 text (byte 0x" + String.format("%02X", bytes[at] & 0xFF) + ")");
        }
        dec.flush(out);
        return out.flip().toString();
    }
}
