package org.maxdnn.cosim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.maxdnn.MaxdnnException;
import org.maxdnn.array.ArrayConfig;

/**
 * RT-level switching activity of an array: bits toggled per PE (row, column) and component (the
 * activation register, the multiplier output, the partial-sum register), as the TOGGLE_COUNT
 * counters of the generated PEs count them; in a gated array also the cycles each clock gate was
 * open (each PE's data gate, each row's weight gate), as the gates' own counters count them.
 */
public final class ToggleCounts {
    /** The counted components, in the order of the generator's ToggleCounter.Components. */
    public static final List<String> COMPONENTS = List.of("act", "product", "psum");
    /** Bits per component. */
    public static final List<Integer> WIDTHS = List.of(ArrayConfig.OPERAND_BITS, ArrayConfig.PRODUCT_BITS,
            ArrayConfig.OUTPUT_BITS);

    private static final Pattern LINE = Pattern.compile(".*\\.pes_(\\d+)_(\\d+)\\.(\\w+)Toggles (\\d+)");
    private static final Pattern DATA_GATE = Pattern.compile(".*dataGate_(\\d+)_(\\d+) (\\d+) open");
    private static final Pattern WEIGHT_GATE = Pattern.compile(".*weightGate_(\\d+) (\\d+) open");

    private final int rows;
    private final int cols;
    private final long[][][] counts;
    private final long[][] dataOpen;
    private final long[] weightOpen;

    public ToggleCounts(int rows, int cols) {
        this.rows = rows;
        this.cols = cols;
        this.counts = new long[rows][cols][COMPONENTS.size()];
        this.dataOpen = new long[rows][cols];
        this.weightOpen = new long[rows];
    }

    /** Cycles the clock gate of PE (r, c)'s activation and partial-sum registers was open. */
    public long dataGateOpen(int r, int c) {
        return dataOpen[r][c];
    }

    /** Cycles the clock gate of row r's weight (and code) registers was open. */
    public long weightGateOpen(int r) {
        return weightOpen[r];
    }

    void addGateOpen(int r, int c, long cycles) {
        dataOpen[r][c] += cycles;
    }

    void addWeightGateOpen(int r, long cycles) {
        weightOpen[r] += cycles;
    }

    public long get(int r, int c, String component) {
        return counts[r][c][index(component)];
    }

    void add(int r, int c, int component, long toggles) {
        counts[r][c][component] += toggles;
    }

    /** The sum over every PE of one component. */
    public long total(String component) {
        int k = index(component);
        long t = 0;
        for (long[][] row : counts) {
            for (long[] pe : row) {
                t += pe[k];
            }
        }
        return t;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** Adds every count of {@code other} (same size). */
    void addAll(ToggleCounts other) {
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                for (int k = 0; k < COMPONENTS.size(); k++) {
                    counts[r][c][k] += other.counts[r][c][k];
                }
                dataOpen[r][c] += other.dataOpen[r][c];
            }
            weightOpen[r] += other.weightOpen[r];
        }
    }

    /**
     * The counters a simulator of {@code array} wrote: {@code "<scope>.pes_R_C.<component>Toggles <count>"}
     * per line, and in a gated array {@code "<scope>.dataGate_R_C <count> open"} and
     * {@code "<scope>.weightGate_R <count> open"}.
     */
    static ToggleCounts read(Path file, ArrayConfig array) {
        int rows = array.rows();
        int cols = array.cols();
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new MaxdnnException(MaxdnnException.BAD_INPUT, "cannot read the toggle counters " + file + ": " + e.getMessage(), e);
        }
        ToggleCounts t = new ToggleCounts(rows, cols);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            Matcher m = LINE.matcher(line);
            Matcher g = DATA_GATE.matcher(line);
            Matcher w = WEIGHT_GATE.matcher(line);
            if (g.matches()) {
                t.addGateOpen(Integer.parseInt(g.group(1)), Integer.parseInt(g.group(2)), Long.parseLong(g.group(3)));
                continue;
            }
            if (w.matches()) {
                t.addWeightGateOpen(Integer.parseInt(w.group(1)), Long.parseLong(w.group(2)));
                continue;
            }
            if (!m.matches()) {
                throw MaxdnnException.badInput(file + ", line " + (i + 1) + ": not a toggle counter: '" + lines.get(i) + "'");
            }
            t.add(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), index(m.group(3)), Long.parseLong(m.group(4)));
        }
        int expected = rows * cols * COMPONENTS.size() + (array.gated() ? rows * cols + rows : 0);
        if (lines.size() != expected) {
            throw MaxdnnException.badInput(file + ": " + lines.size() + " toggle and gate counters, expected " + expected);
        }
        return t;
    }

    private static int index(String component) {
        int k = COMPONENTS.indexOf(component);
        if (k < 0) {
            throw new IllegalArgumentException("no component " + component + " (one of " + COMPONENTS + ")");
        }
        return k;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ToggleCounts t && java.util.Arrays.deepEquals(counts, t.counts)
                && java.util.Arrays.deepEquals(dataOpen, t.dataOpen) && java.util.Arrays.equals(weightOpen, t.weightOpen);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.deepHashCode(counts);
    }
}
