package org.maxdnn.rtl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.maxdnn.io.AtomicFiles;
import org.maxdnn.io.ExternalTool;
import org.maxdnn.mult.Multiplier;
import org.maxdnn.mult.MultiplierCatalog;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.mult.MultiplierRegistry;
import org.maxdnn.sim.YosysSynth;
import org.maxdnn.testing.CellCountOrdering;
import org.maxdnn.testing.RequiresTools;

/**
 * The standalone multiplier modules (what synthesis and the energy flow take): exhaustive (65,536
 * pairs) in Icarus for three configurations, lint-clean under {@code verilator -Wall}, and Yosys
 * cell counts ordered by perforation and rounding. Every configuration's exhaustive check inside
 * the PE runs in Verilator in the testbench ({@code PeExhaustiveTest}).
 */
class MultiplierRtlTest {
    private static final Path WORK = Path.of("target", "rtl-test", "multipliers").toAbsolutePath();
    private static final MultiplierRegistry REGISTRY = new MultiplierRegistry(null);

    private static List<MultiplierConfig> configs;
    private static Map<String, String> modules;
    private static Path combined;

    @BeforeAll
    static void emit() throws IOException {
        Files.createDirectories(WORK);
        configs = MultiplierCatalog.library();
        long t0 = System.nanoTime();
        modules = Circuits.verilog(Circuits.of(configs, null));
        combined = RtlGenerator.writeModules(modules, WORK.resolve("multipliers.sv"));
        System.out.printf("emitted %d multipliers in %.1f s%n", modules.size(), (System.nanoTime() - t0) / 1e9);
        assertEquals(configs.size(), modules.size(), "a module per configuration of the catalogue");
        assertEquals(65, configs.stream().filter(c -> List.of("exact", "roup", "roupc").contains(c.family().id())).count());
    }

    private static void compare(MultiplierConfig c, int a, int b, int actual) {
        Multiplier m = REGISTRY.get(c);
        int expected = m.multiply(a, b);
        if (expected != actual) {
            fail(c.name() + " (" + RtlGenerator.moduleName(c) + "): a=" + a + " b=" + b + " expected " + expected
                    + " but RTL gives " + actual);
        }
    }

    @RequiresTools({"iverilog", "vvp"})
    @Test
    void icarusExhaustiveThreeConfigs() throws Exception {
        List<MultiplierConfig> three = List.of(MultiplierConfig.EXACT, MultiplierConfig.parse("roup-p1r2"),
                MultiplierConfig.parse("roupc-p2r5"));
        Path dir = WORK.resolve("icarus");
        Files.createDirectories(dir);
        StringBuilder tb = new StringBuilder("module tb;\n  reg [7:0] a, b;\n");
        for (int i = 0; i < three.size(); i++) {
            tb.append("  wire signed [15:0] p").append(i).append(";\n  ").append(RtlGenerator.moduleName(three.get(i)))
                    .append(" m").append(i).append(" (.a(a), .b(b), .product(p").append(i).append("));\n");
        }
        tb.append("  integer i, j;\n  initial begin\n");
        tb.append("    for (i = 0; i < 256; i = i + 1) for (j = 0; j < 256; j = j + 1) begin\n");
        tb.append("      a = i[7:0]; b = j[7:0]; #1;\n");
        tb.append("      $display(\"%0d %0d");
        tb.append(" %0d".repeat(three.size())).append("\", $signed(a), $signed(b)");
        for (int i = 0; i < three.size(); i++) {
            tb.append(", p").append(i);
        }
        tb.append(");\n    end\n    $finish;\n  end\nendmodule\n");
        AtomicFiles.writeString(dir.resolve("tb.sv"), tb.toString());
        ExternalTool.IVERILOG.run(dir, 120, "-g2012", "-o", "tb.vvp", "tb.sv", combined.toString());
        String out = ExternalTool.VVP.run(dir, 120, "-n", "tb.vvp").output();
        int lines = 0;
        for (String line : out.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length != 2 + three.size() || !f[0].matches("-?\\d+")) {
                continue;
            }
            int a = Integer.parseInt(f[0]);
            int b = Integer.parseInt(f[1]);
            for (int i = 0; i < three.size(); i++) {
                compare(three.get(i), a, b, Integer.parseInt(f[2 + i]));
            }
            lines++;
        }
        assertEquals(65536, lines, "pairs printed by vvp");
    }

    @RequiresTools({"verilator"})
    @Test
    void verilatorLintWallEachModule() throws Exception {
        Path dir = WORK.resolve("lint");
        List<Path> files = RtlGenerator.writeModuleFiles(modules, dir);
        List<String> failures = new ArrayList<>();
        for (Path f : files) {
            try {
                ExternalTool.VERILATOR.run(dir, 60, "--lint-only", "-Wall", f.getFileName().toString());
            } catch (RuntimeException e) {
                failures.add(e.getMessage());
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " modules fail lint:\n" + String.join("\n", failures));
    }

    /**
     * Cells (Yosys generic gates) against perforation P and rounding R, every step of R at every P.
     * More perforation always removes cells. More rounding removes cells too, except where it is a
     * finding: roupc's first 2P + 1 values of R change nothing (the cut stays below the lowest
     * surviving row), and roup's first rounding step at P = 3 costs more than it saves (the
     * rounding dots outweigh the one column left). On osu018 the first rounding step costs cells
     * at every P (roup-p0r1 267 cells vs exact 259: see flow's characterisation golden).
     */
    @RequiresTools({"yosys"})
    @Test
    void yosysCellCountsOverEveryPerforationAndRounding() {
        List<String> names = configs.stream().map(RtlGenerator::moduleName).toList();
        Map<String, YosysSynth.ModuleSize> byModule = YosysSynth.cellCounts(combined, names, null, WORK.resolve("cells"), 600);
        Map<MultiplierConfig, Integer> cells = new java.util.LinkedHashMap<>();
        for (MultiplierConfig c : configs) {
            cells.put(c, byModule.get(RtlGenerator.moduleName(c)).cells());
        }
        System.out.println("cells (generic gates): " + cells);
        AtomicFiles.writeString(WORK.resolve("cells.txt"), cells.toString().replace(", ", "\n") + "\n");
        CellCountOrdering.check(cells, List.of("roup-p3r1 > roup-p3r0"));
    }
}
