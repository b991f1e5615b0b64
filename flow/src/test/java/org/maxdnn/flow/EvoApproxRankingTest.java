package org.maxdnn.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maxdnn.energy.EnergyTable;
import org.maxdnn.metrics.EvoApproxCatalog;

class EvoApproxRankingTest {
    @Test
    void spearmanAndOutliersByHand(@TempDir Path tmp) throws Exception {
        Path csv = tmp.resolve("metrics.csv");
        Files.writeString(csv, """
                name,kind,MAE,WCE,EP%,PDK45_PWR,PDK45_AREA,PDK45_DELAY
                mul8u_A,8x8_unsigned,0,0,0,0.40,700,1.4
                mul8u_B,8x8_unsigned,0,0,0,0.30,600,1.4
                mul8u_C,8x8_unsigned,0,0,0,0.20,500,1.4
                mul8u_D,8x8_unsigned,0,0,0,0.10,400,1.4
                """);
        // the flow swaps B and C: ranks (4, 2, 3, 1) against (4, 3, 2, 1); rho = 1 - 6 * 2 / (4 * 15) = 0.8
        Map<String, Double> pj = new LinkedHashMap<>();
        pj.put("exact", 5.0);
        pj.put("lut:mul8u_A", 4.0);
        pj.put("alwann:mul8u_A", 0.5);
        pj.put("lut:mul8u_B", 2.0);
        pj.put("lut:mul8u_C", 3.0);
        pj.put("lut:mul8u_D", 1.0);
        EnergyTable table = new EnergyTable("lib", "test", Map.of("uniform-random", pj));
        EvoApproxRanking r = EvoApproxRanking.of(table, "uniform-random", EvoApproxCatalog.read(csv));
        assertEquals(0.8, r.spearman(), 1e-12);
        assertEquals(List.of("mul8u_D", "mul8u_B", "mul8u_C", "mul8u_A"),
                r.circuits().stream().map(EvoApproxRanking.Circuit::name).toList());
        assertEquals(List.of("mul8u_B", "mul8u_C"), r.outliers(2).stream().map(EvoApproxRanking.Circuit::name).toList());
        assertEquals(-1, r.outliers(1).get(0).rankDifference(), 0);
    }
}
