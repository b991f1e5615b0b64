package org.maxdnn.mult;

import java.util.List;

/**
 * A 256×256 product table such as an EvoApprox {@code mul8u_*.bin}, used the TFApprox way
 * ({@link Lut}, {@code lut:NAME}, SPEC §3.3) or with ALWANN's weight tuning ({@link Alwann},
 * {@code alwann:NAME}, SPEC §9): two families, each registered. Their configurations are the tables
 * of a folder, so neither has a catalogue of its own.
 */
public class TableFamily implements MultiplierFamily {
    private final boolean tuned;

    TableFamily(boolean tuned) {
        this.tuned = tuned;
    }

    /** {@code lut:NAME}. */
    public static final class Lut extends TableFamily {
        public Lut() {
            super(false);
        }
    }

    /** {@code alwann:NAME}. */
    public static final class Alwann extends TableFamily {
        public Alwann() {
            super(true);
        }
    }

    static String id(boolean tuned) {
        return tuned ? "alwann" : "lut";
    }

    @Override
    public String id() {
        return id(tuned);
    }

    @Override
    public String syntax() {
        return id() + ":NAME";
    }

    @Override
    public MultiplierConfig parse(String name) {
        return TableConfig.parse(tuned, name);
    }

    @Override
    public List<MultiplierConfig> catalogue() {
        return List.of();
    }

    @Override
    public MultiplierConfig onTable(String table) {
        return new TableConfig(tuned, table);
    }

    @Override
    public Multiplier create(MultiplierConfig config, MultiplierRegistry registry) {
        if (!tuned) {
            return LutMultiplier.read(registry.tableFile(config));
        }
        return new WeightTunedMultiplier((LutMultiplier) registry.get(TableConfig.lut(config.table())));
    }
}
