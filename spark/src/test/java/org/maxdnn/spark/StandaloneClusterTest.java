package org.maxdnn.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.maxdnn.MaxdnnException;
import org.maxdnn.explore.InProcessEvaluator;
import org.maxdnn.explore.MapEvaluator;

/**
 * A real standalone cluster: a Master and Workers as separate JVMs on 127.0.0.1, their executors
 * JVMs of their own. One worker is killed (with its executor) while the exploration runs; a second
 * worker takes over the lost tasks and the fronts are still the in-process ones. A few minutes on an
 * idle 2-core machine; the timeouts are for a loaded one.
 */
class StandaloneClusterTest {
    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 25, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aClusterThatLosesAWorkerMidRunFindsTheInProcessFronts() throws Exception {
        SmallExploration x = new SmallExploration(8, List.of("kernel"), false);
        List<String> inProcess;
        try (InProcessEvaluator e = new InProcessEvaluator(x.oracle, 2)) {
            inProcess = x.fronts(e);
        }
        try (LocalCluster cluster = new LocalCluster(tmp, System.getProperty("java.class.path"))) {
            Process first = cluster.addWorker(1);
            SparkConf conf = new SparkConf().set("spark.executor.extraClassPath", cluster.executorClassPath())
                    .set("spark.executor.memory", "1g");
            AtomicInteger batches = new AtomicInteger();
            CountDownLatch secondBatch = new CountDownLatch(1);
            CountDownLatch killed = new CountDownLatch(1);
            try (SparkEvaluator spark = new SparkEvaluator(cluster.url(), x.oracle, conf)) {
                // counts batches; the second one waits in flight until the first worker is gone
                MapEvaluator counting = maps -> {
                    if (batches.incrementAndGet() == 2) {
                        CompletableFuture<List<org.maxdnn.explore.AccuracyOracle.Score>> f =
                                CompletableFuture.supplyAsync(() -> spark.scores(maps));
                        secondBatch.countDown();
                        await(killed);
                        return f.join();
                    }
                    return spark.scores(maps);
                };
                CompletableFuture<List<String>> run = CompletableFuture.supplyAsync(() -> x.fronts(counting));
                assertTrue(secondBatch.await(8, TimeUnit.MINUTES), "the exploration reached its second batch");
                Thread.sleep(1500); // let the batch's tasks start on the first worker's executor
                assertFalse(run.isDone());
                cluster.addWorker(1); // registers while the first one works; takes the lost tasks
                LocalCluster.kill(first);
                first.waitFor();
                killed.countDown();
                assertEquals(inProcess, run.get(15, TimeUnit.MINUTES));
            }
            assertTrue(batches.get() > 2, "batches after the kill ran on the second worker");
            assertTrue(Files.readString(tmp.resolve("worker-1.log")).contains("Asked to launch executor"),
                    "the second worker ran an executor");
        }
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aMasterWithoutWorkersIsAClearErrorNotAHang() {
        SmallExploration x = new SmallExploration(8, List.of("kernel"), false);
        try (LocalCluster cluster = new LocalCluster(tmp, System.getProperty("java.class.path"))) {
            SparkConf conf = new SparkConf().set(SparkEvaluator.EXECUTOR_WAIT, "5");
            MaxdnnException e = assertThrows(MaxdnnException.class, () -> new SparkEvaluator(cluster.url(), x.oracle, conf));
            assertEquals(MaxdnnException.MISSING_TOOL, e.exitCode());
            assertTrue(e.getMessage().contains(cluster.url()) && e.getMessage().contains("no executor within 5 s"),
                    e.getMessage());
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
