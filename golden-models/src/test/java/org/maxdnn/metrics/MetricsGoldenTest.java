package org.maxdnn.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.maxdnn.mult.MultiplierCatalog;
import org.maxdnn.mult.MultiplierRegistry;
import org.maxdnn.mult.ParameterColumns;

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
        List<MetricsTable.Row> rows = MetricsTable.libraryRows(new MultiplierRegistry(null));
        assertEquals(MultiplierCatalog.library().size(), rows.size(), "a row per configuration of the catalogue");
        // the golden rows are the toolkit's own families, with their columns, as a build without a test's
        // family writes them; a family a test registers follows them
        Set<String> own = Set.of("exact", "roup", "roupc");
        List<MetricsTable.Row> ownRows = rows.stream().filter(r -> own.contains(r.config().family().id())).toList();
        String actual = MetricsTable.toCsv(ownRows, ParameterColumns.of(ownRows.stream().map(MetricsTable.Row::config).toList()));
        String[] g = golden.split("\n");
        String[] a = actual.split("\n");
        assertEquals(g.length, a.length, "row count");
        for (int i = 0; i < g.length; i++) {
            assertEquals(g[i], a[i], "line " + (i + 1) + " of golden/roup_metrics.csv");
        }
    }
}
