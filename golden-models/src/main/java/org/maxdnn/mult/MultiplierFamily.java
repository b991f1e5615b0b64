package org.maxdnn.mult;

import java.util.List;

/**
 * A kind of multiplier (SPEC §3.1), as Gemmini's {@code Arithmetic} instances are kinds of number:
 * it names and parses its configurations, lists the ones the toolkit builds, and creates their
 * {@link Multiplier}s. Its configurations carry their own parameters ({@link MultiplierConfig}),
 * and code outside this package asks them for capabilities, never which family they are. A family
 * registers with one line in {@code META-INF/services/org.maxdnn.mult.MultiplierFamily}
 * ({@link MultiplierFamilies}).
 */
public interface MultiplierFamily {
    /** The family's name in CSV, JSON and messages, e.g. {@code roup}; unique. */
    String id();

    /** How its names are written, for the unknown-name message, e.g. {@code roup-pPrR (P 0..3, R 0..7)}. */
    String syntax();

    /**
     * The configuration {@code name} stands for, or null when the name is not of this family's form;
     * a name of its form with bad parameters is a {@link org.maxdnn.MaxdnnException#badInput}.
     */
    MultiplierConfig parse(String name);

    /**
     * The configurations the toolkit models and generates hardware for from the name alone, in
     * catalogue order; empty for a family that needs a file (a product table).
     */
    List<MultiplierConfig> catalogue();

    /**
     * This family's configuration on product table {@code table} (a file stem such as
     * {@code mul8u_2AC}), or null when the family is not built on one.
     */
    default MultiplierConfig onTable(String table) {
        return null;
    }

    /** The multiplier of {@code config}, one of this family's; {@code registry} resolves table files and other multipliers. */
    Multiplier create(MultiplierConfig config, MultiplierRegistry registry);
}
