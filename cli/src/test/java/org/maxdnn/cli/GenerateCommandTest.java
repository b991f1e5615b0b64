package org.maxdnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code maxdnn generate} as a user runs it: fixed arrays from a map's layer, errors. */
class GenerateCommandTest {
    @TempDir
    Path tmp;

    @Test
    void fixedArrayFromAFilterLevelMapBakesTheFilterConfigurationsIn() throws Exception {
        Path map = tmp.resolve("map.json");
        StringBuilder filters = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            filters.append(i > 0 ? "," : "").append(i % 2 == 0 ? "\"roup-p1r2\"" : "\"roupc-p0r4\"");
        }
        Files.writeString(map, "{\"layers\": {\"conv1\": {\"filters\": [" + filters + "]}}}");
        MainTest.Outcome o = MainTest.run("generate", "--mode", "fixed", "--map", map.toString(), "--layer", "conv1",
                "--rows", "4", "--cols", "4", "--out", tmp.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("runs every tile of conv1"), o.out());
        // the energy-proportional array by default
        String manifest = Files.readString(tmp.resolve("SystolicArray_conv1_4x4_gated.json"));
        assertTrue(manifest.contains("\"mode\" : \"fixed\"") && manifest.contains("roupc-p0r4"), manifest);
        assertTrue(manifest.contains("\"clocking\" : \"gated") && manifest.contains("colEnable_<c>"), manifest);
        String verilog = Files.readString(tmp.resolve("SystolicArray_conv1_4x4_gated.sv"));
        assertTrue(verilog.contains("module SystolicArray_conv1_4x4_gated") && verilog.contains("module ClockGate"),
                "gated array module and its clock gates emitted");
        // today's array on request
        o = MainTest.run("generate", "--mode", "fixed", "--map", map.toString(), "--layer", "conv1", "--array", "plain",
                "--rows", "4", "--cols", "4", "--out", tmp.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(Files.readString(tmp.resolve("SystolicArray_conv1_4x4.json")).contains("\"clocking\" : \"plain"));
        assertTrue(!Files.readString(tmp.resolve("SystolicArray_conv1_4x4.sv")).contains("ClockGate"), "no clock gates");
        assertEquals(1, MainTest.run("generate", "--array", "leaky", "--out", tmp.toString()).code());
    }

    @Test
    void badRequestsAreClearErrors() throws Exception {
        Path map = tmp.resolve("map.json");
        Files.writeString(map, "{\"default\": \"lut:mul8u_2P7\"}");
        MainTest.Outcome o = MainTest.run("generate", "--mode", "fixed", "--map", map.toString(), "--layer", "conv9",
                "--out", tmp.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("conv9"), o.err());
        // a kernel-level map whose PEs would need different multipliers in different folds has no fixed array
        StringBuilder kernels = new StringBuilder();
        for (int oc = 0; oc < 16; oc++) {
            kernels.append(oc > 0 ? "," : "").append('[');
            for (int ic = 0; ic < 16; ic++) {
                kernels.append(ic > 0 ? "," : "").append(ic < 8 ? "\"roup-p1r2\"" : "\"exact\"");
            }
            kernels.append(']');
        }
        Files.writeString(map, "{\"layers\": {\"conv2\": {\"kernels\": [" + kernels + "]}}}");
        o = MainTest.run("generate", "--mode", "fixed", "--map", map.toString(), "--layer", "conv2", "--rows", "4",
                "--cols", "4", "--out", tmp.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("not fold-consistent") && o.err().contains("PE (0,0)"), o.err());
        o = MainTest.run("generate", "--mode", "fixed");
        assertEquals(1, o.code());
    }

    @Test
    void theAcceleratorIsWrittenWithItsManifestAndMemoryModel() throws Exception {
        MainTest.Outcome o = MainTest.run("generate", "--target", "accelerator", "--rows", "2", "--cols", "2",
                "--memories", "macros", "--memory-sizes", "64,16,32,8,2", "--out", tmp.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("accelerator Accelerator_2x2 around SystolicArray_2x2"), o.out());
        assertTrue(Files.readString(tmp.resolve("Accelerator_2x2.sv")).contains("maxdnn_sram_1r1w #("));
        assertTrue(Files.readString(tmp.resolve("maxdnn_sram_1r1w.v")).contains("module maxdnn_sram_1r1w"));
        String manifest = Files.readString(tmp.resolve("Accelerator_2x2.json"));
        assertTrue(manifest.contains("\"descriptorWords\"") && manifest.contains("\"memoryMap\""), manifest);
        // usage errors: an unknown target, sizes that are not five numbers, a bank that is not a power of two
        assertEquals(1, MainTest.run("generate", "--target", "chip").code());
        assertEquals(1, MainTest.run("generate", "--target", "accelerator", "--memory-sizes", "64,16").code());
        MainTest.Outcome bad = MainTest.run("generate", "--target", "accelerator", "--memory-sizes", "60,16,32,8,2");
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains("power of two"), bad.err());
        assertEquals(1, MainTest.run("generate", "--memories", "flops").code());
    }
}
