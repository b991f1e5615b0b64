package org.maxdnn.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.maxdnn.MaxdnnException;

/**
 * Folders of temporary files a command makes (a local Spark cluster's logs and work folders, what
 * an executor unpacks): each removed with all it holds when the command is done with it, and, if
 * the command ends first, when the JVM exits (Ctrl-C and SIGTERM included).
 */
public final class ScratchFolders {
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(ScratchFolders::deleteSettled),
                "maxdnn-scratch-folders"));
    }

    private ScratchFolders() {
    }

    /** A new folder named {@code prefix…} in {@code parent} (the temporary folder when null). */
    public static Path create(Path parent, String prefix) {
        try {
            Path dir = parent == null ? Files.createTempDirectory(prefix) : Files.createTempDirectory(parent, prefix);
            LIVE.add(dir);
            return dir;
        } catch (IOException e) {
            throw MaxdnnException.badInput("cannot create a temporary folder in "
                    + (parent == null ? System.getProperty("java.io.tmpdir") : parent) + ": " + InputFiles.reason(e), e);
        }
    }

    /** Makes {@code dir} (and its parents) a scratch folder of this JVM, removed at exit at the latest. */
    public static Path make(Path dir) throws IOException {
        Files.createDirectories(dir);
        LIVE.add(dir);
        return dir;
    }

    /** Removes {@code dir} and everything in it now (what cannot be removed yet goes when the JVM exits). */
    public static void remove(Path dir) {
        if (delete(dir)) {
            LIVE.remove(dir);
        } else {
            LIVE.add(dir);
        }
    }

    /**
     * At exit, child processes (a cluster's workers) are being destroyed at the same time and may
     * still write for a moment: tries again for up to two seconds.
     */
    private static void deleteSettled(Path dir) {
        for (int i = 0; i < 20 && !delete(dir); i++) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Deletes the tree; true when nothing of it is left. */
    private static boolean delete(Path dir) {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return true;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
            return true;
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }
}
