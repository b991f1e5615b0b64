package org.maxdnn.spark;

import java.io.File;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.maxdnn.data.ImageSets;
import org.maxdnn.task.Classification;
import org.maxdnn.data.LabeledImage;
import org.maxdnn.explore.AccuracyOracle;
import org.maxdnn.explore.InProcessEvaluator;
import org.maxdnn.explore.MapEvaluator;
import org.maxdnn.infer.Network;
import org.maxdnn.io.ScratchFolders;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.mult.MultiplierRegistry;

/**
 * {@code maxdnn bench --only spark}: evaluations per second of one batch of kernel-level maps
 * in-process (2 threads), on {@code local[2]} and on a standalone cluster of a master and two
 * one-core workers (separate JVMs), as ratios to the in-process figure, and what Spark costs to
 * start (context, then the first batch: executors started, shipment broadcast, oracles built).
 */
public final class SparkBench {
    private static final int IMAGES = 30;
    private static final int MAPS = 16;

    private SparkBench() {
    }

    public static void run(PrintStream out, Path model, Path images, Path lutDir) {
        MultiplierRegistry registry = new MultiplierRegistry(lutDir);
        Network net = Network.load(model);
        List<LabeledImage> inputs = ImageSets.readFolder(images, IMAGES);
        AccuracyOracle oracle = new AccuracyOracle(net, inputs, Classification.of(inputs), registry, 2);
        List<MultiplierConfig> mix = Stream.of("exact", "roup-p1r2", "roup-p2r0", "roupc-p0r4", "roupc-p1r6")
                .map(MultiplierConfig::parse).toList();
        List<ApproxMap> batch = new ArrayList<>();
        for (int i = 0; i < MAPS; i++) {
            batch.add(ApproxMap.randomKernels(net, mix, i + 1));
        }
        out.printf(Locale.ROOT, "spark: one batch of %d kernel-level maps on %d images; best of 2 after the first "
                + "batch%n", MAPS, IMAGES);
        double base;
        try (InProcessEvaluator e = new InProcessEvaluator(oracle, 2)) {
            base = figures(out, "in-process, 2 threads", 0, e, batch, 0);
        }
        double t0 = System.nanoTime();
        try (SparkEvaluator e = new SparkEvaluator("local[2]", oracle)) {
            figures(out, "local[2]", (System.nanoTime() - t0) / 1e9, e, batch, base);
        }
        Path dir = ScratchFolders.create(null, "maxdnn-spark-bench");
        try (LocalCluster cluster = new LocalCluster(dir, classPath())) {
            cluster.addWorker(1);
            cluster.addWorker(1);
            t0 = System.nanoTime();
            SparkConf conf = new SparkConf().set("spark.executor.extraClassPath", cluster.executorClassPath())
                    .set("spark.executor.memory", "1g");
            try (SparkEvaluator e = new SparkEvaluator(cluster.url(), oracle, conf)) {
                figures(out, "standalone, 2 workers x 1 core", (System.nanoTime() - t0) / 1e9, e, batch, base);
            }
        } finally {
            ScratchFolders.remove(dir); // the cluster's logs and work folders
        }
        out.println("spark: on one machine Spark only adds cost; the same command scales out on a real cluster");
    }

    /** Prints one evaluator's line; returns its evaluations per second. */
    private static double figures(PrintStream out, String name, double contextSeconds, MapEvaluator e,
                                  List<ApproxMap> batch, double base) {
        double first = seconds(() -> e.scores(batch));
        double best = Math.min(seconds(() -> e.scores(batch)), seconds(() -> e.scores(batch)));
        double rate = batch.size() / best;
        out.printf(Locale.ROOT, "spark:   %-32s %7.2f evaluations/s%s; start-up: context %.1f s, first batch %.1f s%n",
                name, rate, base == 0 ? "" : String.format(Locale.ROOT, " (%.2fx in-process)", rate / base),
                contextSeconds, first);
        return rate;
    }

    private static double seconds(Supplier<?> work) {
        long t0 = System.nanoTime();
        work.get();
        return (System.nanoTime() - t0) / 1e9;
    }

    /** This module's jars (from its loader when the CLI loaded it) before the JVM's classpath: Spark's Scala first. */
    private static String classPath() {
        List<String> entries = new ArrayList<>();
        if (SparkBench.class.getClassLoader() instanceof URLClassLoader own) {
            for (URL u : own.getURLs()) {
                try {
                    entries.add(Path.of(u.toURI()).toString());
                } catch (URISyntaxException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        entries.add(System.getProperty("java.class.path"));
        return String.join(File.pathSeparator, entries);
    }
}
