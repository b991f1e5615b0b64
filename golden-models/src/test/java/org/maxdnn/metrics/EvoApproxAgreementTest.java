package org.maxdnn.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.maxdnn.Assets;

/**
 * The tables' metrics computed here against the EvoApprox C-header metrics (MAE, WCE, EP%),
 * within half a unit of the last digit the header prints.
 */
class EvoApproxAgreementTest {
    @Test
    void all36TablesAgreeWithThePublishedMetrics() {
        Assets assets = Assets.fromEnvironment();
        EvoApproxCatalog published = EvoApproxCatalog.read(assets.evoApproxMetrics());
        List<MetricsTable.Row> rows = MetricsTable.lutRows(assets.lutDir());
        assertEquals(36, rows.size());
        for (MetricsTable.Row r : rows) {
            String n = r.config().table();
            EvoApproxCatalog.Entry e = published.get(n);
            ErrorMetrics u = r.unsigned();
            assertWithinPrintedPrecision(n + " MAE", e.mae(), u.med());
            assertWithinPrintedPrecision(n + " WCE", e.wce(), u.wce());
            assertWithinPrintedPrecision(n + " EP%", e.epPercent(), 100 * u.ep());
        }
    }

    private static void assertWithinPrintedPrecision(String what, String printed, double actual) {
        BigDecimal p = new BigDecimal(printed);
        double halfUlp = 0.5 * Math.pow(10, -p.scale());
        assertTrue(Math.abs(p.doubleValue() - actual) <= halfUlp + 1e-9,
                what + ": published " + printed + ", computed " + actual);
    }
}
