package org.maxdnn.mult;

import java.util.List;

/** A product table with ALWANN's weight tuning ({@code alwann:NAME}, SPEC §9). */
public final class AlwannFamily implements MultiplierFamily {
    static final String ID = "alwann";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String syntax() {
        return "alwann:NAME";
    }

    @Override
    public MultiplierConfig parse(String name) {
        return TableConfig.parse(true, name);
    }

    /** None: its configurations are the tables of a folder. */
    @Override
    public List<MultiplierConfig> catalogue() {
        return List.of();
    }

    @Override
    public MultiplierConfig onTable(String table) {
        return TableConfig.alwann(table);
    }

    @Override
    public Multiplier create(MultiplierConfig config, MultiplierRegistry registry) {
        return new WeightTunedMultiplier((LutMultiplier) registry.get(TableConfig.lut(config.table())));
    }
}
