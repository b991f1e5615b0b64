package org.maxdnn.rtl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.maxdnn.Assets;
import org.maxdnn.MaxdnnException;
import org.maxdnn.array.ArrayConfig;
import org.maxdnn.io.AtomicFiles;
import org.maxdnn.mult.MultiplierConfig;

/**
 * Java entry point to the Chisel generators: Verilog of standalone multipliers and of systolic
 * arrays, written atomically. Every module is emitted by firtool with the options of SPEC §6;
 * hand-written modules the design instantiates (the simulation-only toggle counter, EvoApprox
 * circuits from the asset folder) are appended. {@code assets} may be null when no multiplier
 * needs the asset folder.
 */
public final class RtlGenerator {
    /** The llvm-firtool the build ships (firtool.version in the parent pom). */
    private static final String FIRTOOL_VERSION = "1.62.1";
    private RtlGenerator() {
    }

    /** The Verilog module name of a multiplier configuration, e.g. {@code Roupc_p1r2}. */
    public static String moduleName(MultiplierConfig config) {
        return PeMultipliers.name(config);
    }

    /**
     * The Verilog of one combinational multiplier module (ports a, b, product): the PE's multiplier
     * on its own. Which netlist stands for a configuration in synthesis, energy and layout is
     * {@link Circuits}'s answer.
     */
    public static String multiplierVerilog(MultiplierConfig config) {
        return multiplierVerilog(config, null);
    }

    public static String multiplierVerilog(MultiplierConfig config, Assets assets) {
        PeMultiplier m = new PeMultipliers(assets).apply(config);
        String text = elaborate(config.name(), () -> new MultiplierModule(m));
        return withExternals(m.dropsOperandBits() ? allowUnusedInputs(text) : text,
                scala.jdk.javaapi.CollectionConverters.asJava(m.externalVerilog()));
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

    /**
     * Wraps the modules of a multi-module text named in {@code which}, or named so with a suffix after
     * '_' (a gated array's PE of a row's width, {@code PE_Roup_p1r2_gated_16to17}), as in
     * {@link #allowUnusedInputs(String)}.
     */
    static String allowUnusedInputs(String text, Set<String> which) {
        StringBuilder out = new StringBuilder();
        StringBuilder module = null;
        for (String line : text.split("\n", -1)) {
            if (module == null && line.startsWith("module ")) {
                String name = line.substring(7).split("[\\s(#;]", 2)[0];
                if (which.stream().anyMatch(w -> name.equals(w) || name.startsWith(w + "_gated_"))) {
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

    /** The Verilog of a systolic array whose multipliers need nothing from the asset folder. */
    public static String arrayVerilog(ArrayConfig config) {
        return arrayVerilog(config, null);
    }

    /** The Verilog of a systolic array: the array module, its PEs and the modules they instantiate. */
    public static String arrayVerilog(ArrayConfig config, Assets assets) {
        PeMultipliers hardware = new PeMultipliers(assets);
        String text = elaborate("array " + config.moduleName(), () -> new SystolicArray(config, hardware));
        return withExternals(allowUnusedInputs(text, SystolicArray.peModulesDroppingBits(config, hardware)),
                SystolicArray.externalVerilog(config, hardware)) + "\n" + toggleCounterVerilog()
                + (config.gated() ? "\n" + RtlTemplate.text("ClockGate.sv") : "");
    }

    /** The module {@link #gatedPeVerilog} defines, e.g. {@code GatedPe_Exact}. */
    public static String gatedPeModule(MultiplierConfig config) {
        return "GatedPe_" + moduleName(config);
    }

    /**
     * One gated PE of {@code config} with its weight and data clock gates (ports clock, reset, load,
     * enable, weight, [code,] actIn, psumIn, actOut, psumOut), partial sums {@code psumInBits} in and
     * {@code psumOutBits} out, and the modules it instantiates.
     */
    public static String gatedPeVerilog(MultiplierConfig config, int psumInBits, int psumOutBits, Assets assets) {
        PeMultiplier m = new PeMultipliers(assets).apply(config);
        String text = elaborate("gated PE " + config.name(), () -> new GatedPe(m, psumInBits, psumOutBits));
        return withExternals(m.dropsOperandBits() ? allowUnusedInputs(text) : text,
                scala.jdk.javaapi.CollectionConverters.asJava(m.externalVerilog())) + "\n" + toggleCounterVerilog()
                + "\n" + RtlTemplate.text("ClockGate.sv");
    }

    static String elaborate(String what, scala.Function0<chisel3.RawModule> gen) {
        try {
            return Emit.verilog(gen);
        } catch (MaxdnnException e) {
            throw e;
        } catch (RuntimeException e) {
            // Chisel wraps what the generator throws
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof MaxdnnException m) {
                    throw m;
                }
                if (t.getClass().getName().endsWith("FirtoolNotFound")) {
                    throw firtoolMissing(t);
                }
            }
            throw MaxdnnException.badInput("RTL generation failed for " + what + ": " + e, e);
        }
    }

    /**
     * Chisel runs firtool, which firtool-resolver unpacks from its jar into the user's cache folder
     * (~/.cache/llvm-firtool) unless CHISEL_FIRTOOL_PATH names one: when neither works, it is a
     * missing tool (exit 4), with the resolver's reason and what to do instead of its log.
     */
    private static MaxdnnException firtoolMissing(Throwable t) {
        String reason = String.valueOf(t.getMessage()).lines().map(String::strip)
                .filter(l -> l.contains("failed with")).findFirst().orElse("the resolver found none");
        return new MaxdnnException(MaxdnnException.MISSING_TOOL, "firtool (Chisel's FIRRTL compiler) is not available: "
                + reason + ". Chisel unpacks it into " + System.getProperty("user.home") + "/.cache/llvm-firtool: make "
                + "that folder writable, or set CHISEL_FIRTOOL_PATH to a folder holding firtool " + FIRTOOL_VERSION
                + " (from github.com/llvm/circt releases)", t);
    }

    /**
     * Appends hand-written modules (EvoApprox circuits) as they are, with Verilator's style
     * warnings off: they are the library's own netlists, checked against their tables.
     */
    static String withExternals(String text, Map<String, String> externals) {
        StringBuilder out = new StringBuilder(text.stripTrailing()).append('\n');
        for (Map.Entry<String, String> e : externals.entrySet()) {
            out.append("\n// ").append(e.getKey()).append(": EvoApproxLib circuit, read from the asset folder\n")
                    .append("/* verilator lint_off DECLFILENAME */\n/* verilator lint_off UNUSEDSIGNAL */\n")
                    .append(e.getValue().stripTrailing()).append('\n')
                    .append("/* verilator lint_on UNUSEDSIGNAL */\n/* verilator lint_on DECLFILENAME */\n");
        }
        return out.toString();
    }

    /** The hand-written simulation-only ToggleCounter module the PEs instantiate (rtl-templates). */
    public static String toggleCounterVerilog() {
        return RtlTemplate.text("ToggleCounter.sv");
    }

    /** The files written for an array. */
    public record ArrayFiles(Path verilog, Path manifest) {
    }

    /** Writes {@code dir/<module>.sv} and the JSON manifest {@code dir/<module>.json}, atomically. */
    public static ArrayFiles writeArray(ArrayConfig config, Assets assets, Path dir) {
        String verilog = arrayVerilog(config, assets);
        Path sv = dir.resolve(config.moduleName() + ".sv");
        Path json = dir.resolve(config.moduleName() + ".json");
        AtomicFiles.writeString(sv, verilog);
        AtomicFiles.writeString(json, ArrayManifest.json(config));
        return new ArrayFiles(sv, json);
    }
}
