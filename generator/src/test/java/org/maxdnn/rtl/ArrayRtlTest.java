package org.maxdnn.rtl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.maxdnn.array.ArrayConfig;
import org.maxdnn.io.AtomicFiles;
import org.maxdnn.io.ExternalTool;
import org.maxdnn.mult.MultiplierCatalog;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.mult.MultiplierRegistry;
import org.maxdnn.testing.RequiresTools;

/**
 * Systolic arrays (fixed and configurable) in Verilator against the golden GEMM
 * C[m][c] = Σ_r mult[r][c](A[m][r], W[r][c]) with int32 wrap-around, plus lint and latency.
 */
@RequiresTools({"verilator"})
class ArrayRtlTest {
    private static final Path WORK = Path.of("target", "rtl-test", "arrays").toAbsolutePath();
    private static final MultiplierRegistry REGISTRY = new MultiplierRegistry(null);

    private static List<MultiplierConfig> allConfigs() {
        return MultiplierCatalog.library();
    }

    private static List<List<MultiplierConfig>> randomMap(int rows, int cols, Random rnd) {
        List<MultiplierConfig> all = allConfigs();
        List<List<MultiplierConfig>> m = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            List<MultiplierConfig> row = new ArrayList<>();
            for (int c = 0; c < cols; c++) {
                row.add(all.get(rnd.nextInt(all.size())));
            }
            m.add(row);
        }
        return m;
    }

    @Test
    void fixedArrayMatchesGoldenGemm() throws Exception {
        Random rnd = new Random(11);
        int rows = 5;
        int cols = 4;
        ArrayConfig d = ArrayConfig.fixed("random", randomMap(rows, cols, rnd));
        runGemm(d, d.fixedConfigs(), rnd, 400);
    }

    @Test
    void configurableArrayMatchesGoldenGemmForAnyMap() throws Exception {
        Random rnd = new Random(12);
        int rows = 5;
        int cols = 4;
        ArrayConfig d = ArrayConfig.configurable(rows, cols);
        // every one of the 65 configurations appears in some load
        List<MultiplierConfig> all = d.code().configurations();
        assertEquals(65, all.size());
        List<List<List<MultiplierConfig>>> maps = new ArrayList<>();
        for (int start = 0; start < all.size(); start += rows * cols) {
            List<List<MultiplierConfig>> m = new ArrayList<>();
            for (int r = 0; r < rows; r++) {
                List<MultiplierConfig> row = new ArrayList<>();
                for (int c = 0; c < cols; c++) {
                    row.add(all.get((start + r * cols + c) % all.size()));
                }
                m.add(row);
            }
            maps.add(m);
        }
        Path harness = build(d);
        for (List<List<MultiplierConfig>> m : maps) {
            runGemm(d, harness, m, rnd, 300);
        }
    }

    @Test
    void defaultSizeArraysLintClean() throws Exception {
        Random rnd = new Random(13);
        Path dir = WORK.resolve("lint");
        ArrayConfig fixed = ArrayConfig.fixed("random", randomMap(16, 16, rnd));
        for (ArrayConfig d : List.of(ArrayConfig.configurable(16, 16), fixed, ArrayConfig.configurable(16, 16).withGating(true),
                fixed.withGating(true))) {
            RtlGenerator.ArrayFiles f = RtlGenerator.writeArray(d, null, dir);
            assertTrue(Files.readString(f.manifest()).contains("\"rows\" : 16"));
            // several modules in one file: the file-name style rule cannot hold
            ExternalTool.VERILATOR.run(dir, 300, "--lint-only", "-Wall", "-Wno-DECLFILENAME", "--top-module", d.moduleName(),
                    f.verilog().getFileName().toString());
            // and with the simulation-only toggle counters compiled in
            ExternalTool.VERILATOR.run(dir, 300, "--lint-only", "-Wall", "-Wno-DECLFILENAME", "+define+TOGGLE_COUNT",
                    "--top-module", d.moduleName(), f.verilog().getFileName().toString());
        }
    }

    private Path build(ArrayConfig d) throws IOException {
        Path dir = WORK.resolve(d.moduleName());
        RtlGenerator.ArrayFiles files = RtlGenerator.writeArray(d, null, dir);
        AtomicFiles.writeString(dir.resolve("harness.cpp"), harness(d));
        long t0 = System.nanoTime();
        ExternalTool.VERILATOR.run(dir, 600, "--cc", "--exe", "--build", "-O1", "-j", "2", "--top-module",
                d.moduleName(), "-Mdir", "obj", "-o", "harness", files.verilog().getFileName().toString(), "harness.cpp");
        System.out.printf("%s: verilator build %.1f s%n", d.moduleName(), (System.nanoTime() - t0) / 1e9);
        return dir.resolve("obj/harness");
    }

    private void runGemm(ArrayConfig d, List<List<MultiplierConfig>> map, Random rnd, int m) throws Exception {
        runGemm(d, build(d), map, rnd, m);
    }

    private void runGemm(ArrayConfig d, Path harness, List<List<MultiplierConfig>> map, Random rnd, int m)
            throws Exception {
        int rows = d.rows();
        int cols = d.cols();
        int[][] w = new int[rows][cols];
        int[][] a = new int[m][rows];
        StringBuilder in = new StringBuilder().append(m).append('\n');
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                w[r][c] = rnd.nextInt(256) - 128;
                in.append(w[r][c]).append(' ');
            }
            in.append('\n');
        }
        if (d.isConfigurable()) {
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    in.append(d.code().code(map.get(r).get(c))).append(' ');
                }
                in.append('\n');
            }
        }
        for (int i = 0; i < m; i++) {
            for (int r = 0; r < rows; r++) {
                // extremes are the interesting operands: bias a tenth of them to -128/127
                int v = rnd.nextInt(10) == 0 ? (rnd.nextBoolean() ? -128 : 127) : rnd.nextInt(256) - 128;
                a[i][r] = v;
                in.append(v).append(' ');
            }
            in.append('\n');
        }
        Path dir = harness.getParent().getParent();
        Path stim = dir.resolve("stim.txt");
        Path out = dir.resolve("out.txt");
        AtomicFiles.writeString(stim, in.toString());
        Process p = new ProcessBuilder(harness.toString(), stim.toString(), out.toString()).inheritIO().start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "harness timed out");
        assertEquals(0, p.exitValue(), "harness exit code");
        List<String> lines = Files.readAllLines(out);
        assertEquals(m, lines.size(), "output vectors");
        for (int i = 0; i < m; i++) {
            String[] f = lines.get(i).trim().split("\\s+");
            assertEquals(cols + 1, f.length, "line " + i);
            assertEquals(d.latency(), Integer.parseInt(f[cols]), "latency of vector " + i);
            for (int c = 0; c < cols; c++) {
                int expected = 0;
                for (int r = 0; r < rows; r++) {
                    expected += REGISTRY.get(map.get(r).get(c)).multiply(a[i][r], w[r][c]);
                }
                assertEquals(expected, Integer.parseInt(f[c]), d.moduleName() + " vector " + i + " column " + c);
            }
        }
    }

    /** A C++ harness: reads weights (and codes), streams activations, prints psums and latency. */
    static String harness(ArrayConfig d) {
        String v = "V" + d.moduleName();
        int rows = d.rows();
        int cols = d.cols();
        StringBuilder s = new StringBuilder();
        s.append("#include \"").append(v).append(".h\"\n#include \"verilated.h\"\n#include <cstdio>\n#include <cstdint>\n#include <vector>\n");
        s.append("static ").append(v).append("* top;\n");
        s.append("static void tick() { top->clock = 0; top->eval(); top->clock = 1; top->eval(); }\n");
        s.append("int main(int argc, char** argv) {\n");
        s.append("  FILE* in = std::fopen(argv[1], \"r\"); FILE* out = std::fopen(argv[2], \"w\");\n");
        s.append("  if (!in || !out) return 2;\n");
        s.append("  VerilatedContext* ctx = new VerilatedContext;\n  top = new ").append(v).append("{ctx};\n");
        s.append("  int M; if (std::fscanf(in, \"%d\", &M) != 1) return 2;\n");
        s.append("  int W[").append(rows).append("][").append(cols).append("], K[").append(rows).append("][")
                .append(cols).append("];\n");
        s.append("  for (int r = 0; r < ").append(rows).append("; r++) for (int c = 0; c < ").append(cols)
                .append("; c++) if (std::fscanf(in, \"%d\", &W[r][c]) != 1) return 2;\n");
        if (d.isConfigurable()) {
            s.append("  for (int r = 0; r < ").append(rows).append("; r++) for (int c = 0; c < ").append(cols)
                    .append("; c++) if (std::fscanf(in, \"%d\", &K[r][c]) != 1) return 2;\n");
        }
        s.append("  top->reset = 1; top->inValid = 0; top->wloadEn = 0; tick(); tick(); top->reset = 0;\n");
        s.append("  for (int r = 0; r < ").append(rows).append("; r++) {\n");
        s.append("    top->wloadEn = 1; top->wloadRow = r;\n");
        for (int c = 0; c < cols; c++) {
            s.append("    top->wloadWeight_").append(c).append(" = (uint8_t) W[r][").append(c).append("];\n");
            if (d.isConfigurable()) {
                s.append("    top->wloadCfg_").append(c).append(" = K[r][").append(c).append("];\n");
            }
        }
        s.append("    tick();\n  }\n  top->wloadEn = 0;\n");
        s.append("  std::vector<long> sent;\n  long cycle = 0; int got = 0; int m = 0;\n");
        s.append("  while (got < M) {\n");
        s.append("    if (m < M) {\n      top->inValid = 1;\n");
        for (int r = 0; r < rows; r++) {
            s.append("      { int x; if (std::fscanf(in, \"%d\", &x) != 1) return 2; top->inAct_").append(r)
                    .append(" = (uint8_t) x; }\n");
        }
        s.append("      sent.push_back(cycle); m++;\n    } else {\n      top->inValid = 0;\n    }\n");
        s.append("    top->clock = 0; top->eval();\n");
        s.append("    if (top->outValid) {\n");
        for (int c = 0; c < cols; c++) {
            s.append("      std::fprintf(out, \"%d \", (int32_t) top->outPsum_").append(c).append(");\n");
        }
        s.append("      std::fprintf(out, \"%ld\\n\", cycle - sent[got]); got++;\n    }\n");
        s.append("    top->clock = 1; top->eval(); cycle++;\n");
        s.append("    if (cycle > M + 10000) return 3;\n  }\n");
        s.append("  std::fclose(out); top->final(); delete top; delete ctx; return 0;\n}\n");
        return s.toString();
    }
}
