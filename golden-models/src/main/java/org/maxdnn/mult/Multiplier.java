package org.maxdnn.mult;

/**
 * A signed 8×8 multiplier (SPEC §3.1). {@code a} is the activation (multiplicand), {@code b} the
 * stationary weight, both in [-128, 127]. The golden model, the error metrics, the RTL test vectors
 * and the energy flow all use these objects, so every configuration has exactly one definition.
 */
public interface Multiplier {

    /** The name used in maps, on the command line and in reports, e.g. {@code roup-p1r2}. */
    default String name() {
        return config().name();
    }

    MultiplierConfig config();

    /** The (approximate) product of signed 8-bit operands. */
    int multiply(int a, int b);

    /**
     * All 65,536 products, indexed by {@link #index(int, int)}. The array is shared: do not modify.
     */
    int[] table();

    /** Table index of (a, b): the two's-complement byte codes, a in the high byte. */
    static int index(int a, int b) {
        return ((a & 0xFF) << 8) | (b & 0xFF);
    }
}
