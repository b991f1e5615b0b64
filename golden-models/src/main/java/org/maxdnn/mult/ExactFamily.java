package org.maxdnn.mult;

import java.util.List;

/** The exact product a·b ({@code exact}). */
public final class ExactFamily implements MultiplierFamily {
    /** The one exact configuration, {@link MultiplierConfig#EXACT} (defined there: interface and record initialise each other). */
    record Config() implements MultiplierConfig {
        @Override
        public MultiplierFamily family() {
            return MultiplierFamilies.byId("exact");
        }

        @Override
        public String name() {
            return "exact";
        }

        @Override
        public boolean isExactByDefinition() {
            return true;
        }

        @Override
        public String toString() {
            return name();
        }
    }

    @Override
    public String id() {
        return "exact";
    }

    @Override
    public String syntax() {
        return "exact";
    }

    @Override
    public MultiplierConfig parse(String name) {
        return name.equals("exact") ? MultiplierConfig.EXACT : null;
    }

    @Override
    public List<MultiplierConfig> catalogue() {
        return List.of(MultiplierConfig.EXACT);
    }

    @Override
    public Multiplier create(MultiplierConfig config, MultiplierRegistry registry) {
        return ExactMultiplier.INSTANCE;
    }
}
