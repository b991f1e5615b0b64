package org.maxdnn.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maxdnn.MaxdnnException;

/** Writing outputs: through symlinks, nothing half-written, failures that say why and name the target. */
class AtomicFilesTest {
    @TempDir
    Path tmp;

    @Test
    void aSymlinkStaysALinkAndItsTargetGetsTheContent() throws IOException {
        Path real = Files.createDirectories(tmp.resolve("elsewhere")).resolve("real.json");
        Files.writeString(real, "old");
        Path link = tmp.resolve("link.json");
        Files.createSymbolicLink(link, Path.of("elsewhere/real.json"));   // relative, against the link's folder
        AtomicFiles.writeString(link, "new");
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("new", Files.readString(real));
        assertEquals(List.of("real.json"), names(real.getParent()), "the temp file went beside the target, and is gone");
    }

    @Test
    void aFailedWriteLeavesNothingAndKeepsTheOldFile() throws IOException {
        Path out = tmp.resolve("out.csv");
        Files.writeString(out, "previous");
        assertThrows(IllegalStateException.class, () -> AtomicFiles.write(out, w -> {
            w.write("half");
            throw new IllegalStateException("stop");
        }));
        assertEquals("previous", Files.readString(out));
        assertEquals(List.of("out.csv"), names(tmp));
    }

    @Test
    void failuresSayWhyAndNameTheTargetNotTheTempFile() throws IOException {
        Path blocker = tmp.resolve("file");
        Files.writeString(blocker, "x");
        MaxdnnException e = assertThrows(MaxdnnException.class,
                () -> AtomicFiles.writeString(blocker.resolve("e.json"), "{}"));
        assertEquals(MaxdnnException.BAD_INPUT, e.exitCode());
        assertTrue(e.getMessage().startsWith("cannot write " + blocker.resolve("e.json") + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("a file is in the way"), e.getMessage());

        Path ro = Files.createDirectories(tmp.resolve("ro"));
        ro.toFile().setWritable(false);
        try {
            if (Files.isWritable(ro)) {
                return; // running as root: permissions do not stop the write
            }
            MaxdnnException denied = assertThrows(MaxdnnException.class,
                    () -> AtomicFiles.writeString(ro.resolve("e.json"), "{}"));
            assertTrue(denied.getMessage().contains("permission denied"), denied.getMessage());
            assertFalse(denied.getMessage().contains(".tmp"), denied.getMessage());
        } finally {
            ro.toFile().setWritable(true);
        }
    }

    @Test
    void aFolderIsNotOverwritten() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("d"));
        MaxdnnException e = assertThrows(MaxdnnException.class, () -> AtomicFiles.writeString(dir, "x"));
        assertTrue(e.getMessage().contains("it is a folder"), e.getMessage());
        assertTrue(Files.isDirectory(dir));
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
