package org.maxdnn.mult;

import java.util.Map;

/**
 * The one immutable description of a multiplier configuration, shared by the golden model, the
 * RTL generator and the energy flow: a value of its {@link MultiplierFamily} with the parameters
 * it carries (as Gemmini's {@code Float(expWidth, sigWidth)}). Equal configurations are equal
 * values. Code outside this package asks the capabilities below, never which family it holds.
 * Parse one from a name with {@link #parse(String)}.
 */
public interface MultiplierConfig {
    /** a·b. */
    MultiplierConfig EXACT = new ExactFamily.Config();

    /** Parses any registered family's name: {@code exact}, {@code roup-pPrR}, {@code lut:NAME}, … */
    static MultiplierConfig parse(String name) {
        return MultiplierFamilies.parse(name);
    }

    MultiplierFamily family();

    /** The name used in maps, on the command line and in reports, e.g. {@code roup-p1r2}. */
    String name();

    /** The parameters that select it within its family, in order, for CSV and JSON (roup: P, R; none for exact). */
    default Map<String, Integer> parameters() {
        return Map.of();
    }

    /** True when it computes a·b on every pair by construction (exact, roup-p0r0). */
    default boolean isExactByDefinition() {
        return false;
    }

    /** The product table it is built on (an EvoApprox file stem such as {@code mul8u_2AC}), or null. */
    default String table() {
        return null;
    }

    /** True when it replaces each weight by a tuned code before the table is read (ALWANN, SPEC §9). */
    default boolean tunesWeights() {
        return false;
    }
}
