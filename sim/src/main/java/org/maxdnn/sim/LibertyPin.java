package org.maxdnn.sim;

import java.util.List;

/**
 * A pin of a liberty cell.
 *
 * @param name pin name
 * @param direction input, output, inout or internal
 * @param capacitance input capacitance in library units: the largest of {@code capacitance},
 *        {@code rise_capacitance} and {@code fall_capacitance} (0 if none), the value OpenSTA loads a
 *        net with
 * @param function the output function, or null
 * @param internalPowers the pin's {@code internal_power} groups
 * @param timingArcs the pin's {@code timing} groups
 */
public record LibertyPin(String name, String direction, double capacitance, BooleanFunction function,
                         List<InternalPower> internalPowers, List<TimingArc> timingArcs) {
    public LibertyPin {
        internalPowers = List.copyOf(internalPowers);
        timingArcs = List.copyOf(timingArcs);
    }

    public boolean isInput() {
        return direction.equals("input") || direction.equals("inout");
    }

    public boolean isOutput() {
        return direction.equals("output") || direction.equals("inout");
    }
}
