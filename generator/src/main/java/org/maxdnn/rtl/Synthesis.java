package org.maxdnn.rtl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.maxdnn.MaxdnnException;
import org.maxdnn.io.ExternalTool;

/** Generic-gate synthesis with Yosys ({@code synth -top M; stat}) and its cell counts. */
public final class Synthesis {
    private static final Pattern HEADER = Pattern.compile("^=== (\\S+) ===\\s*$");
    private static final Pattern CELLS = Pattern.compile("^\\s*Number of cells:\\s+(\\d+)\\s*$");

    private Synthesis() {
    }

    /**
     * Synthesises each module of {@code verilog} on its own (one Yosys process for all) and returns
     * module name → number of cells after {@code synth}.
     */
    public static Map<String, Integer> cellCounts(Path verilog, List<String> modules, long timeoutSeconds) {
        Path dir = verilog.toAbsolutePath().getParent();
        Path statFile = dir.resolve(verilog.getFileName() + ".stat.txt");
        StringBuilder script = new StringBuilder();
        for (String m : modules) {
            script.append("design -reset; read_verilog -sv ").append(verilog.toAbsolutePath())
                    .append("; synth -top ").append(m).append("; tee -q -a ").append(statFile)
                    .append(" stat; ");
        }
        String out;
        try {
            Files.deleteIfExists(statFile);
            ExternalTool.YOSYS.run(dir, timeoutSeconds, "-q", "-p", script.toString());
            out = Files.readString(statFile);
            Files.deleteIfExists(statFile);
        } catch (IOException e) {
            throw MaxdnnException.badInput("cannot read yosys statistics " + statFile + ": " + e.getMessage(), e);
        }
        return parse(out, modules);
    }

    static Map<String, Integer> parse(String yosysOutput, List<String> modules) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        String current = null;
        for (String line : yosysOutput.split("\n")) {
            Matcher h = HEADER.matcher(line);
            if (h.matches()) {
                current = h.group(1);
                continue;
            }
            Matcher c = CELLS.matcher(line);
            if (c.matches() && current != null && !counts.containsKey(current)) {
                counts.put(current, Integer.parseInt(c.group(1)));
            }
        }
        for (String m : modules) {
            if (!counts.containsKey(m)) {
                throw MaxdnnException.badInput("yosys printed no cell count for " + m + ":\n"
                        + ExternalTool.tail(yosysOutput, 20));
            }
        }
        return counts;
    }
}
