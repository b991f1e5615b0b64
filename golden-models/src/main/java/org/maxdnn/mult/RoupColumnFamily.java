package org.maxdnn.mult;

import java.util.List;

/** ROUP with Booth-row perforation P and partial-product column rounding R ({@code roupc-pPrR}, SPEC §3.2). */
public final class RoupColumnFamily implements MultiplierFamily {
    static final String ID = "roupc";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String syntax() {
        return RoupConfig.syntax(true);
    }

    @Override
    public MultiplierConfig parse(String name) {
        return RoupConfig.parse(true, name);
    }

    @Override
    public List<MultiplierConfig> catalogue() {
        return RoupConfig.all(true);
    }

    @Override
    public Multiplier create(MultiplierConfig config, MultiplierRegistry registry) {
        RoupConfig c = (RoupConfig) config;
        return new RoupColumnMultiplier(c.p(), c.r());
    }
}
