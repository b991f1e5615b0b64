package org.maxdnn.mult;

import java.util.List;

/**
 * The configurations a configurable PE selects at run time, by a code of {@link #bits()} bits
 * loaded with each weight. A configurable array holds one ({@code PeKind.Configurable}); the
 * generator elaborates the PE that decodes it, the cosimulation encodes every PE's configuration
 * with it, the activity model decodes, the harnesses and energy counts take its width.
 */
public interface ConfigurationCode {
    /** Names it in messages and the manifest, e.g. {@code roup}. */
    String id();

    int bits();

    /** Every configuration a code selects. */
    List<MultiplierConfig> configurations();

    /** True when a code selects {@code config}. */
    default boolean covers(MultiplierConfig config) {
        return configurations().contains(config);
    }

    /** The code that selects {@code config}; a clear error for a configuration it does not cover. */
    int code(MultiplierConfig config);

    /** The configuration {@code code} selects. */
    MultiplierConfig config(int code);

    /** The code's layout in words, for the manifest. */
    String layout();
}
