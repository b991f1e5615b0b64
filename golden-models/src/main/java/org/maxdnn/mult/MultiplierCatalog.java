package org.maxdnn.mult;

import java.util.ArrayList;
import java.util.List;

/**
 * The one list of the configurations the toolkit models bit by bit and generates hardware for:
 * every registered family's catalogue, in registry order ({@code exact}, {@code roup}, then
 * {@code roupc}, P-major, then any added family). The metrics table, the RTL generator, synthesis,
 * energy characterisation and the exhaustive tests iterate it, so a family registered in
 * {@link MultiplierFamilies} is covered everywhere without editing them.
 */
public final class MultiplierCatalog {
    private MultiplierCatalog() {
    }

    /** Every family's catalogue: 65 with the toolkit's own families. */
    public static List<MultiplierConfig> library() {
        List<MultiplierConfig> out = new ArrayList<>();
        for (MultiplierFamily f : MultiplierFamilies.all()) {
            out.addAll(f.catalogue());
        }
        return List.copyOf(out);
    }

    /**
     * The library without the names that are exact by definition but {@code exact} itself: one
     * netlist per circuit, as synthesis and energy characterisation need (63 today).
     */
    public static List<MultiplierConfig> circuits() {
        return library().stream()
                .filter(c -> c.equals(MultiplierConfig.EXACT) || !c.isExactByDefinition())
                .toList();
    }

    /** Every table-built family's configuration on each table, table by table ({@code lut:T}, {@code alwann:T}, …). */
    public static List<MultiplierConfig> onTables(List<String> tables) {
        List<MultiplierConfig> out = new ArrayList<>();
        for (String t : tables) {
            for (MultiplierFamily f : MultiplierFamilies.all()) {
                MultiplierConfig c = f.onTable(t);
                if (c != null) {
                    out.add(c);
                }
            }
        }
        return List.copyOf(out);
    }
}
