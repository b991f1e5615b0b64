package org.maxdnn.cosim;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.maxdnn.MaxdnnException;
import org.maxdnn.array.ArrayConfig;
import org.maxdnn.io.AtomicFiles;
import org.maxdnn.io.ExternalTool;

/**
 * The Verilator C++ harness of an array, speaking a binary protocol on stdin/stdout:
 * {@code 'L'} + rows·cols int8 weights + rows·cols config codes loads a tile (a fixed array has no
 * code ports and ignores the codes); {@code 'S'} + int32 n + n·rows int8 activations streams n
 * vectors and answers n·cols int32 partial sums (little endian); {@code 'C'} answers the int64
 * clock cycles run since reset; {@code 'Q'} quits. With {@code --vcd FILE} it dumps a waveform
 * (traced build); the toggle-counting build (TOGGLE_COUNT defined) takes {@code +toggles=FILE},
 * where the PEs' counters are written at the end. Builds are cached by a hash of the Verilog, the harness and the flags, so
 * a design is compiled once per machine ({@link CacheFolder}, also when runs share the cache).
 */
public final class ArrayHarness {
    private ArrayHarness() {
    }

    /** The C++ source for {@code design}. */
    static String source(ArrayConfig d, boolean trace) {
        String v = "V" + d.moduleName();
        int rows = d.rows();
        int cols = d.cols();
        StringBuilder s = new StringBuilder();
        s.append("// MAx-DNN cosimulation harness for ").append(d.moduleName()).append(" (generated)\n");
        s.append("#include \"").append(v).append(".h\"\n#include \"verilated.h\"\n");
        if (trace) {
            s.append("#include \"verilated_vcd_c.h\"\n");
        }
        s.append("#include <cstdio>\n#include <cstdint>\n#include <cstring>\n#include <vector>\n");
        s.append("static ").append(v).append("* top;\nstatic uint64_t t = 0, cycles = 0;\n");
        s.append(trace ? "static VerilatedVcdC* tfp = nullptr;\n" : "");
        s.append("static void half(int clk) { top->clock = clk; top->eval();")
                .append(trace ? " if (tfp) tfp->dump(t);" : "").append(" t++; }\n");
        s.append("static bool rd(void* p, size_t n) { return std::fread(p, 1, n, stdin) == n; }\n");
        s.append("int main(int argc, char** argv) {\n");
        s.append("  VerilatedContext* ctx = new VerilatedContext;\n  ctx->commandArgs(argc, argv);\n");
        if (trace) {
            s.append("  ctx->traceEverOn(true);\n");
        }
        s.append("  top = new ").append(v).append("{ctx};\n");
        if (trace) {
            s.append("  if (argc > 2 && !std::strcmp(argv[1], \"--vcd\")) { tfp = new VerilatedVcdC; top->trace(tfp, 99); tfp->open(argv[2]); }\n");
        }
        s.append("  top->reset = 1; top->inValid = 0; top->wloadEn = 0;\n");
        s.append("  for (int i = 0; i < 2; i++) { half(0); half(1); }\n  top->reset = 0; cycles = 0;\n");
        s.append("  static int8_t W[").append(rows).append("][").append(cols).append("];\n");
        s.append("  static uint8_t K[").append(rows).append("][").append(cols).append("];\n");
        s.append("  std::vector<int8_t> A; std::vector<int32_t> O;\n");
        s.append("  for (;;) {\n    int cmd = std::getchar();\n    if (cmd == EOF || cmd == 'Q') break;\n");
        s.append("    if (cmd == 'L') {\n      if (!rd(W, sizeof W) || !rd(K, sizeof K)) return 2;\n");
        s.append("      for (int r = 0; r < ").append(rows).append("; r++) {\n");
        s.append("        top->wloadEn = 1; top->wloadRow = r;\n");
        for (int c = 0; c < cols; c++) {
            s.append("        top->wloadWeight_").append(c).append(" = (uint8_t) W[r][").append(c).append("];");
            if (d.isConfigurable()) {
                s.append(" top->wloadCfg_").append(c).append(" = K[r][").append(c).append("];");
            }
            s.append('\n');
        }
        s.append("        half(0); half(1); cycles++;\n      }\n      top->wloadEn = 0;\n");
        s.append("    } else if (cmd == 'S') {\n      int32_t n; if (!rd(&n, 4) || n < 0) return 2;\n");
        s.append("      A.resize((size_t) n * ").append(rows).append("); O.resize((size_t) n * ").append(cols).append(");\n");
        s.append("      if (n > 0 && !rd(A.data(), A.size())) return 2;\n");
        s.append("      int32_t sent = 0, got = 0; long guard = 0;\n");
        s.append("      while (got < n) {\n        if (sent < n) {\n          const int8_t* a = &A[(size_t) sent * ")
                .append(rows).append("];\n          top->inValid = 1;\n");
        for (int r = 0; r < rows; r++) {
            s.append("          top->inAct_").append(r).append(" = (uint8_t) a[").append(r).append("];\n");
        }
        s.append("          sent++;\n        } else {\n          top->inValid = 0;\n        }\n");
        s.append("        half(0);\n        if (top->outValid) {\n          int32_t* o = &O[(size_t) got * ").append(cols)
                .append("];\n");
        for (int c = 0; c < cols; c++) {
            s.append("          o[").append(c).append("] = (int32_t) top->outPsum_").append(c).append(";\n");
        }
        s.append("          got++;\n        }\n        half(1); cycles++;\n");
        s.append("        if (++guard > (long) n + 100000) return 3;\n      }\n");
        s.append("      std::fwrite(O.data(), 4, O.size(), stdout); std::fflush(stdout);\n");
        s.append("    } else if (cmd == 'C') {\n      std::fwrite(&cycles, 8, 1, stdout); std::fflush(stdout);\n");
        s.append("    } else {\n      return 4;\n    }\n  }\n");
        s.append(trace ? "  if (tfp) tfp->close();\n" : "");
        s.append("  top->final(); delete top; delete ctx; return 0;\n}\n");
        return s.toString();
    }

    /**
     * The harness binary for {@code verilog} (the array module {@code design.moduleName()}), built on
     * demand under the cache folder.
     */
    public static Path build(ArrayConfig design, String verilog, boolean trace, boolean toggles) {
        ExternalTool.VERILATOR.locate();
        String harness = source(design, trace);
        // the model's fast path at -O2 (Verilator's default there is -Os): measured 5-7% faster
        List<String> flags = new ArrayList<>(List.of("--cc", "--exe", "--build", "-j", "2", "-Wno-fatal",
                "--top-module", design.moduleName(), "-CFLAGS", "-O1", "-MAKEFLAGS", "OPT_FAST=-O2", "-Mdir", "obj",
                "-o", "harness"));
        if (trace) {
            flags.add("--trace");
        }
        if (toggles) {
            flags.add("+define+TOGGLE_COUNT");
        }
        Path dir = cacheRoot().resolve(hash(verilog, harness, String.join(" ", flags)));
        Path binary = dir.resolve("obj/harness");
        return CacheFolder.built(dir, binary, () -> {
            AtomicFiles.writeString(dir.resolve(design.moduleName() + ".sv"), verilog);
            AtomicFiles.writeString(dir.resolve("harness.cpp"), harness);
            List<String> args = new ArrayList<>(flags);
            args.add(design.moduleName() + ".sv");
            args.add("harness.cpp");
            ExternalTool.VERILATOR.run(dir, 3600, args.toArray(new String[0]));
            if (!Files.isExecutable(binary)) {
                throw new MaxdnnException(MaxdnnException.MISSING_TOOL, "verilator did not produce " + binary);
            }
        });
    }

    /** $MAXDNN_CACHE, else ~/.cache/maxdnn, + /cosim. */
    static Path cacheRoot() {
        String env = System.getenv("MAXDNN_CACHE");
        Path root = env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".cache", "maxdnn");
        return root.resolve("cosim");
    }

    static String hash(String... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String p : parts) {
                md.update(p.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
