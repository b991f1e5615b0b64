package org.maxdnn.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.maxdnn.MaxdnnException;
import org.maxdnn.testing.RequiresTools;

/** The metal minimum areas added to the technology LEF qrouter reads (see {@link MinAreaLef}). */
class MinAreaLefTest {
    private static final String TWO_LAYERS = """
            LAYER metal1
              TYPE\t\tROUTING ;
              WIDTH\t\t0.3 ;
            END metal1

            LAYER via
              TYPE\tCUT ;
            END via

            LAYER metal2
              TYPE\t\tROUTING ;
              AREA\t\t0.5 ;
            END metal2
            """;

    @Test
    void eachRoutingLayerGetsItsAreaOnceAndNothingElseChanges() {
        String twoLayers = TWO_LAYERS;
        for (int m = 3; m <= 6; m++) {
            twoLayers += "LAYER metal" + m + "\n  TYPE ROUTING ;\nEND metal" + m + "\n";
        }
        String lef = MinAreaLef.withMinArea(twoLayers, "test.lef");
        assertTrue(lef.contains("  WIDTH\t\t0.3 ;\n  AREA\t\t0.2 ;\nEND metal1\n"), lef);
        assertTrue(lef.contains("  AREA\t\t0.5 ;\nEND metal2"), "a rule already there is kept: " + lef);
        assertEquals(1, count(lef, "AREA\t\t0.5 ;"));
        assertTrue(lef.contains("TYPE ROUTING ;\n  AREA\t\t0.56 ;\nEND metal6"), lef);
        assertEquals(twoLayers, lef.replaceAll("  AREA\t\t0\\.(2|56) ;\n", ""));
        assertEquals(lef, MinAreaLef.withMinArea(lef, "again"));
    }

    @Test
    void aLefWithoutTheExpectedLayersIsRefusedNamingIt() {
        MaxdnnException e = assertThrows(MaxdnnException.class, () -> MinAreaLef.withMinArea(TWO_LAYERS, "two.lef"));
        assertTrue(e.getMessage().startsWith("two.lef: expected the routing layers"), e.getMessage());
    }

    /** Debian's osu018 LEF has no AREA rule: each of its six routing layers gets magic's. */
    @Test
    @RequiresTools({"qflow"})
    void debiansOsu018LefGetsMagicsAreas() throws IOException {
        String original = Files.readString(QflowTools.lef());
        assertEquals(0, count(original, "AREA\t"));
        String lef = MinAreaLef.withMinArea(original, "osu018");
        assertEquals(5, count(lef, "  AREA\t\t0.2 ;\n"));
        assertEquals(1, count(lef, "  AREA\t\t0.56 ;\n"));
        assertEquals(original.length() + 5 * "  AREA\t\t0.2 ;\n".length() + "  AREA\t\t0.56 ;\n".length(), lef.length());
    }

    private static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
