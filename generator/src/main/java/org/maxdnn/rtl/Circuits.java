package org.maxdnn.rtl;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.maxdnn.Assets;
import org.maxdnn.mult.Circuit;
import org.maxdnn.mult.MultiplierConfig;

/**
 * The one answer to "which Verilog is configuration X", for synthesis, energy characterisation,
 * layout and {@code generate --multipliers}: the {@link Circuit} its hardware family gives
 * ({@link PeMultiplierFamily#circuit}): a generated multiplier on its own, or for a table
 * multiplier the library's circuit on unsigned codes. {@code assets} (may be null) is where
 * circuits from the asset folder come from.
 */
public final class Circuits {
    private Circuits() {
    }

    public static Circuit of(MultiplierConfig config, Assets assets) {
        return PeMultipliers.family(config).circuit(config, assets);
    }

    public static List<Circuit> of(List<MultiplierConfig> configs, Assets assets) {
        return configs.stream().map(c -> of(c, assets)).toList();
    }

    /** Module name → Verilog text, each module once (configurations may share one), in the given order. */
    public static Map<String, String> verilog(List<Circuit> circuits) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Circuit c : circuits) {
            out.computeIfAbsent(c.module(), m -> c.verilog().get());
        }
        return out;
    }

    /** Writes every module into one file, atomically; returns it. */
    public static Path write(List<Circuit> circuits, Path file) {
        return RtlGenerator.writeModules(verilog(circuits), file);
    }

    /** Writes each module into {@code dir/<module>.sv}, atomically; returns the files. */
    public static List<Path> writeEach(List<Circuit> circuits, Path dir) {
        return RtlGenerator.writeModuleFiles(verilog(circuits), dir);
    }
}
