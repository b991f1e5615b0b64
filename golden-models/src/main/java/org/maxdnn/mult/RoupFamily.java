package org.maxdnn.mult;

import java.util.List;

/** ROUP with Booth-row perforation P and multiplicand rounding R ({@code roup-pPrR}, SPEC §3.2). */
public final class RoupFamily implements MultiplierFamily {
    static final String ID = "roup";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String syntax() {
        return RoupConfig.syntax(false);
    }

    @Override
    public MultiplierConfig parse(String name) {
        return RoupConfig.parse(false, name);
    }

    @Override
    public List<MultiplierConfig> catalogue() {
        return RoupConfig.all(false);
    }

    @Override
    public Multiplier create(MultiplierConfig config, MultiplierRegistry registry) {
        RoupConfig c = (RoupConfig) config;
        return new RoupMultiplier(c.p(), c.r());
    }
}
