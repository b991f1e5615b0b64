package org.maxdnn.mult;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.maxdnn.MaxdnnException;

class MultiplierConfigTest {
    @Test
    void namesRoundTrip() {
        for (MultiplierConfig c : MultiplierConfig.allRoup()) {
            assertEquals(c, MultiplierConfig.parse(c.name()));
        }
        assertEquals(MultiplierConfig.EXACT, MultiplierConfig.parse("exact"));
        assertEquals(MultiplierConfig.lut("mul8u_2AC"), MultiplierConfig.parse("lut:mul8u_2AC"));
        assertEquals(64, MultiplierConfig.allRoup().size());
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
