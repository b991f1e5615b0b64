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

/**
 * Output files are written to a temporary sibling and renamed, so nothing half-written is left. A
 * symbolic link is written through: its target is replaced atomically, the link stays.
 */
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
        Path abs = linkTarget(target.toAbsolutePath());
        String named = target + (abs.equals(target.toAbsolutePath()) ? "" : " (a link to " + abs + ")");
        if (Files.isDirectory(abs)) {
            throw MaxdnnException.badInput("cannot write " + named + ": it is a folder");
        }
        Path tmp = null;
        try {
            if (abs.getParent() != null) {
                try {
                    Files.createDirectories(abs.getParent());
                } catch (IOException e) {
                    throw MaxdnnException.badInput("cannot write " + named + ": cannot create its folder "
                            + abs.getParent() + ": " + InputFiles.reason(e), e);
                }
            }
            tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp");
            // an interrupted run (Ctrl-C, SIGTERM) runs shutdown hooks: no temp file is left behind
            tmp.toFile().deleteOnExit();
            fill.into(tmp);
            makeReadable(tmp);
            try {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // the temp file is ours, not the user's: the message names the target instead
            String why = InputFiles.reason(e);
            if (tmp != null) {
                why = why.replace(tmp.toString(), abs.toString());
            }
            throw MaxdnnException.badInput("cannot write " + named + ": " + why, e);
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

    /**
     * Where writing {@code path} ends up: a symbolic link is followed to its target (relative links
     * against the link's folder), so the link stays a link and its target gets the new content.
     */
    static Path linkTarget(Path path) {
        Path p = path;
        for (int hops = 0; hops < 40 && Files.isSymbolicLink(p); hops++) {
            try {
                Path to = Files.readSymbolicLink(p);
                p = (p.getParent() != null ? p.getParent().resolve(to) : to).normalize();
            } catch (IOException e) {
                throw MaxdnnException.badInput("cannot write " + path + ": cannot read the link: " + InputFiles.reason(e), e);
            }
        }
        if (Files.isSymbolicLink(p)) {
            throw MaxdnnException.badInput("cannot write " + path + ": too many levels of symbolic links");
        }
        return p;
    }
}
