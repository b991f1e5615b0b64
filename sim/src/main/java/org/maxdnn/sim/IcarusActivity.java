package org.maxdnn.sim;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.maxdnn.MaxdnnException;
import org.maxdnn.io.AtomicFiles;
import org.maxdnn.io.ExternalTool;
import org.maxdnn.rtl.RtlTemplate;

/**
 * The activity check of the reported figure ({@code ActivityTestbench.v} of rtl-templates): the same Yosys netlist ({@code netlist.v}) simulated
 * by Icarus Verilog with the liberty's own cell models (qflow's {@code osu018_stdcells.v}: gate
 * primitives, their specify delays unused, so zero delay) on the same input vectors, every cell
 * output and every input-port bit probed once the vector has settled, and its toggles between
 * consecutive vectors counted in the testbench. {@link #compare} then lists the nets whose count
 * differs from {@link GateSimulator}'s, which must be none.
 */
public final class IcarusActivity {
    private static final long TIMEOUT_SECONDS = 600;

    /** A net whose toggles differ: its name, Java's count and Icarus's. */
    public record Mismatch(String net, long java, long icarus) {
    }

    /** The nets probed and their toggle counts by Icarus. */
    public record Result(int[] nets, long[] toggles) {
    }

    private IcarusActivity() {
    }

    /**
     * The Verilog cell models beside a liberty, with its name and {@code .v} (qflow ships
     * {@code osu018_stdcells.v} beside {@code osu018_stdcells.lib}).
     */
    public static Path cellModels(Path liberty) {
        String name = liberty.getFileName().toString().replaceAll("\\.lib(\\.gz)?$", "") + ".v";
        Path v = liberty.resolveSibling(name);
        if (!Files.isRegularFile(v)) {
            throw MaxdnnException.badInput("the activity check needs the Verilog models of the cells of " + liberty
                    + " as " + v + ", which does not exist");
        }
        return v;
    }

    /**
     * Simulates {@code synth}'s netlist in Icarus on {@code inputs} (port name → one value per
     * vector, as {@link GateSimulator#simulate} takes them) with the cell models {@code cells};
     * files go to {@code dir}.
     */
    public static Result simulate(YosysSynth.Result synth, GateSimulator sim, Map<String, int[]> inputs, Path cells,
                                  Path dir) {
        ExternalTool.IVERILOG.locate();
        ExternalTool.VVP.locate();
        Netlist n = sim.netlist();
        Path work = dir.toAbsolutePath();
        List<Integer> nets = new ArrayList<>();
        List<String> probes = new ArrayList<>();
        int vectors = -1;
        StringBuilder tb = new StringBuilder();
        StringBuilder connect = new StringBuilder();
        StringBuilder apply = new StringBuilder();
        for (Netlist.Port p : n.ports()) {
            String sig = "p_" + p.name();
            if (p.isInput()) {
                int[] v = inputs.get(p.name());
                if (v == null) {
                    throw MaxdnnException.badInput("no stimulus for input port " + p.name() + " of " + n.module());
                }
                vectors = v.length;
                tb.append(String.format(Locale.ROOT, "  reg [%d:0] %s;%n  reg [%d:0] m_%s [0:%d];%n", p.width() - 1, sig,
                        p.width() - 1, p.name(), v.length - 1));
                StringBuilder hex = new StringBuilder();
                long mask = p.width() >= 32 ? 0xffffffffL : (1L << p.width()) - 1;
                for (int x : v) {
                    hex.append(Long.toHexString(x & mask)).append('\n');
                }
                AtomicFiles.writeString(work.resolve(p.name() + ".hex"), hex.toString());
                tb.append(String.format(Locale.ROOT, "  initial $readmemh(\"%s\", m_%s);%n",
                        work.resolve(p.name() + ".hex"), p.name()));
                apply.append(String.format(Locale.ROOT, "      %s = m_%s[v];%n", sig, p.name()));
                for (int i = 0; i < p.width(); i++) {
                    nets.add(p.bits()[i]);
                    probes.add(sig + "[" + i + "]");
                }
            } else {
                tb.append(String.format(Locale.ROOT, "  wire [%d:0] %s;%n", p.width() - 1, sig));
            }
            connect.append(connect.length() == 0 ? "" : ", ").append('.').append(p.name()).append('(').append(sig)
                    .append(')');
        }
        for (int c = 0; c < n.cells().size(); c++) {
            Netlist.Cell cell = n.cells().get(c);
            checkName(cell.name());
            for (LibertyPin out : sim.cellType(c).outputs()) {
                nets.add(sim.pinNet(c, out.name()));
                probes.add("dut." + cell.name() + "." + out.name());
            }
        }
        int width = probes.size();
        List<String> msbFirst = new ArrayList<>(probes);
        java.util.Collections.reverse(msbFirst);
        String testbench = RtlTemplate.fill("ActivityTestbench.v", Map.of(
                "DECLARATIONS", tb.toString().stripTrailing(),
                "MODULE", n.module(),
                "CONNECTIONS", connect,
                "WIDTH", width,
                "PROBES", String.join(", ", msbFirst),
                "VECTORS", vectors,
                "APPLY", apply.toString().stripTrailing()));
        Path tbFile = work.resolve("activity_tb.v");
        AtomicFiles.writeString(tbFile, testbench);
        ExternalTool.IVERILOG.run(work, TIMEOUT_SECONDS, "-o", "activity.vvp", "-s", "maxdnn_activity_tb",
                tbFile.toString(), synth.verilog().toAbsolutePath().toString(), cells.toAbsolutePath().toString());
        String out = ExternalTool.VVP.run(work, TIMEOUT_SECONDS, "-n", "activity.vvp").output();
        AtomicFiles.writeString(work.resolve("activity.log"), out);
        long[] toggles = new long[width];
        int seen = 0;
        for (String line : out.split("\n")) {
            if (line.startsWith("TOGGLES ")) {
                String[] f = line.trim().split("\\s+");
                toggles[Integer.parseInt(f[1])] = Long.parseLong(f[2]);
                seen++;
            }
        }
        if (seen != width) {
            throw MaxdnnException.badInput("Icarus printed " + seen + " of " + width + " toggle counts (see " + work
                    + "/activity.log)");
        }
        return new Result(nets.stream().mapToInt(Integer::intValue).toArray(), toggles);
    }

    /** The probed nets whose toggles in {@code java} differ from Icarus's. */
    public static List<Mismatch> compare(Result icarus, Activity java, Netlist n) {
        List<Mismatch> out = new ArrayList<>();
        for (int k = 0; k < icarus.nets().length; k++) {
            int net = icarus.nets()[k];
            if (java.toggles()[net] != icarus.toggles()[k]) {
                out.add(new Mismatch(n.netName(net), java.toggles()[net], icarus.toggles()[k]));
            }
        }
        return out;
    }

    private static void checkName(String name) {
        if (!name.matches("[A-Za-z_][A-Za-z0-9_$]*")) {
            throw MaxdnnException.badInput("instance name " + name + " cannot be referenced hierarchically");
        }
    }
}
