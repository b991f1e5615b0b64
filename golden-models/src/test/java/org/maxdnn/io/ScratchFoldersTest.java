package org.maxdnn.io;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scratch folder goes with all it holds when removed, and when its JVM ends by SIGTERM before that. */
class ScratchFoldersTest {
    @TempDir
    Path tmp;

    /** A JVM that fills a scratch folder under args[0], prints its path and waits to be killed. */
    public static void main(String[] args) throws Exception {
        Path dir = ScratchFolders.create(Path.of(args[0]), "scratch-");
        Files.writeString(Files.createDirectories(dir.resolve("sub")).resolve("f.bin"), "x");
        System.out.println(dir);
        System.out.flush();
        Thread.sleep(300_000);
    }

    @Test
    void removedWithEverythingInIt() throws Exception {
        Path dir = ScratchFolders.create(tmp, "s-");
        Files.writeString(Files.createDirectories(dir.resolve("a/b")).resolve("c.txt"), "x");
        Path made = ScratchFolders.make(tmp.resolve("named"));
        ScratchFolders.remove(dir);
        ScratchFolders.remove(made);
        assertFalse(Files.exists(dir));
        assertFalse(Files.exists(made));
    }

    @Test
    void removedWhenTheJvmIsTerminated() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process jvm = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                ScratchFoldersTest.class.getName(), tmp.toString()).redirectErrorStream(true).start();
        try {
            String line = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8)).readLine();
            Path dir = Path.of(line);
            assertTrue(Files.isRegularFile(dir.resolve("sub/f.bin")), line);
            jvm.destroy(); // SIGTERM
            assertTrue(jvm.waitFor(10, TimeUnit.SECONDS));
            assertFalse(Files.exists(dir), "left after SIGTERM: " + dir);
        } finally {
            jvm.destroyForcibly();
        }
    }
}
