package org.maxdnn.explore;

import java.util.LinkedHashMap;
import java.util.Map;
import org.maxdnn.energy.EnergyTable;
import org.maxdnn.infer.ConvLayer;
import org.maxdnn.infer.Network;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.mult.MultiplierRegistry;

/**
 * The energy table of tests that check the search and its bookkeeping, not energy: on every weighted
 * layer exact costs 1 and each ROUP configuration less the more it perforates (P) and rounds (R).
 * The real table comes from the energy flow. Shared with the flow and spark modules' tests (test-jar).
 */
public final class StandInEnergy {
    private StandInEnergy() {
    }

    /** @param alwann extra entries per layer, such as {@code alwann:mul8u_17KS} → 0.5 */
    public static EnergyTable of(Network net, MultiplierRegistry registry, Map<String, Double> alwann) {
        Map<String, Map<String, Double>> pj = new LinkedHashMap<>();
        for (ConvLayer l : net.weightedLayers()) {
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("exact", 1.0);
            for (MultiplierConfig c : ConfigCatalog.roup(registry)) {
                m.put(c.name(), 1.0 - 0.15 * c.parameters().getOrDefault("P", 0) - 0.03 * c.parameters().getOrDefault("R", 0));
            }
            m.putAll(alwann);
            pj.put(l.name(), m);
        }
        return new EnergyTable("stand-in", "test stand-in, monotone in P and R", pj);
    }
}
