package org.maxdnn.cosim;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.maxdnn.MaxdnnException;
import org.maxdnn.accel.AcceleratorConfig;
import org.maxdnn.io.AtomicFiles;
import org.maxdnn.io.ExternalTool;
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
        ExternalTool.VERILATOR.locate();
        String harness = source(config);
        List<String> flags = new ArrayList<>(List.of("--cc", "--exe", "--build", "-j", "2", "-Wno-fatal",
                "--top-module", config.moduleName(), "-CFLAGS", "-O1", "-MAKEFLAGS", "OPT_FAST=-O2", "-Mdir", "obj",
                "-o", "harness"));
        if (trace) {
            flags.add("--trace");
        }
        Path dir = ArrayHarness.cacheRoot().resolve("accel-" + ArrayHarness.hash(verilog, harness, String.join(" ", flags)));
        Path binary = dir.resolve("obj/harness");
        return CacheFolder.built(dir, binary, () -> {
            AtomicFiles.writeString(dir.resolve(config.moduleName() + ".sv"), verilog);
            AtomicFiles.writeString(dir.resolve("harness.cpp"), harness);
            List<String> args = new ArrayList<>(flags);
            args.add(config.moduleName() + ".sv");
            args.add("harness.cpp");
            ExternalTool.VERILATOR.run(dir, 3600, args.toArray(new String[0]));
            if (!Files.isExecutable(binary)) {
                throw new MaxdnnException(MaxdnnException.MISSING_TOOL, "verilator did not produce " + binary);
            }
        });
    }
}
