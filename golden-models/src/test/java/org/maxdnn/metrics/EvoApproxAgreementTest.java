package org.maxdnn.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.maxdnn.Assets;

/**
 * The tables' metrics computed here against the EvoApprox C-header metrics (MAE, WCE, EP%),
 * within half a unit of the last digit the header prints.
 */
class EvoApproxAgreementTest {
    @Test
    void all36TablesAgreeWithThePublishedMetrics() throws IOException {
        Assets assets = Assets.fromEnvironment();
        Map<String, String[]> published = new HashMap<>();
        List<String> lines = Files.readAllLines(assets.evoApproxMetrics());
        List<String> header = List.of(lines.get(0).split(","));
        int name = header.indexOf("name");
        int mae = header.indexOf("MAE");
        int wce = header.indexOf("WCE");
        int ep = header.indexOf("EP%");
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            published.putIfAbsent(f[name], f); // a circuit is listed once per Pareto subset
        }
        List<MetricsTable.Row> rows = MetricsTable.lutRows(assets.lutDir());
        assertEquals(36, rows.size());
        for (MetricsTable.Row r : rows) {
            String n = r.config().lutName();
            String[] f = published.get(n);
            assertTrue(f != null, n + " is not in the published metrics");
            ErrorMetrics u = r.unsigned();
            assertWithinPrintedPrecision(n + " MAE", f[mae], u.med());
            assertWithinPrintedPrecision(n + " WCE", f[wce], u.wce());
            assertWithinPrintedPrecision(n + " EP%", f[ep], 100 * u.ep());
        }
    }

    private static void assertWithinPrintedPrecision(String what, String printed, double actual) {
        BigDecimal p = new BigDecimal(printed);
        double halfUlp = 0.5 * Math.pow(10, -p.scale());
        assertTrue(Math.abs(p.doubleValue() - actual) <= halfUlp + 1e-9,
                what + ": published " + printed + ", computed " + actual);
    }
}
