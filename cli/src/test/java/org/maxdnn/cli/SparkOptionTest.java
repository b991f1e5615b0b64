package org.maxdnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --spark} without the Spark module built: a clear exit 4 that says how to build it, before any work. */
class SparkOptionTest {
    @TempDir
    Path tmp;

    @Test
    void sparkWithoutTheModuleSaysWhatToBuild() {
        System.setProperty(SparkModule.DIR_PROPERTY, tmp.resolve("no-spark").toString());
        try {
            MainTest.Outcome o = MainTest.run("explore", "--quick", "--spark", "local[2]", "--out", tmp.resolve("out").toString());
            assertEquals(4, o.code(), o.err());
            assertTrue(o.err().contains("the Spark module is not built") && o.err().contains("mvn -B -pl spark -am package"),
                    o.err());
            MainTest.Outcome bench = MainTest.run("bench", "--only", "spark");
            assertEquals(4, bench.code(), bench.err());
        } finally {
            System.clearProperty(SparkModule.DIR_PROPERTY);
        }
    }
}
