package org.maxdnn.sim;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.List;
import java.util.Random;
import org.maxdnn.energy.ActionEnergyTable;
import org.maxdnn.energy.AcceleratorEnergy;
import org.maxdnn.energy.Action;
import org.maxdnn.io.AtomicFiles;

/**
 * Measures the energy per access of a flip-flop memory (the accelerator's 1R1W memories as Yosys maps
 * them, SPEC §13): a depth × width memory synthesised to the liberty and simulated at gate level on
 * random addresses and data — idle cycles (every flop clocked, nothing accessed), then a write every
 * cycle, then a read every cycle. Entries {@link AcceleratorEnergy#memoryAction} {@code cycle},
 * {@code write} and {@code read}, the last two beyond the idle cycle's energy. Larger memories (a macro, or flops
 * beyond {@link #MAX_BITS}) take a user's table entry instead.
 */
public final class MemoryEnergyCharacterization {
    /** Flip-flop memories up to this many bits are measured; a larger one's gate-level simulation is too slow here. */
    public static final int MAX_BITS = 16384;
    private static final int ACCESSES = 256;

    private MemoryEnergyCharacterization() {
    }

    static String verilog(String top, int depth, int width) {
        int a = Math.max(1, 32 - Integer.numberOfLeadingZeros(depth - 1));
        return "module " + top + "(input clock, input we, input [" + (a - 1) + ":0] waddr, input [" + (width - 1)
                + ":0] wdata, input re, input [" + (a - 1) + ":0] raddr, output reg [" + (width - 1) + ":0] rdata);\n"
                + "  reg [" + (width - 1) + ":0] mem [0:" + (depth - 1) + "];\n"
                + "  always @(posedge clock) begin\n    if (we) mem[waddr] <= wdata;\n    if (re) rdata <= mem[raddr];\n"
                + "  end\nendmodule\n";
    }

    /** The three entries of a {@code depth} × {@code width} flip-flop memory, designs under {@code workDir}. */
    public static Map<Action, ActionEnergyTable.Entry> measure(int depth, int width, Path liberty, Path workDir) {
        if ((long) depth * width > MAX_BITS) {
            throw new IllegalArgumentException(depth + "x" + width + " is beyond the " + MAX_BITS + " bits measured");
        }
        String top = "FlopMemory_" + depth + "x" + width;
        Path dir = workDir.resolve(top);
        Path file = dir.resolve(top + ".v");
        AtomicFiles.writeString(file, verilog(top, depth, width));
        GateLevelEnergy g = GateLevelEnergy.synthesize(file, top, liberty, dir, EnergyModel.Options.DEFAULT);
        Random rnd = new Random(1);
        int n = ACCESSES;
        long mask = width >= 32 ? 0xFFFFFFFFL : (1L << width) - 1;
        // three runs from reset: n idle cycles; n writes; the same n writes, then n reads
        Map<String, int[]> idleRun = stimulus(n);
        Map<String, int[]> writeRun = stimulus(n);
        Map<String, int[]> readRun = stimulus(2 * n);
        for (int i = 0; i < n; i++) {
            int a = rnd.nextInt(depth);
            int d = (int) (rnd.nextLong() & mask);
            for (Map<String, int[]> m : List.of(writeRun, readRun)) {
                m.get("we")[i] = 1;
                m.get("waddr")[i] = a;
                m.get("wdata")[i] = d;
            }
        }
        for (int i = n; i < 2 * n; i++) {
            readRun.get("re")[i] = 1;
            readRun.get("raddr")[i] = rnd.nextInt(depth);
        }
        double idleJ = joules(g, idleRun);
        double writeJ = joules(g, writeRun);
        double idle = idleJ / (n - 1);
        double write = (writeJ - idleJ) / (n - 1);
        double read = (joules(g, readRun) - writeJ - idleJ - idle) / n;
        String how = String.format(Locale.ROOT, "gate-level simulation of a %dx%d flip-flop memory on %s, %d random "
                + "accesses each", depth, width, liberty.getFileName(), n);
        Map<Action, ActionEnergyTable.Entry> e = new LinkedHashMap<>();
        e.put(AcceleratorEnergy.memoryAction("cycle", depth, width), new ActionEnergyTable.Entry(idle * 1e12,
                "every flop clocked, no access; " + how));
        e.put(AcceleratorEnergy.memoryAction("write", depth, width), new ActionEnergyTable.Entry(Math.max(0, write) * 1e12,
                "beyond the idle cycle; " + how));
        e.put(AcceleratorEnergy.memoryAction("read", depth, width), new ActionEnergyTable.Entry(Math.max(0, read) * 1e12,
                "beyond the idle cycle; " + how));
        return e;
    }

    /** {@code cycles} cycles of no access, for the caller to fill. */
    private static Map<String, int[]> stimulus(int cycles) {
        Map<String, int[]> m = new LinkedHashMap<>();
        for (String port : new String[] {"clock", "we", "waddr", "wdata", "re", "raddr"}) {
            m.put(port, new int[cycles]);
        }
        return m;
    }

    /** The cells' energy over the whole stimulus, joules (OpenSTA's scope, as the PE's actions are measured). */
    private static double joules(GateLevelEnergy g, Map<String, int[]> in) {
        Activity a = g.simulator().simulate(in, false);
        return g.model().evaluate(a).cellsOnly() * a.transitions();
    }
}
