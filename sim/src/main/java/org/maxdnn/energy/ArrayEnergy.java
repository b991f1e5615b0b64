package org.maxdnn.energy;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The whole array's energy, as Accelergy sums it: Σ over the counted actions of count × energy per
 * action, each action priced by the {@link ActionEnergyTable} entry of the same key (a missing one
 * is an error naming it). The multiplications come priced by the {@link EnergyTable} (per layer and
 * configuration, {@link MapEnergy}), so the array's multiplier figure is the exploration's own.
 */
public final class ArrayEnergy {
    /**
     * pJ of the multipliers and of each action; {@link #multiplierShare()} is how much of the
     * whole the multipliers are.
     *
     * @param actionPj action → pJ, in the counts' order
     */
    public record Breakdown(double multiplierPj, Map<Action, Double> actionPj) {
        public Breakdown {
            actionPj = Action.ordered(actionPj);
        }

        /** pJ of {@code action}, 0 when it was not counted. */
        public double pj(Action action) {
            return actionPj.getOrDefault(action, 0.0);
        }

        public double totalPj() {
            double total = multiplierPj;
            for (double pj : actionPj.values()) {
                total += pj;
            }
            return total;
        }

        public double multiplierShare() {
            return multiplierPj / totalPj();
        }
    }

    private ArrayEnergy() {
    }

    public static Breakdown of(ActionCounts counts, ActionEnergyTable ert, double multiplierPj) {
        Map<Action, Double> pj = new LinkedHashMap<>();
        counts.counts().forEach((a, n) -> pj.put(a, n * ert.pj(a)));
        return new Breakdown(multiplierPj, pj);
    }
}
