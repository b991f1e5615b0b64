package org.maxdnn.array;

import java.util.List;
import org.maxdnn.MaxdnnException;
import org.maxdnn.mult.ConfigurationCode;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.mult.RoupCode;

/**
 * The one description of a weight-stationary systolic array (SPEC §6), like Gemmini's
 * {@code GemminiArrayConfig}: every parameter, checked here, with the derived values (module name,
 * latency, load cycles) computed in one place, variants by {@code with…}. The generator elaborates it, the manifest is
 * rendered from it, the cosimulation drives it and the {@link Tiling} counts its cycles.
 *
 * @param rows  PE rows (reduction index k)
 * @param cols  PE columns (output channels)
 * @param label what a fixed array was made for (its layer, in {@code run} and {@code generate}),
 *              part of the module name; null for the configurable array
 * @param pe    the PEs: a fixed grid of configurations, or configurable with which code
 * @param gated the energy-proportional array (SPEC §6.1): clock-gated registers, partial sums as wide
 *              as their row needs; false for the plain array, every register clocked every cycle and
 *              32-bit partial sums
 */
public record ArrayConfig(int rows, int cols, String label, PeKind pe, boolean gated) {
    /** Version of the load/stream protocol described in the manifest. */
    public static final int PROTOCOL_VERSION = 2;
    /** Largest side the generator accepts (the load row index and the harnesses are sized by it). */
    public static final int MAX_SIDE = 256;
    /** Bits of an activation and of a weight (signed int8, SPEC §4). */
    public static final int OPERAND_BITS = 8;
    /** Bits of a product: a signed 8×8 product fits 16 bits. */
    public static final int PRODUCT_BITS = 16;
    /** Bits of the partial sums leaving the array: int32, wrapping. */
    public static final int OUTPUT_BITS = 32;

    public ArrayConfig {
        if (rows < 1 || cols < 1 || rows > MAX_SIDE || cols > MAX_SIDE) {
            throw MaxdnnException.badInput("array size " + rows + "x" + cols + " is out of range 1.." + MAX_SIDE);
        }
        if (label != null && !label.matches("[A-Za-z0-9_]+")) {
            throw MaxdnnException.badInput("array label '" + label + "' must be letters, digits and '_' (it names a Verilog module)");
        }
        if (pe == null) {
            throw new IllegalArgumentException("an array needs a PE kind");
        }
        if (pe instanceof PeKind.Fixed f
                && (f.grid().size() != rows || f.grid().stream().anyMatch(r -> r.size() != cols))) {
            throw MaxdnnException.badInput("fixed array " + label + " needs a " + rows + "x" + cols + " configuration map");
        }
    }

    /** The configurable array of the ROUP PE ({@link RoupCode}): any exact, roup and roupc map at run time. */
    public static ArrayConfig configurable(int rows, int cols) {
        return configurable(rows, cols, RoupCode.INSTANCE);
    }

    /** The configurable array whose PEs select one of {@code code}'s configurations at run time. */
    public static ArrayConfig configurable(int rows, int cols, ConfigurationCode code) {
        return new ArrayConfig(rows, cols, null, new PeKind.Configurable(code), false);
    }

    /** A fixed array with configs.get(row).get(col) baked into each PE. */
    public static ArrayConfig fixed(String label, List<List<MultiplierConfig>> configs) {
        if (configs.isEmpty()) {
            throw MaxdnnException.badInput("fixed array " + label + " has no rows");
        }
        return new ArrayConfig(configs.size(), configs.get(0).size(), label, new PeKind.Fixed(configs), false);
    }

    /** The same array with another size; a fixed array cannot change size (its map would not fit). */
    public ArrayConfig withSize(int newRows, int newCols) {
        if (!isConfigurable() && (newRows != rows || newCols != cols)) {
            throw new IllegalStateException("a fixed array's size is its map's");
        }
        return new ArrayConfig(newRows, newCols, label, pe, gated);
    }

    /** The same array, energy-proportional (gated) or plain. */
    public ArrayConfig withGating(boolean on) {
        return new ArrayConfig(rows, cols, label, pe, on);
    }

    public boolean isConfigurable() {
        return pe instanceof PeKind.Configurable;
    }

    /** The code a configurable array's PEs load with each weight. */
    public ConfigurationCode code() {
        if (!(pe instanceof PeKind.Configurable k)) {
            throw new IllegalStateException("a fixed array's PEs load no configuration codes");
        }
        return k.code();
    }

    /** A fixed array's grid of configurations, fixedConfigs().get(row).get(col). */
    public List<List<MultiplierConfig>> fixedConfigs() {
        if (!(pe instanceof PeKind.Fixed f)) {
            throw new IllegalStateException("the configurable array has no baked-in configurations");
        }
        return f.grid();
    }

    /** The configuration baked into PE (r, c) of a fixed array. */
    public MultiplierConfig config(int r, int c) {
        return fixedConfigs().get(r).get(c);
    }

    /**
     * The Verilog module name: {@code SystolicArray_16x16}, {@code SystolicArray_conv1_16x16}, and
     * {@code SystolicArray_16x16_gated} for the energy-proportional array.
     */
    public String moduleName() {
        return "SystolicArray_" + (label != null ? label + "_" : "") + rows + "x" + cols + (gated ? "_gated" : "");
    }

    /** Cycles from an input vector to its deskewed output vector: the skew and the boundary registers (SPEC §6). */
    public int latency() {
        return rows + cols;
    }

    /** Cycles of a weight load: one row per cycle. */
    public int loadCycles() {
        return rows;
    }

    /** Bits of the configuration code each PE loads with its weight: 0 in a fixed array. */
    public int codeBits() {
        return isConfigurable() ? code().bits() : 0;
    }

    /**
     * Bits of the partial-sum register of a PE in row {@code row}: int32 in the plain array; in the
     * gated one what a sum of row + 1 products needs, 16 + ⌈log2(row + 1)⌉ (SPEC §6.1).
     */
    public int psumBits(int row) {
        return gated ? PRODUCT_BITS + (32 - Integer.numberOfLeadingZeros(row)) : OUTPUT_BITS;
    }

    /** Flip-flops of the PEs of row {@code row}, each: its activation, partial-sum, weight and code registers. */
    public int flopsPerPe(int row) {
        return OPERAND_BITS + psumBits(row) + OPERAND_BITS + codeBits();
    }

    /** Flip-flops of all the PEs. */
    public long peFlops() {
        long n = 0;
        for (int r = 0; r < rows; r++) {
            n += (long) cols * flopsPerPe(r);
        }
        return n;
    }

    /** Bits of the load row index. */
    public int rowIndexBits() {
        return Math.max(1, 32 - Integer.numberOfLeadingZeros(rows - 1));
    }
}
