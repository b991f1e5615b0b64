package org.maxdnn.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import org.maxdnn.explore.MapEvaluator;

/**
 * The optional Spark module ({@code spark/target}: {@code maxdnn-spark.jar} and Spark in {@code lib/}),
 * loaded only when {@code --spark} or {@code bench --only spark} asks for it, so the CLI jar does not
 * carry Spark. Spark's Scala and Jackson stay apart from Chisel's Scala and the toolkit's Jackson
 * ({@link OptionalModule}).
 */
final class SparkModule {
    /** Overrides where the module is looked for. */
    static final String DIR_PROPERTY = "maxdnn.spark.dir";
    private static final OptionalModule MODULE = new OptionalModule("the Spark module", "spark", "maxdnn-spark.jar",
            DIR_PROPERTY);

    private SparkModule() {
    }

    /** {@code --spark MASTER}: the Spark evaluators; a missing module or an unreachable master is exit 4. */
    static MapEvaluator.Factory evaluators(String master) {
        return (MapEvaluator.Factory) MODULE.call("org.maxdnn.spark.SparkEvaluator", "factory",
                new Class<?>[] {String.class}, master);
    }

    /** {@code bench --only spark}. */
    static void bench(PrintStream out, Path model, Path images, Path lutDir) {
        MODULE.call("org.maxdnn.spark.SparkBench", "run", new Class<?>[] {PrintStream.class, Path.class, Path.class,
                Path.class}, out, model, images, lutDir);
    }

    /** Whether the module is built. */
    static boolean present() {
        return MODULE.present();
    }

    /** Where the module is: {@value #DIR_PROPERTY}, else {@code spark/target} of the checkout the CLI runs from. */
    static Path dir() {
        return MODULE.dir();
    }
}
