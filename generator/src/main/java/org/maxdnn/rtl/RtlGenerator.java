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

    private static void requireSupported(MultiplierConfig config) {
        if (!MultiplierNames.supported(config)) {
            throw MaxdnnException.badInput("multiplier " + config.name()
                    + " has no RTL generator: only exact, roup-pPrR and roupc-pPrR do");
        }
    }
}
