package org.maxdnn.flow;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.testing.CellCountOrdering;

/**
 * Cells of every multiplier configuration mapped to osu018, from the reviewed characterisation table
 * (which {@link MainFlowTest} holds the characterisation to), over every perforation P
 * and rounding R. The findings stated here are where rounding costs cells: the first rounding step
 * of roup at every P (roup-p0r1 has 267 cells, exact 259: the rounding dots and the sign logic they
 * need outweigh the one column they remove), and three steps of roupc where the columns removed
 * change which cells abc picks.
 */
class Osu018CellOrderingTest {
    @Test
    void cellCountsOverEveryPerforationAndRounding() throws IOException {
        String csv;
        try (InputStream in = getClass().getResourceAsStream("/golden/osu018_characterisation.csv")) {
            csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> header = List.of(csv.lines().findFirst().orElseThrow().split(","));
        int column = header.indexOf("cells");
        Map<MultiplierConfig, Integer> cells = new LinkedHashMap<>();
        for (String line : csv.lines().skip(1).toList()) {
            String[] f = line.split(",");
            cells.put(MultiplierConfig.parse(f[0]), Integer.parseInt(f[column]));
        }
        CellCountOrdering.check(cells, List.of("roup-p0r1 > exact", "roup-p1r1 > roup-p1r0", "roup-p2r1 > roup-p2r0",
                "roup-p3r1 > roup-p3r0", "roupc-p1r4 > roupc-p1r3", "roupc-p1r6 > roupc-p1r5", "roupc-p2r6 > roupc-p2r5"));
    }
}
