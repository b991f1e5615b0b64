package org.maxdnn.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maxdnn.MaxdnnException;
import org.maxdnn.explore.Explorer;
import org.maxdnn.explore.InProcessEvaluator;
import org.maxdnn.explore.StoppingRule;
import org.maxdnn.map.ApproxMap;

/** Spark embedded in this JVM ({@code local[2]}) against the in-process evaluator. */
class LocalSparkTest {
    @TempDir
    Path tmp;

    private static List<String> inProcess(SmallExploration x) {
        try (InProcessEvaluator e = new InProcessEvaluator(x.oracle, 2)) {
            return x.fronts(e);
        }
    }

    private static List<String> onLocalSpark(SmallExploration x) {
        try (SparkEvaluator e = new SparkEvaluator("local[2]", x.oracle)) {
            return x.fronts(e);
        }
    }

    @Test
    void localSparkFindsTheInProcessFrontsToTheDigit() {
        SmallExploration x = new SmallExploration(16, List.of("layer", "kernel"), true);
        List<String> inProcess = inProcess(x);
        List<String> spark = onLocalSpark(x);
        assertTrue(inProcess.size() > 6, inProcess.toString());
        assertEquals(inProcess, spark);
    }

    /**
     * {@code --sequential on} with {@code --spark}: every map's stopping rule goes with it to its
     * executor, so the maps stopped in-process stop there too (looks from 4 of 32 images, z = 1).
     */
    @Test
    void sequentialEvaluationOnSparkStopsTheMapsInProcessStops() {
        Explorer.Settings sequential = new Explorer.Settings(8, 2, 7, Explorer.Objective.METRIC,
                new StoppingRule.Settings(true, 4, 1, 8));
        SmallExploration x = new SmallExploration(32, List.of("layer"), false, sequential);
        List<String> inProcess = inProcess(x);
        List<String> spark = onLocalSpark(x);
        assertTrue(inProcess.get(0).matches("layer hypervolume .*, [1-9][0-9]* of [0-9]+ maps stopped"), inProcess.get(0));
        assertEquals(inProcess, spark);
    }

    @Test
    void anExecutorThatCannotWriteTheShippedAssetsIsAClearError() throws Exception {
        SmallExploration x = new SmallExploration(2, List.of("layer"), false);
        Path notAFolder = Files.writeString(tmp.resolve("not-a-folder"), "");
        SparkConf conf = new SparkConf().set(ExecutorOracle.SCRATCH, notAFolder.toString());
        try (SparkEvaluator e = new SparkEvaluator("local[1]", x.oracle, conf)) {
            MaxdnnException m = assertThrows(MaxdnnException.class, () -> e.scores(List.of(ApproxMap.exact())));
            assertEquals(MaxdnnException.BAD_INPUT, m.exitCode());
            assertTrue(m.getMessage().contains("cannot write the model and tables into " + notAFolder), m.getMessage());
        }
    }

    @Test
    void anUnreachableMasterIsExit4NamingIt() {
        long t0 = System.nanoTime();
        MaxdnnException m = assertThrows(MaxdnnException.class, () -> SparkEvaluator.factory("spark://127.0.0.1:1"));
        assertEquals(MaxdnnException.MISSING_TOOL, m.exitCode());
        assertTrue(m.getMessage().contains("spark://127.0.0.1:1"), m.getMessage());
        assertTrue((System.nanoTime() - t0) / 1e9 < 30, "gave up within the connection timeout");
        for (String bad : List.of("yarn", "local[0]", "local[99999999999]", "spark://", "spark://127.0.0.1:99999")) {
            MaxdnnException e = assertThrows(MaxdnnException.class, () -> SparkEvaluator.factory(bad), bad);
            assertEquals(MaxdnnException.USAGE, e.exitCode(), bad);
            assertTrue(e.getMessage().startsWith("--spark '" + bad + "'"), e.getMessage());
        }
    }

    /** What a local executor writes for an exploration (model, 36 tables) is gone once the evaluator closes. */
    @Test
    void aLocalExplorationLeavesNothingInTheScratchFolder() throws Exception {
        SmallExploration x = new SmallExploration(2, List.of("layer"), false);
        Path scratch = Files.createDirectory(tmp.resolve("scratch"));
        SparkConf conf = new SparkConf().set(ExecutorOracle.SCRATCH, scratch.toString());
        try (SparkEvaluator e = new SparkEvaluator("local[1]", x.oracle, conf)) {
            assertEquals(1, e.scores(List.of(ApproxMap.exact())).size());
            try (var s = Files.list(scratch)) {
                assertEquals(1, s.count(), "the executor wrote its shipment into the scratch folder");
            }
        }
        try (var s = Files.list(scratch)) {
            assertEquals(List.of(), s.toList());
        }
    }
}
