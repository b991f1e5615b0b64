package org.maxdnn.mult;

import java.util.List;
import java.util.stream.Stream;
import org.maxdnn.MaxdnnException;

/**
 * The code of the configurable ROUP PE (SPEC §6): 6 bits {rounding (0 roup, 1 roupc), P (2 bits),
 * R (3 bits)}; {@code exact} is code 0. It covers exact and every roup and roupc configuration.
 */
public final class RoupCode implements ConfigurationCode {
    public static final RoupCode INSTANCE = new RoupCode();
    private static final int BITS = 6;

    private RoupCode() {
    }

    @Override
    public String id() {
        return "roup";
    }

    @Override
    public int bits() {
        return BITS;
    }

    @Override
    public List<MultiplierConfig> configurations() {
        return Stream.concat(Stream.of(MultiplierConfig.EXACT),
                Stream.concat(RoupConfig.all(false).stream(), RoupConfig.all(true).stream())).toList();
    }

    @Override
    public boolean covers(MultiplierConfig config) {
        return config.equals(MultiplierConfig.EXACT) || config instanceof RoupConfig;
    }

    /** rounding << 5 | P << 3 | R. */
    @Override
    public int code(MultiplierConfig config) {
        if (config.equals(MultiplierConfig.EXACT)) {
            return 0;
        }
        if (!(config instanceof RoupConfig c)) {
            throw MaxdnnException.badInput("multiplier " + config.name() + " has no configuration code: the configurable "
                    + "array runs exact, roup-pPrR and roupc-pPrR");
        }
        return (c.columns() ? 1 << 5 : 0) | (c.p() << 3) | c.r();
    }

    /** exact for 0, else roup or roupc with its P and R. */
    @Override
    public MultiplierConfig config(int code) {
        if (code < 0 || code >= (1 << BITS)) {
            throw MaxdnnException.badInput("configuration code " + code + " is not " + BITS + " bits");
        }
        return code == 0 ? MultiplierConfig.EXACT : new RoupConfig((code & 32) != 0, (code >> 3) & 3, code & 7);
    }

    @Override
    public String layout() {
        return "bit 5: 0 roup / 1 roupc; bits 4..3: P; bits 2..0: R; exact = 0";
    }
}
