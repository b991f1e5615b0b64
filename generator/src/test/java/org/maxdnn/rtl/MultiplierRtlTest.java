package org.maxdnn.rtl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.maxdnn.io.AtomicFiles;
import org.maxdnn.io.ExternalTool;
import org.maxdnn.mult.Multiplier;
import org.maxdnn.mult.MultiplierCatalog;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.mult.MultiplierFamily;
import org.maxdnn.mult.MultiplierRegistry;
import org.maxdnn.testing.RequiresTools;

/**
 * The generated multipliers against the Java golden models: exhaustive (65,536 pairs) for all 65
 * configurations in Verilator, for three in Icarus; lint-clean under {@code verilator -Wall}; and
 * Yosys cell counts that shrink as rows are perforated and bits rounded away.
 */
class MultiplierRtlTest {
    private static final Path WORK = Path.of("target", "rtl-test", "multipliers").toAbsolutePath();
    private static final MultiplierRegistry REGISTRY = new MultiplierRegistry(null);

    private static List<MultiplierConfig> configs;
    private static List<String> names;
    /** roup configurations with R > 0, also built with the shared incrementer. */
    private static final List<MultiplierConfig> incConfigs = new ArrayList<>();
    private static Map<String, String> modules;
    private static Path combined;

    @BeforeAll
    static void emit() throws IOException {
        Files.createDirectories(WORK);
        configs = MultiplierCatalog.library();
        long t0 = System.nanoTime();
        modules = new java.util.LinkedHashMap<>(RtlGenerator.multipliers(configs));
        // the shared-incrementer form of roup rounding, checked exhaustively too
        for (MultiplierConfig c : MultiplierConfig.family(MultiplierFamily.ROUP)) {
            if (c.r() > 0) {
                modules.put(RtlGenerator.moduleName(c, true), RtlGenerator.multiplierVerilog(c, true));
                incConfigs.add(c);
            }
        }
        combined = RtlGenerator.writeModules(modules, WORK.resolve("multipliers.sv"));
        System.out.printf("emitted %d multipliers in %.1f s%n", modules.size(), (System.nanoTime() - t0) / 1e9);
        names = configs.stream().map(RtlGenerator::moduleName).toList();
        assertEquals(65 + 28, modules.size());
    }

    private static void compare(MultiplierConfig c, int a, int b, int actual) {
        Multiplier m = REGISTRY.get(c);
        int expected = m.multiply(a, b);
        if (expected != actual) {
            fail(c.name() + " (" + RtlGenerator.moduleName(c) + "): a=" + a + " b=" + b + " expected " + expected
                    + " but RTL gives " + actual);
        }
    }

    @RequiresTools({"verilator"})
    @Test
    void verilatorExhaustiveAllConfigs() throws Exception {
        Path dir = WORK.resolve("verilator");
        Files.createDirectories(dir);
        Path bank = dir.resolve("MultBank.sv");
        List<String> bankNames = new ArrayList<>(names);
        List<MultiplierConfig> bankConfigs = new ArrayList<>(configs);
        for (MultiplierConfig c : incConfigs) {
            bankNames.add(RtlGenerator.moduleName(c, true));
            bankConfigs.add(c);
        }
        AtomicFiles.writeString(bank, RtlGenerator.bankVerilog("MultBank", bankNames));
        int n = bankNames.size();
        StringBuilder cpp = new StringBuilder();
        cpp.append("#include \"VMultBank.h\"\n#include \"verilated.h\"\n#include <cstdio>\n#include <cstdint>\n");
        cpp.append("int main(int argc, char** argv) {\n");
        cpp.append("  VerilatedContext* ctx = new VerilatedContext;\n");
        cpp.append("  VMultBank* top = new VMultBank{ctx};\n");
        cpp.append("  FILE* f = std::fopen(argv[1], \"wb\");\n  if (!f) return 2;\n");
        cpp.append("  int16_t buf[").append(n).append("];\n");
        cpp.append("  for (int a = -128; a < 128; a++) for (int b = -128; b < 128; b++) {\n");
        cpp.append("    top->a = (uint8_t) a; top->b = (uint8_t) b; top->eval();\n");
        for (int i = 0; i < n; i++) {
            cpp.append("    buf[").append(i).append("] = (int16_t) top->p").append(i).append(";\n");
        }
        cpp.append("    std::fwrite(buf, sizeof(int16_t), ").append(n).append(", f);\n  }\n");
        cpp.append("  std::fclose(f);\n  top->final();\n  delete top;\n  delete ctx;\n  return 0;\n}\n");
        AtomicFiles.writeString(dir.resolve("harness.cpp"), cpp.toString());

        long t0 = System.nanoTime();
        ExternalTool.VERILATOR.run(dir, 600, "--cc", "--exe", "--build", "-O2", "-j", "2",
                "--top-module", "MultBank", "-Mdir", "obj", "-o", "harness",
                bank.toString(), combined.toString(), "harness.cpp");
        System.out.printf("verilator build %.1f s%n", (System.nanoTime() - t0) / 1e9);
        Path out = dir.resolve("products.bin");
        Process proc = new ProcessBuilder(dir.resolve("obj/harness").toString(), out.toString())
                .directory(dir.toFile()).inheritIO().start();
        assertTrue(proc.waitFor(120, TimeUnit.SECONDS), "harness timed out");
        assertEquals(0, proc.exitValue(), "harness exit code");

        ByteBuffer buf = ByteBuffer.wrap(Files.readAllBytes(out)).order(ByteOrder.nativeOrder());
        assertEquals(65536L * n * 2, buf.capacity());
        for (int a = -128; a < 128; a++) {
            for (int b = -128; b < 128; b++) {
                for (int i = 0; i < n; i++) {
                    compare(bankConfigs.get(i), a, b, buf.getShort());
                }
            }
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

    @RequiresTools({"yosys"})
    @Test
    void yosysCellCountsShrinkWithApproximation() {
        Map<String, Integer> cells = Synthesis.cellCounts(combined, names, 600);
        StringBuilder table = new StringBuilder("cells:");
        for (String n : names) {
            table.append(' ').append(n).append('=').append(cells.get(n));
        }
        System.out.println(table);
        AtomicFiles.writeString(WORK.resolve("cells.txt"), table.toString().replace(' ', '\n') + "\n");
        // roup: more perforation, fewer cells
        assertDecreasing(cells, "Exact", "Roup_p1r0", "Roup_p2r0", "Roup_p3r0");
        // roup: more multiplicand rounding, fewer cells, at every P
        for (int p = 0; p <= 3; p++) {
            assertDecreasing(cells, "Roup_p" + p + "r0", "Roup_p" + p + "r2", "Roup_p" + p + "r4");
        }
        // roupc: for R <= 2P nothing is cut from a surviving row, beyond it every column cut removes cells
        for (int p = 0; p <= 3; p++) {
            List<String> chain = new ArrayList<>();
            for (int r = 2 * p; r <= 7; r++) {
                chain.add("Roupc_p" + p + "r" + r);
            }
            if (chain.size() > 1) {
                assertDecreasing(cells, chain.toArray(String[]::new));
            }
        }
    }

    private static void assertDecreasing(Map<String, Integer> cells, String... modules) {
        for (int i = 1; i < modules.length; i++) {
            int prev = cells.get(modules[i - 1]);
            int cur = cells.get(modules[i]);
            assertTrue(cur < prev, modules[i] + " has " + cur + " cells, not fewer than " + modules[i - 1] + " with "
                    + prev);
        }
    }
}
