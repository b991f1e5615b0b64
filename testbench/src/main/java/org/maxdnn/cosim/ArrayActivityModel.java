package org.maxdnn.cosim;

import org.maxdnn.array.ArrayConfig;
import org.maxdnn.mult.ConfigurationCode;
import org.maxdnn.mult.Multiplier;
import org.maxdnn.mult.MultiplierRegistry;

/**
 * The golden model's own count of the array's architectural toggles: a cycle-level Java model of
 * the array's registers (boundary input registers, input skew, activation, partial sum, weight and,
 * in the configurable array, code) driven exactly as the harness drives the RTL (a load is
 * {@link ArrayConfig#loadCycles} cycles; a stream of n vectors runs n + {@link ArrayConfig#latency}
 * cycles with the last inputs held), counting what the TOGGLE_COUNT counters count, and the cycles.
 * In a gated array its data registers take a value only in the cycles their clock gate is open (the
 * valid bit on their diagonal, their column enabled), and it counts those cycles per gate.
 */
public final class ArrayActivityModel {
    private final ArrayConfig config;
    /** The configurable array's code, which the PEs decode at load; null for a fixed array. */
    private final ConfigurationCode code;
    private final int rows;
    private final int cols;
    private final MultiplierRegistry registry;
    private final int[][] skew;
    private final int[] inAct;
    /** The boundary registers: the activations and the load of the previous cycle. */
    private final int[] actReg;
    private int loadRowReg = -1;
    private byte[] weightsReg;
    private byte[] codesReg;
    private final int[][] act;
    private final int[][] psum;
    private final int[][] weight;
    private final int[][][] table;
    private final int[][][] last;
    private final ToggleCounts counts;
    private long cycles;
    /** The gated array's valid chain: valid[d], the data on diagonal r + c = d is valid. */
    private final boolean[] valid;
    private boolean inValid;
    /** Columns enabled: the input of the last load, and the boundary register. */
    private int columnsIn;
    private int columnsReg;

    public ArrayActivityModel(ArrayConfig config, MultiplierRegistry registry) {
        this.config = config;
        this.code = config.isConfigurable() ? config.code() : null;
        this.rows = config.rows();
        this.cols = config.cols();
        this.registry = registry;
        skew = new int[rows][];
        for (int r = 0; r < rows; r++) {
            skew[r] = new int[r];
        }
        inAct = new int[rows];
        actReg = new int[rows];
        act = new int[rows][cols];
        psum = new int[rows][cols];
        weight = new int[rows][cols];
        table = new int[rows][cols][];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                // after reset: weight 0 under code 0, or the fixed PE's own multiplier
                table[r][c] = registry.get(code != null ? code.config(0) : config.config(r, c)).table();
            }
        }
        last = new int[rows][cols][ToggleCounts.COMPONENTS.size()];
        counts = new ToggleCounts(rows, cols);
        valid = new boolean[config.latency()];
    }

    /** A weight load, as {@link ArraySimulator#load}. */
    public void load(byte[] weights, byte[] codes, int columns) {
        columnsIn = columns;
        for (int r = 0; r < config.loadCycles(); r++) {
            edge(r, weights, codes);
        }
    }

    /** A stream of n vectors, as {@link ArraySimulator#stream}. */
    public void stream(byte[] acts, int n) {
        for (int i = 0; i < n + config.latency(); i++) {
            inValid = i < n;
            if (i < n) {
                for (int r = 0; r < rows; r++) {
                    inAct[r] = acts[i * rows + r];
                }
            }
            edge(-1, null, null);
        }
        inValid = false;
    }

    public ToggleCounts counts() {
        return counts;
    }

    /** Clock cycles run, as {@link ArraySimulator#cycles}. */
    public long cycles() {
        return cycles;
    }

    private int actIn(int r, int c) {
        return c > 0 ? act[r][c - 1] : r == 0 ? actReg[0] : skew[r][r - 1];
    }

    /** True when PE (r, c)'s data registers are clocked at this edge. */
    private boolean open(int r, int c) {
        return !config.gated() || valid[r + c] && c < columnsReg;
    }

    /** One rising edge: the counters sample, then every register takes its next value. */
    private void edge(int loadRow, byte[] weights, byte[] codes) {
        cycles++;
        if (config.gated()) {
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    if (open(r, c)) {
                        counts.addGateOpen(r, c, 1);
                    }
                }
            }
            if (loadRowReg >= 0) {
                counts.addWeightGateOpen(loadRowReg, 1);
            }
        }
        int[][] product = new int[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                product[r][c] = table[r][c][Multiplier.index(actIn(r, c), weight[r][c])];
                sample(r, c, 0, act[r][c] & mask(ArrayConfig.OPERAND_BITS));
                sample(r, c, 1, product[r][c] & mask(ArrayConfig.PRODUCT_BITS));
                sample(r, c, 2, psum[r][c] & mask(config.psumBits(r)));
            }
        }
        // bottom-up and right-to-left, so each register reads its neighbour's old value
        for (int r = rows - 1; r >= 0; r--) {
            for (int c = cols - 1; c >= 0; c--) {
                if (open(r, c)) {
                    psum[r][c] = (r == 0 ? 0 : psum[r - 1][c]) + product[r][c];
                    act[r][c] = actIn(r, c);
                }
            }
        }
        for (int r = 1; r < rows; r++) {
            System.arraycopy(skew[r], 0, skew[r], 1, r - 1);
            skew[r][0] = actReg[r];
        }
        System.arraycopy(inAct, 0, actReg, 0, rows);
        System.arraycopy(valid, 0, valid, 1, valid.length - 1);
        valid[0] = inValid;
        columnsReg = columnsIn;
        if (loadRowReg >= 0) {
            for (int c = 0; c < cols; c++) {
                weight[loadRowReg][c] = weightsReg[loadRowReg * cols + c];
                if (code != null) {
                    table[loadRowReg][c] = registry.get(code.config(codesReg[loadRowReg * cols + c])).table();
                }
            }
        }
        loadRowReg = loadRow;
        weightsReg = weights;
        codesReg = codes;
    }

    private static int mask(int bits) {
        return bits >= 32 ? -1 : (1 << bits) - 1;
    }

    private void sample(int r, int c, int component, int value) {
        counts.add(r, c, component, Integer.bitCount(value ^ last[r][c][component]));
        last[r][c][component] = value;
    }
}
