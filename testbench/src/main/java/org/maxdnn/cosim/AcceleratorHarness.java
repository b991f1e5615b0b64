package org.maxdnn.cosim;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.maxdnn.accel.AcceleratorConfig;
import org.maxdnn.rtl.RtlTemplate;

/**
 * The Verilator C++ harness of an accelerator ({@code AcceleratorHarness.cpp} of rtl-templates): a host
 * on the host port speaking a binary protocol on stdin/stdout ({@link HostCommands}). Built once per
 * design under the simulator cache, as the array's harness ({@link ArrayHarness}).
 */
final class AcceleratorHarness {
    private AcceleratorHarness() {
    }

    static String source(AcceleratorConfig config) {
        return RtlTemplate.fill("AcceleratorHarness.cpp", Map.of("MODULE", config.moduleName()));
    }

    /** The harness binary for {@code verilog}, with {@code trace} the build that takes {@code --vcd FILE}. */
    static Path build(AcceleratorConfig config, String verilog, boolean trace) {
        return ArrayHarness.verilate("accel-", config.moduleName(), verilog, source(config),
                trace ? List.of("--trace") : List.of());
    }
}
