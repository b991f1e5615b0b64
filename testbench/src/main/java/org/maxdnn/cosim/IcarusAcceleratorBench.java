package org.maxdnn.cosim;

import java.nio.file.Path;
import java.util.Map;
import org.maxdnn.accel.AcceleratorConfig;
import org.maxdnn.rtl.RtlTemplate;

/**
 * The Icarus testbench of an accelerator ({@code AcceleratorBench.sv} of rtl-templates): the Verilator
 * harness's host commands from a file, the responses as text. Compiled once per design, cached.
 */
final class IcarusAcceleratorBench {
    private IcarusAcceleratorBench() {
    }

    static Path build(AcceleratorConfig config, String verilog) {
        return IcarusHarness.compile("icarus-accel-", config.moduleName(), verilog,
                RtlTemplate.fill("AcceleratorBench.sv", Map.of("MODULE", config.moduleName())));
    }
}
