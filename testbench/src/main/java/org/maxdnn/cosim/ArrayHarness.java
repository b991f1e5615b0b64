package org.maxdnn.cosim;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.maxdnn.MaxdnnException;
import org.maxdnn.array.ArrayConfig;
import org.maxdnn.io.AtomicFiles;
import org.maxdnn.io.ExternalTool;
import org.maxdnn.rtl.RtlTemplate;

/**
 * The Verilator C++ harness of an array ({@code ArrayHarness.cpp} of rtl-templates), speaking a binary protocol on stdin/stdout:
 * {@code 'L'} + rows·cols int8 weights + rows·cols config codes + cols column enables loads a tile
 * (a fixed array has no code ports and ignores the codes, a plain one has no column enables); {@code 'S'} + int32 n + n·rows int8 activations streams n
 * vectors and answers n·cols int32 partial sums (little endian); {@code 'C'} answers the int64
 * clock cycles run since reset; {@code 'Q'} quits. With {@code --vcd FILE} it dumps a waveform
 * (traced build); the toggle-counting build (TOGGLE_COUNT defined) takes {@code +toggles=FILE},
 * where the PEs' counters are written at the end. Builds are cached by a hash of the Verilog, the harness and the flags, so
 * a design is compiled once per machine ({@link CacheFolder}, also when runs share the cache).
 */
public final class ArrayHarness {
    private ArrayHarness() {
    }

    /** The C++ source for {@code d}: the template of rtl-templates with the array's ports. */
    static String source(ArrayConfig d) {
        return RtlTemplate.fill("ArrayHarness.cpp", Map.of(
                "MODULE", d.moduleName(),
                "ROWS", d.rows(),
                "COLS", d.cols(),
                "WEIGHT_PORTS", ports("wloadWeight_", d.cols()),
                "CODE_PORTS", d.codeBits() > 0 ? ports("wloadCfg_", d.cols()) : "",
                "COLUMN_PORTS", d.gated() ? ports("colEnable_", d.cols()) : "",
                "ACT_PORTS", ports("inAct_", d.rows()),
                "PSUM_PORTS", ports("outPsum_", d.cols())));
    }

    /** The C++ list {@code &top->NAME0, &top->NAME1, ...} of a vector port's elements. */
    private static String ports(String name, int n) {
        return IntStream.range(0, n).mapToObj(i -> "&top->" + name + i).collect(Collectors.joining(", "));
    }

    /**
     * The harness binary for {@code verilog} (the array module {@code design.moduleName()}), built on
     * demand under the cache folder.
     */
    public static Path build(ArrayConfig design, String verilog, boolean trace, boolean toggles) {
        List<String> extra = new ArrayList<>();
        if (trace) {
            extra.add("--trace");
        }
        if (toggles) {
            extra.add("+define+TOGGLE_COUNT");
        }
        return verilate("", design.moduleName(), verilog, source(design), extra);
    }

    /**
     * The Verilator build of {@code verilog} (top module {@code top}) with the C++ {@code harness},
     * cached under {@code prefix} + a hash of the sources and flags; {@code extra} flags after the common ones.
     */
    static Path verilate(String prefix, String top, String verilog, String harness, List<String> extra) {
        ExternalTool.VERILATOR.locate();
        // the model's fast path at -O2 (Verilator's default there is -Os): measured 5-7% faster
        List<String> flags = new ArrayList<>(List.of("--cc", "--exe", "--build", "-j", "2", "-Wno-fatal",
                "--top-module", top, "-CFLAGS", "-O1", "-MAKEFLAGS", "OPT_FAST=-O2", "-Mdir", "obj",
                "-o", "harness"));
        flags.addAll(extra);
        Path dir = cacheRoot().resolve(prefix + hash(verilog, harness, String.join(" ", flags)));
        Path binary = dir.resolve("obj/harness");
        return CacheFolder.built(dir, binary, () -> {
            AtomicFiles.writeString(dir.resolve(top + ".sv"), verilog);
            AtomicFiles.writeString(dir.resolve("harness.cpp"), harness);
            List<String> args = new ArrayList<>(flags);
            args.add(top + ".sv");
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
