package org.maxdnn.cosim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulator cache builds a folder once under concurrent callers, and again after a failed build. */
class CacheFolderTest {
    @TempDir
    Path tmp;

    @Test
    void concurrentCallersShareOneBuild() throws Exception {
        Path dir = tmp.resolve("design");
        Path product = dir.resolve("obj/harness");
        AtomicInteger builds = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Path>> got = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                got.add(pool.submit(() -> {
                    start.await();
                    return CacheFolder.built(dir, product, () -> {
                        builds.incrementAndGet();
                        try {
                            Thread.sleep(200); // a slow build: the others must wait, not see a half-written product
                            Files.createDirectories(product.getParent());
                            Files.writeString(product, "binary");
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
                }));
            }
            start.countDown();
            for (Future<Path> f : got) {
                assertEquals(product, f.get());
                assertEquals("binary", Files.readString(product));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, builds.get());
    }

    @Test
    void aFailedBuildIsBuiltAgain() {
        Path dir = tmp.resolve("design");
        Path product = dir.resolve("tb.vvp");
        assertThrows(IllegalStateException.class, () -> CacheFolder.built(dir, product, () -> {
            throw new IllegalStateException("compiler killed");
        }));
        assertFalse(Files.exists(dir.resolve(CacheFolder.BUILT)));
        AtomicInteger builds = new AtomicInteger();
        CacheFolder.built(dir, product, builds::incrementAndGet);
        CacheFolder.built(dir, product, builds::incrementAndGet);
        assertEquals(1, builds.get());
        assertTrue(Files.exists(dir.resolve(CacheFolder.BUILT)));
    }
}
