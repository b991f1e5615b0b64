package org.maxdnn.mult;

import org.maxdnn.MaxdnnException;

/**
 * A multiplier read from a 256×256 product table (SPEC §3.3), used as it is ({@code lut:NAME}) or
 * with ALWANN's weight tuning ({@code alwann:NAME}, SPEC §9).
 *
 * @param tuned true for ALWANN's tuned weight codes
 * @param table the table's file stem, e.g. {@code mul8u_1JFF}
 */
public record TableConfig(boolean tuned, String table) implements MultiplierConfig {
    public TableConfig {
        if (table == null || table.isEmpty() || table.contains("/") || table.contains("\\")) {
            throw MaxdnnException.badInput("bad table name '" + table + "': expected a file stem such as mul8u_1JFF");
        }
    }

    public static TableConfig lut(String table) {
        return new TableConfig(false, table);
    }

    public static TableConfig alwann(String table) {
        return new TableConfig(true, table);
    }

    private static String prefix(boolean tuned) {
        return tuned ? "alwann:" : "lut:";
    }

    /** {@code lut:NAME} ({@code alwann:NAME} when {@code tuned}), or null for another name. */
    static TableConfig parse(boolean tuned, String name) {
        if (!name.startsWith(prefix(tuned))) {
            return null;
        }
        String table = name.substring(prefix(tuned).length());
        if (table.isEmpty() || table.contains("/") || table.contains("\\")) {
            throw MaxdnnException.badInput("bad table multiplier name '" + name
                    + "': expected lut:NAME or alwann:NAME with NAME a file stem such as mul8u_1JFF");
        }
        return new TableConfig(tuned, table);
    }

    @Override
    public MultiplierFamily family() {
        return MultiplierFamilies.byId(TableFamily.id(tuned));
    }

    @Override
    public String name() {
        return prefix(tuned) + table;
    }

    @Override
    public boolean tunesWeights() {
        return tuned;
    }

    @Override
    public String toString() {
        return name();
    }
}
