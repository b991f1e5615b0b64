package org.maxdnn.energy;

import java.util.List;

/**
 * The actions of a PE's parts beyond its multiplier (whose energy per multiplication is the
 * {@link EnergyTable}'s, per layer and configuration): what the array estimate counts and the
 * toolkit's {@link ActionEnergyTable} measures.
 */
public final class PeActions {
    /** A PE flip-flop's clock pin and clock net, per flip-flop per cycle, whatever its data does. */
    public static final Action REGISTER_CLOCK = Action.of("register", "clock");
    /** One bit of a PE register changing its stored value (beyond its clock). */
    public static final Action REGISTER_BIT_TOGGLE = Action.of("register", "bit_toggle");
    /** The PE's 32-bit adder adding one product into the partial sum. */
    public static final Action ADDER_ADD = Action.of("adder", "add");
    /** One PE taking a new weight into its weight register (beyond the register's clock). */
    public static final Action WEIGHT_LOAD = Action.of("weight_load", "load");
    /** Every action the toolkit measures, in its table's order. */
    public static final List<Action> ALL = List.of(REGISTER_CLOCK, REGISTER_BIT_TOGGLE, ADDER_ADD, WEIGHT_LOAD);

    private PeActions() {
    }
}
