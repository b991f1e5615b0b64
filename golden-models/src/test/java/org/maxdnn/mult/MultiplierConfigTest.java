package org.maxdnn.mult;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.maxdnn.MaxdnnException;

class MultiplierConfigTest {
    @Test
    void namesRoundTrip() {
        for (MultiplierConfig c : MultiplierCatalog.library()) {
            assertEquals(c, MultiplierConfig.parse(c.name()));
        }
        assertEquals(MultiplierConfig.lut("mul8u_2AC"), MultiplierConfig.parse("lut:mul8u_2AC"));
    }

    @Test
    void theCatalogIsExactThenBothFamiliesAndItsCircuitsDropTheExactAliases() {
        var library = MultiplierCatalog.library();
        assertEquals(65, library.size());
        assertEquals(MultiplierConfig.EXACT, library.get(0));
        assertEquals("roup-p0r0", library.get(1).name());
        assertEquals("roupc-p3r7", library.get(64).name());
        var circuits = MultiplierCatalog.circuits();
        assertEquals(63, circuits.size());
        assertTrue(circuits.stream().noneMatch(c -> c.name().endsWith("-p0r0")));
    }

    @Test
    void badNamesAreBadInputNamingTheValue() {
        for (String bad : new String[] {"roup-p4r0", "roup-p1r8", "roupc-p9r9", "booth", "roup-p1", "lut:", "lut:../x"}) {
            MaxdnnException e = assertThrows(MaxdnnException.class, () -> MultiplierConfig.parse(bad));
            assertEquals(MaxdnnException.BAD_INPUT, e.exitCode());
            assertTrue(e.getMessage().contains(bad), e.getMessage());
        }
    }
}
