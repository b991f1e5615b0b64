package org.maxdnn.cosim;

import java.util.ArrayList;
import java.util.List;
import org.maxdnn.MaxdnnException;
import org.maxdnn.array.ArrayConfig;
import org.maxdnn.mult.MultiplierRegistry;

/**
 * The simulator processes of one array: tiles are dealt out to them in turn (so a layer's tiles
 * simulate in parallel) and their partial sums read back in the order submitted. Verilator runs
 * {@code processes} harness processes, with toggle counting the TOGGLE_COUNT build, each mirrored
 * by an activity model; Icarus runs in one process without toggle counting.
 */
final class SimulatorPool implements AutoCloseable {
    private final List<ArraySimulator> sims = new ArrayList<>();
    private final ToggleActivity activity;
    private long submitted;
    private long read;

    SimulatorPool(ArrayConfig config, String verilog, MultiplierRegistry registry, CosimDriver.Simulator simulator,
                  int processes, boolean countToggles) {
        if (simulator == CosimDriver.Simulator.ICARUS) {
            if (countToggles) {
                throw new MaxdnnException(MaxdnnException.USAGE, "toggle counting runs in Verilator");
            }
            sims.add(new IcarusSimulator(IcarusHarness.build(config, verilog), config.rows(), config.cols()));
            activity = null;
            return;
        }
        int n = Math.max(1, processes);
        java.nio.file.Path binary = ArrayHarness.build(config, verilog, false, countToggles);
        activity = countToggles ? new ToggleActivity(config, registry, n, binary.getParent()) : null;
        for (int i = 0; i < n; i++) {
            List<String> args = activity != null ? List.of(activity.harnessArgument(i)) : List.of();
            sims.add(new VerilatorSimulator(binary, config.rows(), config.cols(), args));
        }
    }

    /** Queues a tile on the next process. */
    void submit(Tile tile) {
        int process = (int) (submitted++ % sims.size());
        sims.get(process).load(tile.weights(), tile.codes(), tile.fold().nCount());
        sims.get(process).stream(tile.acts(), tile.n());
        if (activity != null) {
            activity.mirror(process, tile);
        }
    }

    /** The partial sums of the next tile submitted and not yet read. */
    int[] read(Tile tile) {
        return sims.get((int) (read++ % sims.size())).read(tile.n());
    }

    /** Clock cycles the array ran, over every process (once every submitted tile is read). */
    long cycles() {
        return sims.stream().mapToLong(ArraySimulator::cycles).sum();
    }

    ToggleActivity activity() {
        return activity;
    }

    @Override
    public void close() {
        sims.forEach(ArraySimulator::close);
    }
}
