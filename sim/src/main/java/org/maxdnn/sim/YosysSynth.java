package org.maxdnn.sim;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.maxdnn.MaxdnnException;
import org.maxdnn.io.AtomicFiles;
import org.maxdnn.io.ExternalTool;

/**
 * Synthesises Verilog to the cells of a liberty library with Yosys and reads back the netlist:
 *
 * <pre>
 * read_verilog -sv SRC...
 * synth -flatten -top TOP
 * dfflibmap -liberty LIB
 * abc -liberty LIB
 * opt_clean
 * rename -enumerate        (short names shared by netlist.json and netlist.v)
 * write_json netlist.json
 * write_verilog -noattr -simple-lhs netlist.v
 * stat -liberty LIB
 * </pre>
 *
 * {@code -flatten} makes one module whatever the source hierarchy. A gzip liberty is unpacked into
 * the output folder first (Yosys reads plain text only). The input is any Verilog file and top
 * module name, so the multiplier generator's output plugs in directly.
 */
public final class YosysSynth {
    public static final long DEFAULT_TIMEOUT_SECONDS = 900;
    private static final Pattern AREA = Pattern.compile("Chip area for (?:top )?module '\\\\?[^']*':\\s*([0-9.eE+-]+)");

    /**
     * What a synthesis produced.
     *
     * @param top the top module
     * @param liberty the liberty given (possibly gzip)
     * @param plainLiberty the uncompressed liberty Yosys read (for OpenSTA too)
     * @param dir the output folder
     * @param json the Yosys JSON netlist
     * @param verilog the gate-level Verilog netlist
     * @param netlist the parsed JSON netlist
     * @param area the cell area reported by {@code stat -liberty} (liberty area units), NaN if absent
     * @param log Yosys's output
     */
    public record Result(String top, Path liberty, Path plainLiberty, Path dir, Path json, Path verilog, Netlist netlist,
                         double area, String log) {
        public Map<String, Integer> cellCounts() {
            return netlist.cellCounts();
        }
    }

    private YosysSynth() {
    }

    public static Result synthesize(Path verilog, String top, Path liberty, Path outDir) {
        return synthesize(List.of(verilog), top, liberty, outDir, DEFAULT_TIMEOUT_SECONDS);
    }

    public static Result synthesize(List<Path> sources, String top, Path liberty, Path outDir, long timeoutSeconds) {
        ExternalTool.YOSYS.locate();
        if (!top.matches("[A-Za-z_][A-Za-z0-9_$]*")) {
            throw MaxdnnException.badInput("bad top module name '" + top + "'");
        }
        for (Path s : sources) {
            if (!Files.isRegularFile(s)) {
                throw MaxdnnException.badInput("Verilog source " + s + " does not exist");
            }
        }
        Path dir = outDir.toAbsolutePath();
        Path lib = LibertyFiles.plain(liberty, dir);
        String script = script(sources, top, lib);
        Path ys = dir.resolve("synth.ys");
        AtomicFiles.writeString(ys, script);
        ExternalTool.Result r = ExternalTool.YOSYS.run(dir, timeoutSeconds, "-q", "-l", "yosys.log", "-s", "synth.ys");
        String log;
        try {
            log = Files.readString(dir.resolve("yosys.log"));
        } catch (java.io.IOException e) {
            log = r.output();
        }
        Path json = dir.resolve("netlist.json");
        Netlist n = Netlist.read(json, top);
        double area = Double.NaN;
        Matcher m = AREA.matcher(log);
        while (m.find()) {
            area = Double.parseDouble(m.group(1));
        }
        return new Result(top, liberty, lib, dir, json, dir.resolve("netlist.v"), n, area, log);
    }

    /** The Yosys script (absolute, quoted paths). */
    public static String script(List<Path> sources, String top, Path plainLiberty) {
        String lib = quote(plainLiberty);
        StringBuilder b = new StringBuilder();
        for (Path s : sources) {
            b.append("read_verilog -sv ").append(quote(s)).append('\n');
        }
        b.append("synth -flatten -top ").append(top).append('\n');
        b.append("dfflibmap -liberty ").append(lib).append('\n');
        b.append("abc -liberty ").append(lib).append('\n');
        b.append("opt_clean\n");
        b.append("rename -enumerate\n");
        b.append("write_json netlist.json\n");
        b.append("write_verilog -noattr -simple-lhs netlist.v\n"); // OpenSTA reads no concatenated assigns
        b.append("stat -liberty ").append(lib).append('\n');
        return b.toString();
    }

    private static String quote(Path p) {
        String s = p.toAbsolutePath().toString();
        if (s.contains("\"") || s.contains("\n")) {
            throw MaxdnnException.badInput("unusable path for Yosys: " + s);
        }
        return "\"" + s + "\"";
    }
}
