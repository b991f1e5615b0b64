package org.maxdnn.cosim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.maxdnn.MaxdnnException;
import org.maxdnn.array.ArrayConfig;

/** Replays one tile (its weight load and stream) in a traced build of the harness and writes its waveform. */
final class VcdReplay {
    private VcdReplay() {
    }

    static void write(ArrayConfig config, String verilog, Tile tile, Path vcd) {
        Path traced = ArrayHarness.build(config, verilog, true, false);
        Path target = vcd.toAbsolutePath();
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try {
            Files.createDirectories(target.getParent());
            try (ArraySimulator replay = new VerilatorSimulator(traced, config.rows(), config.cols(),
                    List.of("--vcd", partial.toString()))) {
                replay.load(tile.weights(), tile.codes(), tile.fold().nCount());
                replay.stream(tile.acts(), tile.n());
                replay.read(tile.n());
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new MaxdnnException(MaxdnnException.BAD_INPUT, "cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
