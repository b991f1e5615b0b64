package org.maxdnn.sim;

import java.util.List;

/**
 * One {@code internal_power} group of a pin: energy per transition (library energy unit,
 * capacitance unit × voltage unit², i.e. pJ for pF and V) drawn inside the cell. On an output pin
 * {@code rise}/{@code fall} are indexed by the output's direction and caused by a toggle of one of
 * {@code relatedPins}; {@code when} (may be null) restricts the state it applies in. On an input pin
 * the tables are per input transition.
 *
 * @param relatedPins the {@code related_pin} names (empty when absent)
 * @param when the condition, or null
 * @param rise {@code rise_power} (or {@code power}), may be null
 * @param fall {@code fall_power} (or {@code power}), may be null
 * @param relatedPgPin the {@code related_pg_pin}, or null
 */
public record InternalPower(List<String> relatedPins, BooleanFunction when, LookupTable rise, LookupTable fall,
                            String relatedPgPin) {
    public InternalPower {
        relatedPins = List.copyOf(relatedPins);
    }

    /** Energy of one output rise ({@code rising}) or fall at that input slew and output load. */
    public double energy(boolean rising, double slew, double load) {
        LookupTable t = rising ? rise : fall;
        if (t == null) {
            t = rising ? fall : rise;
        }
        return t == null ? 0.0 : t.lookup(slew, load);
    }
}
