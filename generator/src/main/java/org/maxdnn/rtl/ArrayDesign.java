package org.maxdnn.rtl;

import java.util.ArrayList;
import java.util.List;
import org.maxdnn.MaxdnnException;
import org.maxdnn.mult.MultiplierConfig;

/**
 * What to generate for a weight-stationary systolic array (SPEC §6).
 *
 * @param name    Verilog module name of the array
 * @param rows    PE rows (reduction index k)
 * @param cols    PE columns (output channels)
 * @param configs fixed mode: configs.get(row).get(col) baked into each PE; null for configurable
 *                mode, where each PE loads a 6-bit code ({@link #configCode}) with its weight
 */
public record ArrayDesign(String name, int rows, int cols, List<List<MultiplierConfig>> configs) {
    /** Version of the load/stream protocol described in the manifest. */
    public static final int PROTOCOL_VERSION = 2;

    public ArrayDesign {
        if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw MaxdnnException.badInput("array name '" + name + "' is not a Verilog identifier");
        }
        if (rows < 1 || cols < 1 || rows > 256 || cols > 256) {
            throw MaxdnnException.badInput("array size " + rows + "x" + cols + " is out of range 1..256");
        }
        if (configs != null) {
            if (configs.size() != rows || configs.stream().anyMatch(r -> r.size() != cols)) {
                throw MaxdnnException.badInput("fixed array " + name + " needs a " + rows + "x" + cols
                        + " configuration map");
            }
            for (List<MultiplierConfig> row : configs) {
                for (MultiplierConfig c : row) {
                    if (!RtlGenerator.isSupported(c)) {
                        throw MaxdnnException.badInput("multiplier " + c.name()
                                + " cannot be generated: only exact, roup-pPrR and roupc-pPrR");
                    }
                }
            }
            List<List<MultiplierConfig>> copy = new ArrayList<>();
            for (List<MultiplierConfig> row : configs) {
                copy.add(List.copyOf(row));
            }
            configs = List.copyOf(copy);
        }
    }

    public static ArrayDesign fixed(String name, List<List<MultiplierConfig>> configs) {
        return new ArrayDesign(name, configs.size(), configs.isEmpty() ? 0 : configs.get(0).size(), configs);
    }

    /** Every PE with the same configuration. */
    public static ArrayDesign uniform(String name, int rows, int cols, MultiplierConfig config) {
        List<List<MultiplierConfig>> m = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            m.add(java.util.Collections.nCopies(cols, config));
        }
        return new ArrayDesign(name, rows, cols, m);
    }

    public static ArrayDesign configurable(String name, int rows, int cols) {
        return new ArrayDesign(name, rows, cols, null);
    }

    public boolean isConfigurable() {
        return configs == null;
    }

    /** Cycles from an input vector to its deskewed output vector. */
    public int latency() {
        return rows + cols;
    }

    /** The configurable PE's code: roupc << 5 | P << 3 | R (exact = 0). */
    public static int configCode(MultiplierConfig config) {
        if (!RtlGenerator.isSupported(config)) {
            throw MaxdnnException.badInput("multiplier " + config.name() + " has no configuration code");
        }
        return SystolicArrays.configCode(config);
    }

    /** The configuration a code loads: exact for 0, else roup/roupc with its P and R. */
    public static MultiplierConfig configOfCode(int code) {
        if (code < 0 || code >= 64) {
            throw MaxdnnException.badInput("configuration code " + code + " is not 6 bits");
        }
        int p = (code >> 3) & 3;
        int r = code & 7;
        return code == 0 ? MultiplierConfig.EXACT : (code & 32) != 0 ? MultiplierConfig.roupc(p, r) : MultiplierConfig.roup(p, r);
    }
}
