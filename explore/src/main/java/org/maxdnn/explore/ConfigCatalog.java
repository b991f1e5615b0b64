package org.maxdnn.explore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.maxdnn.mult.MultiplierCatalog;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.mult.MultiplierRegistry;
import org.maxdnn.mult.TableConfig;

/** The configurations the exploration chooses from. */
public final class ConfigCatalog {
    private ConfigCatalog() {
    }

    /**
     * exact and every ROUP configuration of both families that computes a different function:
     * roupc-pPrR with R ≤ 2P is roup-pPr0, and p0r0 is exact, so 55 of the 65 names remain.
     */
    public static List<MultiplierConfig> roup(MultiplierRegistry registry) {
        Set<Integer> seen = new HashSet<>();
        List<MultiplierConfig> out = new ArrayList<>();
        for (MultiplierConfig c : MultiplierCatalog.library()) {
            int[] t = registry.get(c).table();
            if (seen.add(Arrays.hashCode(t)) || !sameAsAny(registry, out, t)) {
                out.add(c);
            }
        }
        return List.copyOf(out);
    }

    private static boolean sameAsAny(MultiplierRegistry registry, List<MultiplierConfig> kept, int[] t) {
        return kept.stream().anyMatch(k -> Arrays.equals(registry.get(k).table(), t));
    }

    /** exact and ALWANN-tuned versions of the given EvoApprox tables ({@code mul8u_*} stems). */
    public static List<MultiplierConfig> alwann(List<String> tableNames) {
        List<MultiplierConfig> out = new ArrayList<>();
        out.add(MultiplierConfig.EXACT);
        tableNames.stream().filter(n -> !n.equals("mul8u_1JFF")).sorted()
                .forEach(n -> out.add(TableConfig.alwann(n)));
        return List.copyOf(out);
    }
}
