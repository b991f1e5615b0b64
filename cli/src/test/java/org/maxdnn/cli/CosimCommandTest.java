package org.maxdnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maxdnn.model.ElementType;
import org.maxdnn.model.OpType;
import org.maxdnn.model.tflite.TfliteBuilder;
import org.maxdnn.model.tflite.TfliteBuilder.Options;
import org.maxdnn.model.tflite.TfliteBuilder.Quant;
import org.maxdnn.testing.RequiresTools;

/** {@code maxdnn cosim} as a user meets it: a pass, a mismatch (exit 3, report, VCD), a missing verilator (exit 4). */
class CosimCommandTest {
    @TempDir
    Path tmp;

    @RequiresTools({"verilator"})
    @Test
    void aPassingRunWritesItsReport() throws IOException {
        Path toggles = tmp.resolve("toggles.csv");
        MainTest.Outcome o = MainTest.run("cosim", "--rows", "4", "--cols", "4", "--limit", "1", "--toggles", toggles.toString(),
                "--out", tmp.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("0 mismatches: bit-exact"), o.out());
        assertTrue(o.out().contains("counters equal the golden model's count in every PE"), o.out());
        String report = Files.readString(tmp.resolve("cosim-report.txt"));
        assertTrue(report.contains("12,501,632 MACs") && report.contains("activity: psum"), report);
        List<String> csv = Files.readAllLines(toggles);
        assertEquals("row,col,component,toggles", csv.get(0));
        assertEquals(1 + 4 * 4 * 3, csv.size());
        assertFalse(Files.exists(tmp.resolve("first-mismatch.vcd")));
    }

    @RequiresTools({"verilator"})
    @Test
    void aMismatchExitsThreeLeavingTheReportAndTheWaveform() throws IOException {
        MainTest.Outcome o = MainTest.run("cosim", "--rows", "4", "--cols", "4", "--limit", "1", "--inject", "stuck-adder",
                "--vcd-on-mismatch", "--out", tmp.toString());
        assertEquals(3, o.code(), o.err());
        assertTrue(o.err().contains("layer conv0, tile 0 of 28 (k 0..3, n 0..3)") && o.err().contains("expected"), o.err());
        String report = Files.readString(tmp.resolve("cosim-report.txt"));
        assertTrue(report.contains("fault injected: stuck-adder") && report.contains("MISMATCHES"), report);
        assertTrue(report.contains("column 0 -> channel 0"), report);
        String vcd = Files.readString(tmp.resolve("first-mismatch.vcd"));
        assertTrue(vcd.contains("$enddefinitions") && vcd.contains("outPsum_0"), "a real waveform of the array");
        try (var files = Files.list(tmp)) {
            assertEquals(List.of("cosim-layers.csv", "cosim-report.txt", "first-mismatch.vcd"),
                    files.map(f -> f.getFileName().toString()).sorted().toList(), "nothing half-written left");
        }
    }

    /**
     * KWS with its depthwise and FC layers approximated, one clip, one input per weight load, the
     * runtime rounding: bit-exact, and every layer's cycles printed and written as CSV.
     */
    @RequiresTools({"verilator"})
    @Test
    void aNetworkWithDepthwiseAndFcLayersRunsWhole() throws IOException {
        Path map = tmp.resolve("map.json");
        Files.writeString(map, "{\"default\": \"exact\", \"layers\": {\"dw0\": {\"multiplier\": \"roup-p1r2\"}, "
                + "\"dw3\": {\"multiplier\": \"roupc-p0r4\"}, \"fc\": {\"multiplier\": \"roup-p2r0\"}}}");
        MainTest.Outcome o = MainTest.run("cosim", "--model", "kws", "--map", map.toString(), "--rounding", "runtime",
                "--rows", "4", "--cols", "4", "--limit", "1", "--batch", "1", "--clock-mhz", "100", "--out", tmp.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("2,656,768 MACs through the RTL") && o.out().contains("0 mismatches: bit-exact"), o.out());
        List<String> csv = Files.readAllLines(tmp.resolve("cosim-layers.csv"));
        assertEquals("layer,op,tiles,weight_loads,macs,cycles,utilisation,tiling_cycles,scalesim_cycles,register_cycles,"
                + "packing_cycles,tile_mismatches", csv.get(0));
        assertEquals(List.of("conv0", "dw0", "conv1", "dw1", "conv2", "dw2", "conv3", "dw3", "conv4", "fc"),
                csv.subList(1, csv.size()).stream().map(l -> l.split(",")[0]).toList());
        long cycles = 0;
        for (String line : csv.subList(1, csv.size())) {
            String[] f = line.split(",");
            assertEquals(f[5], f[7], line + ": the RTL's cycles are the tiling's");
            assertEquals(Long.parseLong(f[5]), Long.parseLong(f[8]) + Long.parseLong(f[9]) + Long.parseLong(f[10]), line);
            cycles += Long.parseLong(f[5]);
        }
        assertTrue(o.out().contains(String.format(java.util.Locale.ROOT, "%,d cycles per inference (batch 1)", cycles)), o.out());
        assertTrue(o.out().contains(String.format(java.util.Locale.ROOT, "at 100 MHz %.1f us per inference", cycles / 100.0)),
                o.out());
    }

    @Test
    void aMissingVerilatorExitsFourNamingThePackage() throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "cosim", "--rows", "4", "--cols", "4", "--limit", "1", "--out", tmp.toString());
        pb.environment().put("PATH", tmp.toString()); // no verilator here
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(4, p.exitValue(), output);
        assertTrue(output.contains("verilator not found") && output.contains("apt-get install verilator"), output);
    }

    /** KWS through the 4x4 accelerator's host port (the design AcceleratorCosimTest builds, so its harness is cached). */
    @Test
    void kwsRunsThroughTheAccelerator() throws IOException {
        MainTest.Outcome o = MainTest.run("cosim", "--target", "accelerator", "--model", "kws", "--rows", "4", "--cols",
                "4", "--memory-sizes", "16384,4096,2048,128,4", "--limit", "1", "--out", tmp.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("every layer's int8 output bit-exact"), o.out());
        String csv = Files.readString(tmp.resolve("accelerator-layers.csv"));
        assertTrue(csv.startsWith("layer,op,folds,macs,cycles,fetch,load,stream,drain") && csv.contains("dw3,"), csv);
        assertEquals(1, MainTest.run("cosim", "--target", "accelerator", "--batch", "2").code());
        assertEquals(1, MainTest.run("cosim", "--inject", "requant-shift").code());
    }

    /**
     * A model whose output is a DEQUANTIZE's float32 (as Arm's DS-CNN's): FULLY_CONNECTED to three
     * int8 scores, then float32; the float32 output is compared as its bytes, bit-exact.
     */
    @RequiresTools({"verilator"})
    @Test
    void aModelWithAFloat32OutputCosimulatesBitExact() throws IOException {
        TfliteBuilder b = new TfliteBuilder();
        byte[] weights = new byte[3 * 8];
        new Random(5).nextBytes(weights);
        ByteBuffer bias = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putInt(-300).putInt(0).putInt(450);
        int x = b.tensor("x", ElementType.INT8, new int[] {1, 8}, Quant.of(0.05f, -3));
        int w = b.constant("w", ElementType.INT8, new int[] {3, 8}, Quant.of(0.02f, 0), weights);
        int bi = b.constant("b", ElementType.INT32, new int[] {3}, Quant.of(0.001f, 0), bias.array());
        int y = b.tensor("y", ElementType.INT8, new int[] {1, 3}, Quant.of(0.1f, 2));
        int f = b.tensor("f", ElementType.FLOAT32, new int[] {1, 3}, null);
        b.operator(OpType.FULLY_CONNECTED, new int[] {x, w, bi}, new int[] {y}, new Options(8));
        b.operator(OpType.DEQUANTIZE, new int[] {y}, new int[] {f}, new Options(38));
        Path model = Files.write(tmp.resolve("fc-dequantize.tflite"), b.inputs(x).outputs(f).build());
        Path map = Files.writeString(tmp.resolve("map.json"), "{\"default\": \"roup-p1r2\"}");
        MainTest.Outcome o = MainTest.run("cosim", "--model", model.toString(), "--map", map.toString(), "--random", "2",
                "--limit", "2", "--rows", "4", "--cols", "4", "--out", tmp.resolve("out").toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("0 mismatches: bit-exact"), o.out());
    }
}
