package org.maxdnn.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.maxdnn.MaxdnnException;
import org.maxdnn.io.AtomicFiles;
import org.maxdnn.io.ExternalTool;
import org.maxdnn.io.Futures;

/**
 * The toolkit's one Yosys driver. {@link #synthesize} maps a design to the cells of a liberty
 * library and reads back the netlist the energy flow simulates:
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
 * {@link #cellCounts} counts the cells of modules, as generic Yosys gates or mapped the same way to
 * a liberty. {@code -flatten} makes one module whatever the source
 * hierarchy, so a count is the design's gates, not its submodule instances. A gzip liberty is
 * unpacked into the output folder first (Yosys reads plain text only).
 */
public final class YosysSynth {
    public static final long DEFAULT_TIMEOUT_SECONDS = 900;
    private static final Pattern AREA = Pattern.compile("Chip area for (?:top )?module '\\\\?([^']*)':\\s*([0-9.eE+-]+)");
    private static final Pattern HEADER = Pattern.compile("^=== (\\S+) ===\\s*$");
    private static final Pattern CELLS = Pattern.compile("^\\s*Number of cells:\\s+(\\d+)\\s*$");

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

    /** One module's size after synthesis: cells, and their area in liberty units (NaN for generic gates). */
    public record ModuleSize(int cells, double area) {
    }

    private YosysSynth() {
    }

    public static Result synthesize(Path verilog, String top, Path liberty, Path outDir) {
        return synthesize(List.of(verilog), top, liberty, outDir, DEFAULT_TIMEOUT_SECONDS);
    }

    public static Result synthesize(List<Path> sources, String top, Path liberty, Path outDir, long timeoutSeconds) {
        ExternalTool.YOSYS.locate();
        checkModuleName(top);
        for (Path s : sources) {
            checkSource(s);
        }
        Path dir = outDir.toAbsolutePath();
        Path lib = LibertyFiles.plain(liberty, dir);
        String log = run(dir, "synth.ys", script(sources, top, lib, LatchMap.write(lib, dir)), timeoutSeconds);
        Netlist n = Netlist.read(dir.resolve("netlist.json"), top);
        double area = Double.NaN;
        Matcher m = AREA.matcher(log);
        while (m.find()) {
            area = Double.parseDouble(m.group(2));
        }
        return new Result(top, liberty, lib, dir, dir.resolve("netlist.json"), dir.resolve("netlist.v"), n, area, log);
    }

    /**
     * Synthesises each of {@code modules} of {@code verilog} on its own and returns module name → its
     * size: generic Yosys gates when {@code liberty} is null, else the liberty's cells as
     * {@link #synthesize} maps them. One Yosys process per module (in parallel, one per core): in one
     * process a module's result would depend on the modules synthesised before it, as Yosys's
     * internal names, and with them ABC's choices, keep counting across {@code design -reset}.
     * Scripts and logs go to {@code outDir/MODULE}.
     */
    public static Map<String, ModuleSize> cellCounts(Path verilog, List<String> modules, Path liberty, Path outDir,
                                                     long timeoutSeconds) {
        ExternalTool.YOSYS.locate();
        checkSource(verilog);
        modules.forEach(YosysSynth::checkModuleName);
        Path dir = outDir.toAbsolutePath();
        Path lib = liberty == null ? null : LibertyFiles.plain(liberty, dir);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(modules.size(),
                Runtime.getRuntime().availableProcessors())));
        try {
            Map<String, Future<ModuleSize>> jobs = new LinkedHashMap<>();
            for (String m : modules) {
                jobs.put(m, pool.submit(() -> cellCount(verilog, m, lib, dir.resolve(m), timeoutSeconds)));
            }
            Map<String, ModuleSize> sizes = new LinkedHashMap<>();
            jobs.forEach((m, job) -> sizes.put(m, Futures.await(job)));
            return sizes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static ModuleSize cellCount(Path verilog, String module, Path plainLiberty, Path dir, long timeoutSeconds) {
        StringBuilder b = new StringBuilder();
        b.append("read_verilog -sv ").append(quote(verilog)).append('\n');
        b.append("synth -flatten -top ").append(module).append('\n');
        if (plainLiberty != null) {
            mapToLiberty(b, plainLiberty, LatchMap.write(plainLiberty, dir));
        }
        // tee takes its file name as is, quotes included: a bare name in the working folder
        b.append("tee -o stat.txt").append(plainLiberty == null ? " stat" : " stat -liberty " + quote(plainLiberty))
                .append('\n');
        run(dir, "cells.ys", b.toString(), timeoutSeconds);
        Path stat = dir.resolve("stat.txt");
        try {
            return parseStat(Files.readString(stat), module);
        } catch (IOException e) {
            throw MaxdnnException.badInput("cannot read yosys statistics " + stat + ": " + e.getMessage(), e);
        }
    }

    /** The size of {@code module} in Yosys's {@code stat} output. */
    static ModuleSize parseStat(String stat, String module) {
        Integer cells = null;
        String current = null;
        for (String line : stat.split("\n")) {
            Matcher h = HEADER.matcher(line);
            if (h.matches()) {
                current = h.group(1);
                continue;
            }
            Matcher c = CELLS.matcher(line);
            if (c.matches() && module.equals(current) && cells == null) {
                cells = Integer.parseInt(c.group(1));
            }
        }
        if (cells == null) {
            throw MaxdnnException.badInput("yosys printed no cell count for " + module + ":\n" + ExternalTool.tail(stat, 20));
        }
        double area = Double.NaN;
        Matcher a = AREA.matcher(stat);
        while (a.find()) {
            if (a.group(1).equals(module)) {
                area = Double.parseDouble(a.group(2));
            }
        }
        return new ModuleSize(cells, area);
    }

    /** The Yosys script of {@link #synthesize} (absolute, quoted paths). */
    public static String script(List<Path> sources, String top, Path plainLiberty) {
        return script(sources, top, plainLiberty, null);
    }

    /** As {@link #script(List, String, Path)}, generic latches mapped by {@code latchMap} (null: none). */
    static String script(List<Path> sources, String top, Path plainLiberty, Path latchMap) {
        StringBuilder b = new StringBuilder();
        for (Path s : sources) {
            b.append("read_verilog -sv ").append(quote(s)).append('\n');
        }
        b.append("synth -flatten -top ").append(top).append('\n');
        mapToLiberty(b, plainLiberty, latchMap);
        b.append("rename -enumerate\n");
        b.append("write_json netlist.json\n");
        b.append("write_verilog -noattr -simple-lhs netlist.v\n"); // OpenSTA reads no concatenated assigns
        b.append("stat -liberty ").append(quote(plainLiberty)).append('\n');
        return b.toString();
    }

    /** Flip-flops, latches (with {@code latchMap}, may be null) and logic onto the liberty's cells. */
    private static void mapToLiberty(StringBuilder b, Path plainLiberty, Path latchMap) {
        String lib = quote(plainLiberty);
        b.append("dfflibmap -liberty ").append(lib).append('\n');
        if (latchMap != null) {
            b.append("techmap -map ").append(quote(latchMap)).append('\n');
        }
        b.append("abc -liberty ").append(lib).append('\n');
        b.append("opt_clean\n");
    }

    /** Runs a script in {@code dir} and returns Yosys's log. */
    private static String run(Path dir, String scriptName, String script, long timeoutSeconds) {
        AtomicFiles.writeString(dir.resolve(scriptName), script);
        String logName = scriptName.replace(".ys", ".log");
        ExternalTool.Result r = ExternalTool.YOSYS.run(dir, timeoutSeconds, "-q", "-l", logName, "-s", scriptName);
        try {
            return Files.readString(dir.resolve(logName));
        } catch (IOException e) {
            return r.output();
        }
    }

    private static void checkModuleName(String name) {
        if (!name.matches("[A-Za-z_][A-Za-z0-9_$]*")) {
            throw MaxdnnException.badInput("bad top module name '" + name + "'");
        }
    }

    private static void checkSource(Path s) {
        if (!Files.isRegularFile(s)) {
            throw MaxdnnException.badInput("Verilog source " + s + " does not exist");
        }
    }

    private static String quote(Path p) {
        String s = p.toAbsolutePath().toString();
        if (s.contains("\"") || s.contains("\n")) {
            throw MaxdnnException.badInput("unusable path for Yosys: " + s);
        }
        return "\"" + s + "\"";
    }
}
