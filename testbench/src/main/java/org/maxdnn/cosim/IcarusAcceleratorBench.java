package org.maxdnn.cosim;

import java.nio.file.Path;
import java.util.Map;
import org.maxdnn.accel.AcceleratorConfig;
import org.maxdnn.io.AtomicFiles;
import org.maxdnn.io.ExternalTool;
import org.maxdnn.rtl.RtlTemplate;

/**
 * The Icarus testbench of an accelerator ({@code AcceleratorBench.sv} of rtl-templates): the Verilator
 * harness's host commands from a file, the responses as text. Compiled once per design, cached.
 */
final class IcarusAcceleratorBench {
    private IcarusAcceleratorBench() {
    }

    static Path build(AcceleratorConfig config, String verilog) {
        ExternalTool.IVERILOG.locate();
        ExternalTool.VVP.locate();
        String tb = RtlTemplate.fill("AcceleratorBench.sv", Map.of("MODULE", config.moduleName()));
        Path dir = ArrayHarness.cacheRoot().resolve("icarus-accel-" + ArrayHarness.hash(verilog, tb));
        Path image = dir.resolve("tb.vvp");
        return CacheFolder.built(dir, image, () -> {
            AtomicFiles.writeString(dir.resolve(config.moduleName() + ".sv"), verilog);
            AtomicFiles.writeString(dir.resolve("tb.sv"), tb);
            ExternalTool.IVERILOG.run(dir, 600, "-g2012", "-o", "tb.vvp", "-s", "tb", "tb.sv", config.moduleName() + ".sv");
        });
    }
}
