package org.maxdnn.rtl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.maxdnn.MaxdnnException;
import org.maxdnn.accel.AcceleratorConfig;
import org.maxdnn.accel.HostInterface;
import org.maxdnn.array.ArrayConfig;
import org.maxdnn.io.ExternalTool;
import org.maxdnn.testing.RequiresTools;

/** The accelerator's Verilog passes Verilator's -Wall lint, Icarus and Yosys, with flop and macro memories. */
@RequiresTools({"verilator", "iverilog", "yosys"})
class AcceleratorRtlTest {
    private static final Path WORK = Path.of("target", "rtl-test", "accelerator").toAbsolutePath();

    static AcceleratorConfig small(AcceleratorConfig.MemoryStyle style) {
        return AcceleratorConfig.small(ArrayConfig.configurable(4, 4)).withMemories(style);
    }

    @Test
    void flopMemoriesLintSimulateAndSynthesise() throws Exception {
        AcceleratorConfig c = small(AcceleratorConfig.MemoryStyle.FLOPS);
        Path dir = WORK.resolve("flops");
        AcceleratorRtl.Files f = AcceleratorRtl.write(c, null, dir);
        String sv = f.verilog().getFileName().toString();
        ExternalTool.VERILATOR.run(dir, 300, "--lint-only", "-Wall", "-Wno-DECLFILENAME", "--top-module", c.moduleName(), sv);
        ExternalTool.IVERILOG.run(dir, 300, "-g2012", "-o", "a.vvp", "-s", c.moduleName(), sv);
        ExternalTool.YOSYS.run(dir, 600, "-q", "-p", "read_verilog -sv " + sv + "; synth -top " + c.moduleName()
                + "; stat");
        JsonNode m = new ObjectMapper().readTree(f.manifest().toFile());
        assertTrue(m.get("counters").size() == HostInterface.COUNTERS_NAMES.size());
        assertTrue(m.get("descriptorWords").size() == 16);

        // running addresses as wide as the memory they address, fold totals as wide as a block of at
        // most cols groups needs: what keeps the small accelerator small enough to lay out
        String text = Files.readString(f.verilog());
        assertEquals(5, regBits(text, "foldWord"), "2 x 16 weight words");
        assertEquals(5, regBits(text, "accBase"), "32 accumulator words");
        assertEquals(7, regBits(text, "outBase"), "2 x 64 activation bytes");
        assertEquals(16 + 3, regBits(text, "kTotal"), "K of up to 4 groups");
        assertEquals(5, regBits(text, "counter"), "counts to the 16 descriptor words");
    }

    /** The width of register {@code name} as firtool declares it. */
    private static int regBits(String verilog, String name) {
        Matcher m = Pattern.compile("(?m)^\\s*reg\\s+\\[(\\d+):0\\]\\s+" + name + ";").matcher(verilog);
        assertTrue(m.find(), "no register " + name);
        int bits = Integer.parseInt(m.group(1)) + 1;
        assertTrue(!m.find(), "two registers " + name);
        return bits;
    }

    @Test
    void theGatedArrayInsideLintsAndCompilesToo() throws Exception {
        AcceleratorConfig c = AcceleratorConfig.small(ArrayConfig.configurable(4, 4).withGating(true));
        Path dir = WORK.resolve("gated");
        String sv = AcceleratorRtl.write(c, null, dir).verilog().getFileName().toString();
        ExternalTool.VERILATOR.run(dir, 300, "--lint-only", "-Wall", "-Wno-DECLFILENAME", "--top-module", c.moduleName(), sv);
        ExternalTool.IVERILOG.run(dir, 300, "-g2012", "-o", "a.vvp", "-s", c.moduleName(), sv);
    }

    /** The requantiser over four cycles lints too, and its product, factor and multiplier registers are priced as the foot's. */
    @Test
    void aRequantiserOverFourCyclesLintsAndItsRegistersCount() throws Exception {
        AcceleratorConfig c = small(AcceleratorConfig.MemoryStyle.FLOPS).withRequantiserCycles(4);
        Path dir = WORK.resolve("requant4");
        String sv = AcceleratorRtl.write(c, null, dir).verilog().getFileName().toString();
        ExternalTool.VERILATOR.run(dir, 300, "--lint-only", "-Wall", "-Wno-DECLFILENAME", "--top-module", c.moduleName(), sv);
        String text = Files.readString(dir.resolve(sv));
        assertTrue(text.contains("module Requantiser_4cycles("), "the four-cycle requantiser");
        AcceleratorConfig one = small(AcceleratorConfig.MemoryStyle.FLOPS);
        long extra = AcceleratorRtl.controlFlops(c, text) - AcceleratorRtl.controlFlops(one, AcceleratorRtl.verilog(one, null));
        assertTrue(extra >= 64 + 32 + 24, "64-bit product, factor and the multiplier's last 24 bits: " + extra);
    }

    /** Narrower counters (a smaller design for a layout) lint, are as wide as asked and the manifest says so. */
    @Test
    void countersAsNarrowAsAsked() throws Exception {
        AcceleratorConfig c = small(AcceleratorConfig.MemoryStyle.FLOPS).withCounterBits(12);
        assertEquals("Accelerator_4x4_counters12", c.moduleName());
        Path dir = WORK.resolve("counters12");
        AcceleratorRtl.Files f = AcceleratorRtl.write(c, null, dir);
        String sv = f.verilog().getFileName().toString();
        ExternalTool.VERILATOR.run(dir, 300, "--lint-only", "-Wall", "-Wno-DECLFILENAME", "--top-module", c.moduleName(), sv);
        String text = Files.readString(f.verilog());
        for (int i = 0; i < HostInterface.COUNTERS_NAMES.size(); i++) {
            assertEquals(12, regBits(text, "counters_" + i), "counter " + i);
        }
        assertEquals(12, new ObjectMapper().readTree(f.manifest().toFile()).get("counterBits").asInt());
        assertEquals(32, small(AcceleratorConfig.MemoryStyle.FLOPS).counterBits());
        assertThrows(MaxdnnException.class, () -> c.withCounterBits(33));
        assertThrows(MaxdnnException.class, () -> c.withCounterBits(0));
    }

    @Test
    void macroMemoriesAreBlackBoxesWithAModel() throws Exception {
        AcceleratorConfig c = small(AcceleratorConfig.MemoryStyle.MACROS);
        Path dir = WORK.resolve("macros");
        AcceleratorRtl.Files f = AcceleratorRtl.write(c, null, dir);
        String sv = f.verilog().getFileName().toString();
        String model = f.sramModel().getFileName().toString();
        assertTrue(!Files.readString(f.verilog()).contains("\nmodule maxdnn_sram_1r1w"));
        ExternalTool.VERILATOR.run(dir, 300, "--lint-only", "-Wall", "-Wno-DECLFILENAME", "--top-module", c.moduleName(), sv, model);
        ExternalTool.IVERILOG.run(dir, 300, "-g2012", "-o", "a.vvp", "-s", c.moduleName(), sv, model);
        // synthesis keeps the memories as black boxes
        ExternalTool.Result r = ExternalTool.YOSYS.run(dir, 600, "-p", "read_verilog -sv " + sv
                + "; read_verilog -lib " + model + "; synth -top " + c.moduleName() + "; stat");
        assertTrue(r.output().contains("maxdnn_sram_1r1w"), r.output());
    }
}
