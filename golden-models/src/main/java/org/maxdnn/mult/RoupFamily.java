package org.maxdnn.mult;

import java.util.List;

/**
 * ROUP (SPEC §3.2) with Booth-row perforation P and rounding R, of the multiplicand
 * ({@link Multiplicand}, {@code roup-pPrR}) or of the partial-product columns ({@link Columns},
 * {@code roupc-pPrR}): two families, each registered.
 */
public class RoupFamily implements MultiplierFamily {
    private final boolean columns;

    RoupFamily(boolean columns) {
        this.columns = columns;
    }

    /** {@code roup-pPrR}. */
    public static final class Multiplicand extends RoupFamily {
        public Multiplicand() {
            super(false);
        }
    }

    /** {@code roupc-pPrR}. */
    public static final class Columns extends RoupFamily {
        public Columns() {
            super(true);
        }
    }

    static String id(boolean columns) {
        return columns ? "roupc" : "roup";
    }

    @Override
    public String id() {
        return id(columns);
    }

    @Override
    public String syntax() {
        return id() + "-pPrR (P 0.." + RoupConfig.MAX_P + ", R 0.." + RoupConfig.MAX_R + ")";
    }

    @Override
    public MultiplierConfig parse(String name) {
        return RoupConfig.parse(columns, name);
    }

    @Override
    public List<MultiplierConfig> catalogue() {
        return RoupConfig.all(columns);
    }

    @Override
    public Multiplier create(MultiplierConfig config, MultiplierRegistry registry) {
        RoupConfig c = (RoupConfig) config;
        return columns ? new RoupColumnMultiplier(c.p(), c.r()) : new RoupMultiplier(c.p(), c.r());
    }
}
