package org.maxdnn.cosim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.maxdnn.MaxdnnException;
import org.maxdnn.array.ArrayConfig;
import org.maxdnn.io.InputFiles;
import org.maxdnn.mult.MultiplierRegistry;

/**
 * RT-level activity of a run: each TOGGLE_COUNT harness process writes its counters to a file of
 * its own and is mirrored by an {@link ArrayActivityModel} fed the same tiles; after the processes
 * end, both sides are summed over the processes.
 */
final class ToggleActivity {
    private final ArrayConfig config;
    private final List<Path> files = new ArrayList<>();
    private final List<ArrayActivityModel> models = new ArrayList<>();

    /** The counter files go in {@code dir} (the harness's cache folder) and are removed on any exit. */
    ToggleActivity(ArrayConfig config, MultiplierRegistry registry, int processes, Path dir) {
        this.config = config;
        for (int i = 0; i < processes; i++) {
            try {
                Path f = Files.createTempFile(dir, ".maxdnn-toggles-", ".txt");
                f.toFile().deleteOnExit();
                files.add(f);
            } catch (IOException e) {
                throw new MaxdnnException(MaxdnnException.BAD_INPUT, "cannot create a temporary file in " + dir + ": "
                        + InputFiles.reason(e), e);
            }
            models.add(new ArrayActivityModel(config, registry));
        }
    }

    /** The harness argument of process i: where its counters go. */
    String harnessArgument(int process) {
        return "+toggles=" + files.get(process);
    }

    /** Feeds the model of process i what the process is fed. */
    void mirror(int process, Tile tile) {
        models.get(process).load(tile.weights(), tile.codes(), tile.fold().nCount());
        models.get(process).stream(tile.acts(), tile.n());
    }

    /** Both counts, once the processes have written their counters; removes the files. */
    CosimDriver.Activity collect() {
        ToggleCounts rtl = new ToggleCounts(config.rows(), config.cols());
        ToggleCounts model = new ToggleCounts(config.rows(), config.cols());
        try {
            for (int i = 0; i < models.size(); i++) {
                rtl.addAll(ToggleCounts.read(files.get(i), config));
                model.addAll(models.get(i).counts());
            }
        } finally {
            for (Path f : files) {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException e) {
                    // a temporary file left behind is harmless
                }
            }
        }
        return new CosimDriver.Activity(rtl, model, models.stream().mapToLong(ArrayActivityModel::cycles).sum());
    }
}
