package org.maxdnn.cosim;

import java.nio.file.Path;
import java.util.Map;
import org.maxdnn.array.ArrayConfig;
import org.maxdnn.io.AtomicFiles;
import org.maxdnn.io.ExternalTool;
import org.maxdnn.rtl.RtlTemplate;

/**
 * The Icarus Verilog testbench of an array ({@code IcarusHarness.sv} of rtl-templates): the same command records as the Verilator harness
 * ({@link ArrayHarness}), read from the file {@code +in=FILE}, driving the array cycle by cycle the
 * same way; the partial sums go to {@code +out=FILE} as decimal text, one vector per line, and a
 * cycle count as a line {@code C <cycles>}.
 * Compiled once per design with {@code iverilog -g2012} and cached like the Verilator build.
 */
public final class IcarusHarness {
    private IcarusHarness() {
    }

    /** The testbench of {@code d}: the template of rtl-templates with the array's ports connected. */
    static String source(ArrayConfig d) {
        StringBuilder ports = new StringBuilder();
        for (int r = 0; r < d.rows(); r++) {
            ports.append(String.format(",%n    .inAct_%d(inActs[%d +: 8]), .outAct_%d(outActs[%d +: 8])", r, 8 * r, r, 8 * r));
        }
        for (int c = 0; c < d.cols(); c++) {
            ports.append(String.format(",%n    .wloadWeight_%d(wloadWeights[%d +: 8]), .outPsum_%d(outPsums[%d +: 32])", c,
                    8 * c, c, 32 * c));
            if (d.gated()) {
                ports.append(String.format(", .colEnable_%d(colEnables[%d])", c, c));
            }
            if (d.codeBits() > 0) {
                ports.append(String.format(", .wloadCfg_%d(wloadCfgs[%d +: %d])", c, d.codeBits() * c, d.codeBits()));
            }
        }
        return RtlTemplate.fill("IcarusHarness.sv", Map.of(
                "MODULE", d.moduleName(),
                "ROWS", d.rows(),
                "COLS", d.cols(),
                "CODE_BITS", Math.max(1, d.codeBits()),
                "ROW_INDEX_BITS", d.rowIndexBits(),
                "PORTS", ports));
    }

    /** The compiled testbench ({@code vvp} image) of {@code verilog}, built on demand under the cache folder. */
    public static Path build(ArrayConfig design, String verilog) {
        return compile("icarus-", design.moduleName(), verilog, source(design));
    }

    /** The {@code vvp} image of testbench {@code tb} (top {@code tb}) over {@code verilog}, cached under {@code prefix} + a hash. */
    static Path compile(String prefix, String top, String verilog, String tb) {
        ExternalTool.IVERILOG.locate();
        ExternalTool.VVP.locate();
        Path dir = ArrayHarness.cacheRoot().resolve(prefix + ArrayHarness.hash(verilog, tb));
        Path image = dir.resolve("tb.vvp");
        return CacheFolder.built(dir, image, () -> {
            AtomicFiles.writeString(dir.resolve(top + ".sv"), verilog);
            AtomicFiles.writeString(dir.resolve("tb.sv"), tb);
            ExternalTool.IVERILOG.run(dir, 600, "-g2012", "-o", "tb.vvp", "-s", "tb", "tb.sv", top + ".sv");
        });
    }
}
