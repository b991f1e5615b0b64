package org.maxdnn.mult;

import java.util.List;

/** A 256×256 product table, e.g. an EvoApprox {@code mul8u_*.bin}, used the TFApprox way ({@code lut:NAME}, SPEC §3.3). */
public final class LutFamily implements MultiplierFamily {
    static final String ID = "lut";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String syntax() {
        return "lut:NAME";
    }

    @Override
    public MultiplierConfig parse(String name) {
        return TableConfig.parse(false, name);
    }

    /** None: its configurations are the tables of a folder. */
    @Override
    public List<MultiplierConfig> catalogue() {
        return List.of();
    }

    @Override
    public MultiplierConfig onTable(String table) {
        return TableConfig.lut(table);
    }

    @Override
    public Multiplier create(MultiplierConfig config, MultiplierRegistry registry) {
        return LutMultiplier.read(registry.tableFile(config));
    }
}
