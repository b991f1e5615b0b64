package org.maxdnn.cosim;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import org.maxdnn.MaxdnnException;
import org.maxdnn.io.AtomicFiles;

/**
 * A folder of the simulator build cache, built once however many threads and processes ask for it
 * at the same time (two runs sharing {@code MAXDNN_CACHE}, or one run's parallel cosimulations): the
 * build runs under an exclusive lock on the folder, and the folder counts as built only once a
 * marker is written after the build succeeded, so a build that failed or was killed half-way (a
 * half-linked binary looks executable) is built again by the next caller.
 */
final class CacheFolder {
    static final String BUILT = ".built";
    /** File locks are per process: threads of this JVM queue on a monitor per folder first. */
    private static final ConcurrentHashMap<Path, Object> MONITORS = new ConcurrentHashMap<>();

    private CacheFolder() {
    }

    /** {@code product}, after {@code build} has filled {@code dir} unless an earlier call did. */
    static Path built(Path dir, Path product, Runnable build) {
        Path marker = dir.resolve(BUILT);
        if (Files.isRegularFile(marker)) {
            return product;
        }
        synchronized (MONITORS.computeIfAbsent(dir.toAbsolutePath().normalize(), d -> new Object())) {
            try {
                Files.createDirectories(dir);
                try (FileChannel ch = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE); FileLock lock = ch.lock()) {
                    if (!Files.isRegularFile(marker)) {
                        build.run();
                        AtomicFiles.writeString(marker, "built\n");
                    }
                }
            } catch (IOException e) {
                throw new MaxdnnException(MaxdnnException.BAD_INPUT, "cannot lock the simulator cache folder " + dir
                        + ": " + e.getMessage() + " (set MAXDNN_CACHE to a writable folder)", e);
            }
        }
        return product;
    }
}
