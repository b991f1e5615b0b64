package org.maxdnn.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.maxdnn.mult.MultiplierRegistry;

/**
 * The ROUP metric table against the reviewed golden copy. Regenerate it only deliberately, with
 * {@code make golden}, and review the diff.
 */
class MetricsGoldenTest {
    @Test
    void roupMetricTableMatchesGoldenCsv() throws IOException {
        String golden;
        try (InputStream in = getClass().getResourceAsStream("/golden/roup_metrics.csv")) {
            golden = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String actual = MetricsTable.toCsv(MetricsTable.roupRows(new MultiplierRegistry(null)));
        String[] g = golden.split("\n");
        String[] a = actual.split("\n");
        assertEquals(g.length, a.length, "row count");
        for (int i = 0; i < g.length; i++) {
            assertEquals(g[i], a[i], "line " + (i + 1) + " of golden/roup_metrics.csv");
        }
    }
}
