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
import org.maxdnn.explore.InProcessEvaluator;
import org.maxdnn.map.ApproxMap;

/** Spark embedded in this JVM ({@code local[2]}) against the in-process evaluator. */
class LocalSparkTest {
    @TempDir
    Path tmp;

    @Test
    void localSparkFindsTheInProcessFrontsToTheDigit() {
        SmallExploration x = new SmallExploration(16, List.of("layer", "kernel"), true);
        List<String> inProcess;
        try (InProcessEvaluator e = new InProcessEvaluator(x.oracle, 2)) {
            inProcess = x.fronts(e);
        }
        List<String> spark;
        try (SparkEvaluator e = new SparkEvaluator("local[2]", x.oracle)) {
            spark = x.fronts(e);
        }
        assertTrue(inProcess.size() > 6, inProcess.toString());
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
        assertEquals(MaxdnnException.USAGE, assertThrows(MaxdnnException.class,
                () -> SparkEvaluator.factory("yarn")).exitCode());
    }
}
