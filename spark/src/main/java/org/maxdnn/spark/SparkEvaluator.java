package org.maxdnn.spark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.maxdnn.MaxdnnException;
import org.maxdnn.explore.AccuracyOracle;
import org.maxdnn.explore.MapEvaluator;
import org.maxdnn.explore.SparkMaster;
import org.maxdnn.explore.StoppingRule;
import org.maxdnn.map.ApproxMap;

/**
 * A {@link MapEvaluator} on Apache Spark: each batch becomes an RDD of map JSON strings with their
 * stopping rules, one task per map, scored by executors that each build the oracle once from a
 * broadcast {@link Shipment}. The scores come back in the batch's order and equal the in-process
 * evaluator's (the same oracle code on the same bytes, sequential evaluation included), so a seeded
 * search finds the same front.
 *
 * <p>{@code local[N]} runs Spark in this JVM; {@code spark://HOST:PORT} submits to a standalone
 * cluster. A driver on this machine binds to 127.0.0.1 when the master is local or on the loopback;
 * for a real cluster set {@code spark.driver.host} (any {@code spark.*} system property is read).
 */
public final class SparkEvaluator implements MapEvaluator {
    /** How long to wait for a standalone master to accept a connection before giving up. */
    static final int CONNECT_TIMEOUT_MS = 5000;
    /**
     * How long a standalone master may take to give the application its first executor (Spark itself
     * waits for ever, warning that the job "has not accepted any resources"); a {@code spark.*} setting,
     * so {@code -Dspark.maxdnn.executorWaitSeconds=N} changes it.
     */
    static final String EXECUTOR_WAIT = "spark.maxdnn.executorWaitSeconds";
    static final int DEFAULT_EXECUTOR_WAIT_SECONDS = 180;

    private final JavaSparkContext spark;
    private final Shipment shipped;
    private final Broadcast<Shipment> shipment;
    private final ClassLoader loader = SparkEvaluator.class.getClassLoader();

    /** Connects to {@code master} (see the class comment) and broadcasts what the executors need. */
    public SparkEvaluator(String master, AccuracyOracle oracle) {
        this(master, oracle, new SparkConf());
    }

    SparkEvaluator(String master, AccuracyOracle oracle, SparkConf conf) {
        SparkMaster m = SparkMaster.parse(master, "the Spark master");
        Shipment s = Shipment.of(oracle);
        shipped = s;
        spark = withLoader(() -> new JavaSparkContext(configure(m, conf)));
        try {
            if (!m.isLocal()) {
                awaitExecutor(master, spark.getConf().getInt(EXECUTOR_WAIT, DEFAULT_EXECUTOR_WAIT_SECONDS));
            }
            shipment = withLoader(() -> spark.broadcast(s));
        } catch (RuntimeException e) {
            spark.stop();
            throw e;
        }
    }

    /** {@code explore --spark MASTER}: what the CLI calls, reflectively, when this module is present. */
    public static MapEvaluator.Factory factory(String master) {
        check(master);
        return (oracle, threads) -> new SparkEvaluator(master, oracle);
    }

    @Override
    public List<AccuracyOracle.Score> scores(List<ApproxMap> maps) {
        return scores(maps, Collections.nCopies(maps.size(), null));
    }

    /**
     * Each map goes to its task with its {@link StoppingRule} (sequential evaluation, {@code --sequential on}),
     * so an executor stops it where the in-process evaluator would: the same scores, stopped ones included.
     */
    @Override
    public List<AccuracyOracle.Score> scores(List<ApproxMap> maps, List<StoppingRule> rules) {
        if (maps.isEmpty()) {
            return List.of();
        }
        List<ExecutorOracle.Job> jobs = new ArrayList<>();
        for (int i = 0; i < maps.size(); i++) {
            jobs.add(new ExecutorOracle.Job(maps.get(i).toJson(), rules.get(i)));
        }
        try {
            return List.copyOf(withLoader(() -> spark.parallelize(jobs, jobs.size()).map(new ExecutorOracle(shipment))
                    .collect()));
        } catch (Exception e) { // Spark throws its checked SparkException undeclared
            throw failure(e);
        }
    }

    /** Until the cluster has given this application an executor (the tracker lists the driver too). */
    private void awaitExecutor(String master, int seconds) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (spark.sc().statusTracker().getExecutorInfos().length < 2) {
            if (System.nanoTime() > deadline) {
                throw new MaxdnnException(MaxdnnException.MISSING_TOOL, "the Spark master at " + master + " gave this "
                        + "application no executor within " + seconds + " s: no worker is registered, or none has a free "
                        + "core and the executor's memory (spark.executor.memory); start one (sbin/start-worker.sh "
                        + master + ") or wait longer with -D" + EXECUTOR_WAIT + "=N");
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a Spark executor", e);
            }
        }
    }

    /**
     * Stops the application. With a local master the executor was this JVM, so what it wrote for the
     * exploration is removed now; a cluster's executors remove theirs when their JVMs exit.
     */
    @Override
    public void close() {
        Path scratch = ExecutorOracle.scratch(spark.getConf());
        boolean local = spark.isLocal();
        withLoader(() -> {
            spark.stop();
            return null;
        });
        if (local) {
            shipped.delete(scratch);
        }
    }

    /** The application's settings: quiet, no UI, driver on the loopback for local and loopback masters. */
    static SparkConf configure(SparkMaster master, SparkConf conf) {
        conf.setMaster(master.url()).setAppName("maxdnn explore")
                .setIfMissing("spark.ui.enabled", "false")
                .setIfMissing("spark.log.level", "WARN")
                // a lost executor's tasks are retried elsewhere; a task that fails for itself stops the run
                .setIfMissing("spark.task.maxFailures", "4");
        if (master.onLoopback()) {
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1").setIfMissing("spark.driver.host", "127.0.0.1");
        }
        List<String> jars = shippedJars();
        if (!master.isLocal() && !jars.isEmpty() && !conf.contains("spark.jars")) {
            conf.set("spark.jars", String.join(",", jars));
        }
        return conf;
    }

    /**
     * The jars executors of a cluster need besides Spark: this module's, the exploration's, the
     * golden model's and FlatBuffers (folders of classes, as in tests, cannot be shipped and are skipped).
     */
    static List<String> shippedJars() {
        Set<String> jars = new LinkedHashSet<>();
        for (Class<?> c : List.of(SparkEvaluator.class, AccuracyOracle.class, ApproxMap.class,
                com.google.flatbuffers.FlatBufferBuilder.class)) {
            try {
                Path p = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
                if (Files.isRegularFile(p)) {
                    jars.add(p.toString());
                }
            } catch (URISyntaxException | NullPointerException e) {
                // not from a file: nothing to ship
            }
        }
        return List.copyOf(jars);
    }

    /**
     * A master URL Spark takes ({@link SparkMaster}, else exit 1); a standalone master must accept a
     * connection (exit 4 naming it if not).
     */
    static void check(String master) {
        SparkMaster m = SparkMaster.parse(master, "--spark");
        if (m.isLocal()) {
            return;
        }
        String host = m.host().startsWith("[") ? m.host().substring(1, m.host().length() - 1) : m.host();
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, m.port()), CONNECT_TIMEOUT_MS);
        } catch (IOException e) {
            throw new MaxdnnException(MaxdnnException.MISSING_TOOL, "cannot reach the Spark master at " + master + " ("
                    + e.getMessage() + "); start it (sbin/start-master.sh) or check the address");
        }
    }

    /** A failed job as a clear error: the executors' own message (a {@link MaxdnnException}'s when it is one). */
    private static RuntimeException failure(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MaxdnnException m) {
                return m;
            }
        }
        if (e instanceof SparkException) {
            String why = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            return new MaxdnnException(MaxdnnException.BAD_INPUT, "Spark could not score the maps: " + why, e);
        }
        return e instanceof RuntimeException r ? r : new IllegalStateException(e);
    }

    /**
     * Runs {@code work} with this module's loader as the context loader, which Spark loads its classes
     * with: in the CLI the module has a loader of its own, which the calling thread's context loader is not.
     */
    private <T> T withLoader(Supplier<T> work) {
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        t.setContextClassLoader(loader);
        try {
            return work.get();
        } finally {
            t.setContextClassLoader(before);
        }
    }
}
