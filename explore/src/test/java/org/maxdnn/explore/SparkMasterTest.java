package org.maxdnn.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.maxdnn.MaxdnnException;

/** The Spark master strings {@code --spark} takes, and a usage error naming the option for every other. */
class SparkMasterTest {
    @Test
    void localAndStandaloneMastersAreTaken() {
        for (String local : List.of("local", "local[1]", "local[*]", "local[1024]")) {
            SparkMaster m = SparkMaster.parse(local, "--spark");
            assertTrue(m.isLocal() && m.onLoopback(), local);
            assertEquals(local, m.url());
            assertNull(m.host());
        }
        SparkMaster m = SparkMaster.parse("spark://127.0.0.1:7077", "--spark");
        assertEquals("127.0.0.1", m.host());
        assertEquals(7077, m.port());
        assertTrue(m.onLoopback() && !m.isLocal());
        assertFalse(SparkMaster.parse("spark://node-3.example.org:65535", "--spark").onLoopback());
        assertTrue(SparkMaster.parse("spark://[::1]:1", "--spark").onLoopback());
    }

    /** The campaign's four strings (Spark's stack trace, exit 70, before) and their neighbours. */
    @Test
    void everyOtherStringIsAUsageErrorNamingTheOption() {
        for (String bad : List.of("local[0]", "local[99999999999]", "spark://", "spark://127.0.0.1:99999",
                "local[1025]", "local[-1]", "local[]", "local[2,3]", "local[ 2]", "local[2", "LOCAL", "spark://h",
                "spark://:7077", "spark://h:0", "spark://h:7077,h2:7077", "spark://h:7077/x", "spark://h:7a",
                "yarn", "k8s://h:443", "", " local", "spark://h:00000000007077")) {
            MaxdnnException e = assertThrows(MaxdnnException.class, () -> SparkMaster.parse(bad, "--spark"), bad);
            assertEquals(MaxdnnException.USAGE, e.exitCode(), bad);
            assertTrue(e.getMessage().startsWith("--spark '" + bad + "': "), e.getMessage());
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        }
    }
}
