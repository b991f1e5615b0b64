package org.maxdnn.rtl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.maxdnn.MaxdnnException;
import org.maxdnn.io.AtomicFiles;
import org.maxdnn.mult.MultiplierConfig;

/**
 * Java entry point to the Chisel generators: Verilog for multipliers (and, later, PEs and arrays),
 * written atomically. Every module is emitted by firtool with the options of SPEC §6.
 */
public final class RtlGenerator {
    private RtlGenerator() {
    }

    /** The Verilog module name of a multiplier configuration, e.g. {@code Roupc_p1r2}. */
    public static String moduleName(MultiplierConfig config) {
        requireSupported(config);
        return MultiplierNames.of(config);
    }

    /** True for the configurations that have RTL (exact, roup, roupc). */
    public static boolean isSupported(MultiplierConfig config) {
        return MultiplierNames.supported(config);
    }

    /** The Verilog text of one combinational multiplier module (ports a, b, product). */
    public static String multiplierVerilog(MultiplierConfig config) {
        return multiplierVerilog(config, false);
    }

    /**
     * As {@link #multiplierVerilog(MultiplierConfig)}; with {@code sharedIncrementer} roup's rounded
     * multiplicand is formed once by an incrementer instead of injected into every row (module name
     * suffix {@code _inc} when R > 0). Both are bit-exact; the default is smaller.
     */
    public static String multiplierVerilog(MultiplierConfig config, boolean sharedIncrementer) {
        requireSupported(config);
        scala.Enumeration.Value style = sharedIncrementer ? RoundingStyle.Incrementer() : RoundingStyle.Default();
        String text;
        try {
            text = Emit.verilog(() -> new RoupMultiplier(config, style));
        } catch (MaxdnnException e) {
            throw e;
        } catch (RuntimeException e) {
            throw MaxdnnException.badInput("RTL generation failed for " + config.name() + ": " + e, e);
        }
        return config.isExactByDefinition() ? text : allowUnusedInputs(text);
    }

    /** The module name of {@link #multiplierVerilog(MultiplierConfig, boolean)}. */
    public static String moduleName(MultiplierConfig config, boolean sharedIncrementer) {
        requireSupported(config);
        return MultiplierNames.of(config, sharedIncrementer ? RoundingStyle.Incrementer() : RoundingStyle.Default());
    }

    /** Wraps the modules of a multi-module text whose names match {@code which} as in {@link #allowUnusedInputs(String)}. */
    static String allowUnusedInputs(String text, java.util.function.Predicate<String> which) {
        StringBuilder out = new StringBuilder();
        StringBuilder module = null;
        for (String line : text.split("\n", -1)) {
            if (module == null && line.startsWith("module ")) {
                String name = line.substring(7).split("[\\s(#;]", 2)[0];
                if (which.test(name)) {
                    module = new StringBuilder();
                }
            }
            if (module != null) {
                module.append(line).append('\n');
                if (line.startsWith("endmodule")) {
                    out.append(allowUnusedInputs(module.toString()));
                    module = null;
                }
            } else {
                out.append(line).append('\n');
            }
        }
        if (module != null) {
            out.append(module);
        }
        return out.toString().stripTrailing() + "\n";
    }

    /**
     * Perforation and rounding leave operand bits unused by design (b's low bits feed only
     * perforated digits, a's low bits only rounded-away columns); tell Verilator's -Wall so. Dead
     * internal logic is already removed by firtool, so only ports are concerned.
     */
    static String allowUnusedInputs(String moduleText) {
        return "// Operand bits dropped by perforation or rounding are unused by design.\n"
                + "/* verilator lint_off UNUSEDSIGNAL */\n" + moduleText.stripTrailing() + "\n"
                + "/* verilator lint_on UNUSEDSIGNAL */\n";
    }

    /** Module name → Verilog text, one entry per distinct module, in the given order. */
    public static Map<String, String> multipliers(List<MultiplierConfig> configs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (MultiplierConfig c : configs) {
            String name = moduleName(c);
            if (!out.containsKey(name)) {
                out.put(name, multiplierVerilog(c));
            }
        }
        return out;
    }

    /** Writes all the multipliers into one file {@code dir/fileName}; returns its path. */
    public static Path writeMultipliers(List<MultiplierConfig> configs, Path dir, String fileName) {
        return writeModules(multipliers(configs), dir.resolve(fileName));
    }

    /** Writes each multiplier into its own file {@code dir/<Module>.sv}; returns the paths. */
    public static List<Path> writeMultiplierFiles(List<MultiplierConfig> configs, Path dir) {
        return writeModuleFiles(multipliers(configs), dir);
    }

    /** Writes already emitted modules (name → text) into one file, atomically. */
    public static Path writeModules(Map<String, String> modules, Path target) {
        AtomicFiles.write(target, w -> {
            for (String text : modules.values()) {
                w.write(text);
                if (!text.endsWith("\n")) {
                    w.write('\n');
                }
            }
        });
        return target;
    }

    /** Writes already emitted modules, each into {@code dir/<Module>.sv}, atomically. */
    public static List<Path> writeModuleFiles(Map<String, String> modules, Path dir) {
        List<Path> out = new ArrayList<>();
        for (Map.Entry<String, String> e : modules.entrySet()) {
            Path target = dir.resolve(e.getKey() + ".sv");
            AtomicFiles.writeString(target, e.getValue());
            out.add(target);
        }
        return out;
    }

    /**
     * A wrapper that drives every listed multiplier module with the same operands {@code a}, {@code b}
     * and exposes their products as {@code p0}, {@code p1}, ... in order — one simulation model for
     * many configurations.
     */
    public static String bankVerilog(String bankName, List<String> moduleNames) {
        StringBuilder sb = new StringBuilder();
        sb.append("module ").append(bankName).append("(\n");
        sb.append("  input  [7:0] a,\n");
        sb.append("  input  [7:0] b");
        for (int i = 0; i < moduleNames.size(); i++) {
            sb.append(",\n  output [15:0] p").append(i);
        }
        sb.append("\n);\n");
        for (int i = 0; i < moduleNames.size(); i++) {
            sb.append("  ").append(moduleNames.get(i)).append(" m").append(i)
                    .append(" (.a(a), .b(b), .product(p").append(i).append("));\n");
        }
        sb.append("endmodule\n");
        return sb.toString();
    }

    /** The Verilog of a systolic array (the array module and its PEs), from firtool. */
    public static String arrayVerilog(ArrayDesign design) {
        try {
            String text = Emit.verilog(() -> SystolicArrays.create(design.name(), design.rows(), design.cols(),
                    design.configs()));
            // PEs with a baked-in approximate multiplier leave operand bits unused by design
            return allowUnusedInputs(text, m -> m.startsWith("PE_Roup")) + "\n" + toggleCounterVerilog();
        } catch (MaxdnnException e) {
            throw e;
        } catch (RuntimeException e) {
            throw MaxdnnException.badInput("RTL generation failed for array " + design.name() + ": " + e, e);
        }
    }

    /** The hand-written simulation-only ToggleCounter module the PEs instantiate (rtl-templates). */
    public static String toggleCounterVerilog() {
        try (java.io.InputStream in = RtlGenerator.class.getResourceAsStream("ToggleCounter.sv")) {
            if (in == null) {
                throw new IllegalStateException("ToggleCounter.sv missing from the class path (rtl-templates)");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The files written for an array. */
    public record ArrayFiles(Path verilog, Path manifest) {
    }

    /** Writes {@code dir/<name>.sv} and the JSON manifest {@code dir/<name>.json}, atomically. */
    public static ArrayFiles writeArray(ArrayDesign design, Path dir) {
        String verilog = arrayVerilog(design);
        Path sv = dir.resolve(design.name() + ".sv");
        Path json = dir.resolve(design.name() + ".json");
        AtomicFiles.writeString(sv, verilog);
        AtomicFiles.writeString(json, manifest(design));
        return new ArrayFiles(sv, json);
    }

    /** The JSON manifest of SPEC §6: size, mode, per-PE configurations, ports, protocol. */
    public static String manifest(ArrayDesign d) {
        com.fasterxml.jackson.databind.ObjectMapper om = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode root = om.createObjectNode();
        root.put("protocolVersion", ArrayDesign.PROTOCOL_VERSION);
        root.put("module", d.name());
        root.put("rows", d.rows());
        root.put("cols", d.cols());
        root.put("mode", d.isConfigurable() ? "configurable" : "fixed");
        root.put("latency", d.latency());
        root.put("accumulator", "int32, wrapping");
        if (d.isConfigurable()) {
            root.put("configCode", "bit 5: 0 roup / 1 roupc; bits 4..3: P; bits 2..0: R; exact = 0");
        } else {
            com.fasterxml.jackson.databind.node.ArrayNode rows = root.putArray("configs");
            for (List<MultiplierConfig> row : d.configs()) {
                com.fasterxml.jackson.databind.node.ArrayNode r = rows.addArray();
                row.forEach(c -> r.add(c.name()));
            }
        }
        com.fasterxml.jackson.databind.node.ObjectNode ports = root.putObject("ports");
        ports.put("clock", "input, rising edge");
        ports.put("reset", "input, synchronous, active high");
        ports.put("wloadEn", "input, load one row of weights this cycle");
        ports.put("wloadRow", "input [" + (Math.max(1, 32 - Integer.numberOfLeadingZeros(d.rows() - 1)) - 1)
                + ":0], the row loaded");
        ports.put("wloadWeight_<c>", "input signed [7:0], c = 0.." + (d.cols() - 1));
        if (d.isConfigurable()) {
            ports.put("wloadCfg_<c>", "input [5:0], c = 0.." + (d.cols() - 1));
        }
        ports.put("inValid", "input");
        ports.put("inAct_<r>", "input signed [7:0], r = 0.." + (d.rows() - 1) + ", unskewed");
        ports.put("outValid", "output, inValid delayed by latency");
        ports.put("outPsum_<c>", "output signed [31:0], deskewed");
        ports.put("outAct_<r>", "output signed [7:0], activation leaving the last column (skewed)");
        root.put("protocol", "load rows (wloadEn, wloadRow, wloadWeight_*) with no valid data in flight, then "
                + "stream one activation vector per cycle; output vector m = sum over r of "
                + "mult[r][c](inAct_r, W[r][c]) appears latency cycles after input vector m; every input is "
                + "registered at the boundary, so streaming may start the cycle after the last load row");
        try {
            return om.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void requireSupported(MultiplierConfig config) {
        if (!MultiplierNames.supported(config)) {
            throw MaxdnnException.badInput("multiplier " + config.name()
                    + " has no RTL generator: only exact, roup-pPrR and roupc-pPrR do");
        }
    }
}
