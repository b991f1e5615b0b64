package org.maxdnn.sim;

import java.util.List;

/**
 * One {@code timing} group of an output pin, reduced to what the energy model needs: the output
 * transition time tables, used to propagate slews through the netlist.
 *
 * @param relatedPins the {@code related_pin} names
 * @param sense {@code timing_sense}: positive_unate, negative_unate or non_unate (null if absent)
 * @param type {@code timing_type} (null means combinational)
 * @param riseTransition output rise transition table, may be null
 * @param fallTransition output fall transition table, may be null
 */
public record TimingArc(List<String> relatedPins, String sense, String type, LookupTable riseTransition,
                        LookupTable fallTransition) {
    public TimingArc {
        relatedPins = List.copyOf(relatedPins);
    }

    public boolean isCombinational() {
        return type == null || type.equals("combinational") || type.equals("combinational_rise")
                || type.equals("combinational_fall");
    }

    /** An output rise can follow an input rise. */
    public boolean riseFromRise() {
        return !"negative_unate".equals(sense);
    }

    /** An output rise can follow an input fall. */
    public boolean riseFromFall() {
        return !"positive_unate".equals(sense);
    }
}
