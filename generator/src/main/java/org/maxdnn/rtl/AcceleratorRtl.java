package org.maxdnn.rtl;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.maxdnn.Assets;
import org.maxdnn.accel.AcceleratorConfig;
import org.maxdnn.io.AtomicFiles;

/**
 * Java entry point to the accelerator generator (SPEC §13): the Verilog of an {@link AcceleratorConfig}
 * (the accelerator module, its sequencer, foot and memories, the array inside and what its PEs
 * instantiate) and its manifest. With {@link AcceleratorConfig.MemoryStyle#MACROS} the memories are
 * instances of the black box {@code maxdnn_sram_1r1w}, whose behavioural model is written beside.
 */
public final class AcceleratorRtl {
    /** The black box's model file, beside the Verilog when memories are macros. */
    public static final String SRAM_MODEL = "maxdnn_sram_1r1w.v";

    /**
     * Modules that leave bits unused by design: descriptor fields narrower than their word, 32-bit
     * addresses into smaller memories, the requantiser's wide intermediate products.
     */
    private static final Set<String> UNUSED_BITS_BY_DESIGN = Set.of("Sequencer", "ArrayFoot", "Requantiser",
            "Im2colAddress");

    private AcceleratorRtl() {
    }

    /** The accelerator's Verilog, without the memory model. */
    public static String verilog(AcceleratorConfig config, Assets assets) {
        PeMultipliers hardware = new PeMultipliers(assets);
        String text = RtlGenerator.elaborate("accelerator " + config.moduleName(), () -> new Accelerator(config, hardware));
        Set<String> waived = new HashSet<>(SystolicArray.peModulesDroppingBits(config.array(), hardware));
        waived.addAll(UNUSED_BITS_BY_DESIGN);
        waived.add(requantiser(config));
        waived.add(config.moduleName());
        // the array's outAct ports (for cascading arrays) are left open in the accelerator
        return "/* verilator lint_off PINCONNECTEMPTY */\n" + RtlGenerator.withExternals(
                RtlGenerator.allowUnusedInputs(text, waived), SystolicArray.externalVerilog(config.array(), hardware))
                + "\n" + RtlGenerator.toggleCounterVerilog()
                + (config.array().gated() ? "\n" + RtlTemplate.text("ClockGate.sv") : "");
    }

    private static final java.util.regex.Pattern MODULE = java.util.regex.Pattern.compile(
            "(?ms)^module (\\w+)\\b.*?^endmodule");
    private static final java.util.regex.Pattern REG = java.util.regex.Pattern.compile(
            "(?m)^\\s*reg\\s+(?:\\[(\\d+):0\\]\\s+)?\\w+(?:\\s*\\[\\d+:\\d+\\])?\\s*;");

    /**
     * Flip-flops of the sequencer, address generator, foot, requantiser and host port in {@code verilog}
     * (the accelerator's own modules, memories and array excluded), counted from its register declarations.
     */
    public static long controlFlops(AcceleratorConfig config, String verilog) {
        long flops = 0;
        java.util.regex.Matcher m = MODULE.matcher(verilog);
        while (m.find()) {
            String name = m.group(1);
            if (!name.equals(config.moduleName()) && !name.equals(requantiser(config)) && !UNUSED_BITS_BY_DESIGN.contains(name)) {
                continue;
            }
            java.util.regex.Matcher r = REG.matcher(m.group());
            while (r.find()) {
                flops += r.group(1) == null ? 1 : Integer.parseInt(r.group(1)) + 1;
            }
        }
        return flops;
    }

    /** The module name of {@code config}'s requantiser (the Chisel {@code Requantiser}'s desiredName). */
    private static String requantiser(AcceleratorConfig config) {
        return config.requantiserCycles() == 1 ? "Requantiser" : "Requantiser_" + config.requantiserCycles() + "cycles";
    }

    /** The behavioural model of the memory black box (rtl-templates). */
    public static String sramModel() {
        return RtlTemplate.text(SRAM_MODEL);
    }

    /** What simulates: the Verilog, and with macros their behavioural model appended. */
    public static String simulationVerilog(AcceleratorConfig config, Assets assets) {
        String v = verilog(config, assets);
        return config.memories() == AcceleratorConfig.MemoryStyle.MACROS ? v + "\n" + sramModel() : v;
    }

    /** The files written for an accelerator. */
    public record Files(Path verilog, Path manifest, Path sramModel) {
    }

    /** Writes {@code dir/<module>.sv}, {@code dir/<module>.json} and, with macros, the memory model, atomically. */
    public static Files write(AcceleratorConfig config, Assets assets, Path dir) {
        Path sv = dir.resolve(config.moduleName() + ".sv");
        Path json = dir.resolve(config.moduleName() + ".json");
        AtomicFiles.writeString(sv, verilog(config, assets));
        AtomicFiles.writeString(json, AcceleratorManifest.json(config));
        Path model = null;
        if (config.memories() == AcceleratorConfig.MemoryStyle.MACROS) {
            model = dir.resolve(SRAM_MODEL);
            AtomicFiles.writeString(model, sramModel());
        }
        return new Files(sv, json, model);
    }
}
