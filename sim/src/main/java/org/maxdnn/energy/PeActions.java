package org.maxdnn.energy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.maxdnn.array.ArrayConfig;

/**
 * The actions of a PE's parts beyond its multiplier (whose energy per multiplication is the
 * {@link EnergyTable}'s, per layer and configuration): what the array estimate counts and the
 * toolkit's {@link ActionEnergyTable} measures. The plain array clocks every PE flip-flop every
 * cycle and adds into 32 bits; the energy-proportional one (SPEC §6.1) clocks its flip-flops
 * through clock gates, which cost their own energy, and adds into partial sums as wide as their row.
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
    /** A latch-based clock gate's own cells in a cycle it lets the clock through. */
    public static final Action CLOCK_GATE_OPEN = Action.of("clock_gate", "open");
    /** A latch-based clock gate's own cells in a cycle it holds the clock. */
    public static final Action CLOCK_GATE_CLOSED = Action.of("clock_gate", "closed");
    /** A flip-flop behind a clock gate, per cycle its gate is open: its clock pin and its share of the gated net. */
    public static final Action REGISTER_GATED_CLOCK = Action.of("register", "gated_clock");
    /** The narrowest partial sum of a gated array (its first row's) and the widest (its last row's at the largest side). */
    public static final int MIN_ADDER_BITS = ArrayConfig.PRODUCT_BITS;
    public static final int MAX_ADDER_BITS = ArrayConfig.PRODUCT_BITS + 32 - Integer.numberOfLeadingZeros(ArrayConfig.MAX_SIDE - 1);
    /** Every action the toolkit measures, in its table's order. */
    public static final List<Action> ALL = all();

    private PeActions() {
    }

    /** The gated array's adder of {@code bits} bits adding one product into its row's partial sum. */
    public static Action adderAdd(int bits) {
        return ADDER_ADD.with("width", Integer.toString(bits));
    }

    private static List<Action> all() {
        List<Action> a = new ArrayList<>(List.of(REGISTER_CLOCK, REGISTER_BIT_TOGGLE, ADDER_ADD, WEIGHT_LOAD,
                CLOCK_GATE_OPEN, CLOCK_GATE_CLOSED, REGISTER_GATED_CLOCK));
        IntStream.rangeClosed(MIN_ADDER_BITS, MAX_ADDER_BITS).forEach(b -> a.add(adderAdd(b)));
        return List.copyOf(a);
    }
}
