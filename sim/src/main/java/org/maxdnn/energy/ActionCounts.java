package org.maxdnn.energy;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How often each {@link Action} happens (per inference, say), Accelergy's action counts: whatever
 * counts them (a cosimulation's tilings and toggle counters, a gate-level stimulus) adds keys;
 * {@link ArrayEnergy} prices them, key by key, with an {@link ActionEnergyTable}.
 *
 * @param counts action → count, in the order they were added
 */
public record ActionCounts(Map<Action, Double> counts) {
    public ActionCounts {
        counts = Action.ordered(counts);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The count of {@code action}, 0 when it never happens. */
    public double get(Action action) {
        return counts.getOrDefault(action, 0.0);
    }

    /** Counts added action by action; an action added twice is summed. */
    public static final class Builder {
        private final Map<Action, Double> counts = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder add(Action action, double count) {
            counts.merge(action, count, Double::sum);
            return this;
        }

        public ActionCounts build() {
            return new ActionCounts(counts);
        }
    }
}
