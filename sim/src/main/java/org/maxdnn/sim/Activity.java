package org.maxdnn.sim;

import java.util.Collections;
import java.util.Map;

/**
 * Switching activity measured by {@link GateSimulator} over a stream of input vectors: per net
 * (indexed by Yosys bit number) the toggles between consecutive vectors and the vectors at 1, and
 * per cell instance the internal-power events.
 *
 * <p>{@code powerEvents[cell]} follows the cell type's {@link GateSimulator#powerGroups} order:
 * element {@code 2k} counts rises and {@code 2k+1} falls for group k. For a group on an output pin a
 * "rise" is an output rise caused by a toggle of the group's related pin in a state where its
 * {@code when} holds; an output toggle caused by c related pins toggling together counts 1/c to
 * each. For a group on an input pin, it counts that pin's rises and falls.
 *
 * @param vectors number of input vectors simulated
 * @param toggles per net, toggles between consecutive vectors
 * @param ones per net, vectors at which it was 1
 * @param powerEvents per cell instance, the weighted internal-power events
 * @param outputs the primary output values per vector (sign-extended when the port is signed), or
 *        empty when not kept
 */
public record Activity(long vectors, long[] toggles, long[] ones, double[][] powerEvents, Map<String, long[]> outputs) {
    public Activity {
        outputs = Collections.unmodifiableMap(outputs);
    }

    /** Transitions between consecutive vectors: one fewer than the vectors. */
    public long transitions() {
        return Math.max(0, vectors - 1);
    }

    /** Toggles summed over all nets. */
    public long totalToggles() {
        long s = 0;
        for (long t : toggles) {
            s += t;
        }
        return s;
    }
}
