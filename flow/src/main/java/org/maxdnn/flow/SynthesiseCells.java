package org.maxdnn.flow;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.maxdnn.Assets;
import org.maxdnn.array.ArrayConfig;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.rtl.RtlGenerator;
import org.maxdnn.sim.YosysSynth;

/**
 * Synthesis for size: the generator's multipliers, PE or array through Yosys, counted as generic
 * gates or, given a liberty, as that library's cells with their area.
 */
public final class SynthesiseCells {
    /** Yosys is given an hour: the 16×16 array takes minutes. */
    private static final long TIMEOUT_SECONDS = 3600;

    /** One multiplier's size. */
    public record MultiplierSize(MultiplierConfig config, YosysSynth.ModuleSize size) {
    }

    private SynthesiseCells() {
    }

    /**
     * Each configuration synthesised on its own; {@code liberty} null for generic gates; {@code assets}
     * (may be null) is where EvoApprox circuits come from.
     */
    public static List<MultiplierSize> multipliers(List<MultiplierConfig> configs, Assets assets, Path liberty,
                                                   Path out) {
        Path verilog = RtlGenerator.writeMultipliers(configs, assets, out, "multipliers.sv");
        Map<String, YosysSynth.ModuleSize> sizes = YosysSynth.cellCounts(verilog,
                configs.stream().map(RtlGenerator::moduleName).toList(), liberty, out, TIMEOUT_SECONDS);
        List<MultiplierSize> rows = new ArrayList<>();
        for (MultiplierConfig c : configs) {
            rows.add(new MultiplierSize(c, sizes.get(RtlGenerator.moduleName(c))));
        }
        return rows;
    }

    /** The configurable array of {@code rows} × {@code cols} PEs (1 × 1: one PE with its boundary registers). */
    public static YosysSynth.ModuleSize configurableArray(int rows, int cols, Path liberty, Path out) {
        ArrayConfig design = ArrayConfig.configurable(rows, cols);
        RtlGenerator.ArrayFiles files = RtlGenerator.writeArray(design, null, out);
        return YosysSynth.cellCounts(files.verilog(), List.of(design.moduleName()), liberty, out, TIMEOUT_SECONDS)
                .get(design.moduleName());
    }
}
