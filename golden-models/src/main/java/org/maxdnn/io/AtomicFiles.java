package org.maxdnn.io;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.maxdnn.MaxdnnException;

/** Output files are written to a temporary sibling and renamed, so nothing half-written is left. */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Something that writes the file's content. */
    public interface Content {
        void writeTo(Writer w) throws IOException;
    }

    public static void writeString(Path target, String text) {
        write(target, w -> w.write(text));
    }

    /** Binary content (images). */
    public static void writeBytes(Path target, byte[] bytes) {
        move(target, tmp -> Files.write(tmp, bytes));
    }

    public static void write(Path target, Content content) {
        move(target, tmp -> {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                content.writeTo(w);
            }
        });
    }

    /** Temp files are created owner-only; a result file should read like any other output. */
    private static void makeReadable(Path p) throws IOException {
        if (Files.getFileStore(p).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    private interface Fill {
        void into(Path tmp) throws IOException;
    }

    private static void move(Path target, Fill fill) {
        Path abs = target.toAbsolutePath();
        Path tmp = null;
        try {
            if (abs.getParent() != null) {
                Files.createDirectories(abs.getParent());
            }
            tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp");
            fill.into(tmp);
            makeReadable(tmp);
            try {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw MaxdnnException.badInput("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the rename already happened or the write failed
                }
            }
        }
    }
}
