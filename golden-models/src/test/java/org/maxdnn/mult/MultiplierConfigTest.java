package org.maxdnn.mult;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.maxdnn.MaxdnnException;

class MultiplierConfigTest {
    @Test
    void namesRoundTrip() {
        for (MultiplierConfig c : MultiplierCatalog.library()) {
            assertEquals(c, MultiplierConfig.parse(c.name()));
        }
        assertEquals(TableConfig.lut("mul8u_2AC"), MultiplierConfig.parse("lut:mul8u_2AC"));
    }

    /** The toolkit's own families, first in the registry; a test may register more after them. */
    private static final List<String> OWN = List.of("exact", "roup", "roupc", "lut", "alwann");

    private static boolean own(MultiplierConfig c) {
        return OWN.contains(c.family().id());
    }

    @Test
    void theToolkitsFamiliesComeFirstInTheRegistry() {
        List<String> ids = MultiplierFamilies.all().stream().map(MultiplierFamily::id).toList();
        assertEquals(OWN, ids.subList(0, OWN.size()));
        assertEquals("roupc", MultiplierFamilies.byId("roupc").id());
        MaxdnnException e = assertThrows(MaxdnnException.class, () -> MultiplierFamilies.byId("booth"));
        assertTrue(e.getMessage().contains("booth") && e.getMessage().contains("roupc"), e.getMessage());
    }

    @Test
    void theCatalogIsExactThenBothFamiliesAndItsCircuitsDropTheExactAliases() {
        var all = MultiplierCatalog.library();
        var library = all.stream().filter(MultiplierConfigTest::own).toList();
        assertEquals(library, all.subList(0, library.size()), "the toolkit's configurations come first");
        assertEquals(65, library.size());
        assertEquals(MultiplierConfig.EXACT, library.get(0));
        assertEquals("roup-p0r0", library.get(1).name());
        assertEquals("roupc-p3r7", library.get(64).name());
        var circuits = MultiplierCatalog.circuits().stream().filter(MultiplierConfigTest::own).toList();
        assertEquals(63, circuits.size());
        assertTrue(circuits.stream().noneMatch(c -> c.name().endsWith("-p0r0")));
        assertEquals(List.of(TableConfig.lut("a"), TableConfig.alwann("a"), TableConfig.lut("b"), TableConfig.alwann("b")),
                MultiplierCatalog.onTables(List.of("a", "b")).stream().filter(MultiplierConfigTest::own).toList());
    }

    @Test
    void configurationsCarryTheirParametersAndCapabilities() {
        MultiplierConfig c = MultiplierConfig.parse("roupc-p1r5");
        assertEquals(RoupConfig.roupc(1, 5), c);
        assertEquals("roupc", c.family().id());
        assertEquals(List.of("P", "R"), List.copyOf(c.parameters().keySet()));
        assertEquals(List.of(1, 5), List.copyOf(c.parameters().values()));
        assertTrue(MultiplierConfig.parse("roup-p0r0").isExactByDefinition());
        assertTrue(MultiplierConfig.EXACT.isExactByDefinition() && MultiplierConfig.EXACT.parameters().isEmpty());
        MultiplierConfig alwann = MultiplierConfig.parse("alwann:mul8u_2AC");
        assertEquals("mul8u_2AC", alwann.table());
        assertTrue(alwann.tunesWeights());
        assertTrue(!TableConfig.lut("mul8u_2AC").tunesWeights() && c.table() == null);
        assertEquals("roup-p1r5", String.valueOf(RoupConfig.roup(1, 5)), "a configuration prints as its name");
    }

    @Test
    void badNamesAreBadInputNamingTheValue() {
        for (String bad : new String[] {"roup-p4r0", "roup-p1r8", "roupc-p9r9", "booth", "roup-p1", "lut:", "lut:../x"}) {
            MaxdnnException e = assertThrows(MaxdnnException.class, () -> MultiplierConfig.parse(bad));
            assertEquals(MaxdnnException.BAD_INPUT, e.exitCode());
            assertTrue(e.getMessage().contains(bad), e.getMessage());
        }
        // an unknown name lists every registered family's form
        String message = assertThrows(MaxdnnException.class, () -> MultiplierConfig.parse("booth")).getMessage();
        for (MultiplierFamily f : MultiplierFamilies.all()) {
            assertTrue(message.contains(f.syntax()), message);
        }
    }
}
