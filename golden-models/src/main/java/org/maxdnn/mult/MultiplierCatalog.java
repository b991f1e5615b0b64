package org.maxdnn.mult;

import java.util.ArrayList;
import java.util.List;

/**
 * The one list of the configurations the toolkit models bit by bit and generates hardware for:
 * {@code exact}, then every configuration of the P/R families ({@code roup}, then {@code roupc},
 * P-major). The metrics table, the RTL generator, synthesis, energy characterisation and the
 * exhaustive tests iterate it, so a new family registered in {@link MultiplierFamily} is covered
 * everywhere without editing them.
 */
public final class MultiplierCatalog {
    private MultiplierCatalog() {
    }

    /** exact followed by every configuration of every P/R family: 65 today. */
    public static List<MultiplierConfig> library() {
        List<MultiplierConfig> out = new ArrayList<>();
        out.add(MultiplierConfig.EXACT);
        for (MultiplierFamily f : MultiplierFamily.values()) {
            if (f.isRoup()) {
                out.addAll(MultiplierConfig.family(f));
            }
        }
        return List.copyOf(out);
    }

    /**
     * The library without the P = 0, R = 0 names, which are exact by definition: one netlist per
     * circuit, as synthesis and energy characterisation need (63 today).
     */
    public static List<MultiplierConfig> circuits() {
        return library().stream()
                .filter(c -> c.equals(MultiplierConfig.EXACT) || !c.isExactByDefinition())
                .toList();
    }
}
