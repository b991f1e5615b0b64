package org.maxdnn.io;

import java.io.IOException;
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
            return f.getReason() + (f.getFile() != null ? " (" + f.getFile() + ")" : "");
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
