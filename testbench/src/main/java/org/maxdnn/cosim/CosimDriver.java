package org.maxdnn.cosim;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.maxdnn.MaxdnnException;
import org.maxdnn.array.ArrayConfig;
import org.maxdnn.array.GemmViews;
import org.maxdnn.array.Tiling;
import org.maxdnn.data.LabeledImage;
import org.maxdnn.infer.ConvLayer;
import org.maxdnn.infer.InferencePlan;
import org.maxdnn.infer.Workspace;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.model.OpType;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.mult.MultiplierRegistry;
import org.maxdnn.rtl.RoupCode;
import org.maxdnn.rtl.RtlGenerator;

/**
 * Whole inferences with layers on a generated array and the rest in Java (RTL in the loop). The
 * configurable array runs every conv layer under any map of exact, roup and roupc; a fixed array
 * runs the layer its label names, whose map it must hold. Each layer runs as the folds of its
 * {@link Tiling} ({@link LayerTiles}), dealt to simulator processes ({@link SimulatorPool}); every
 * partial sum of every tile is checked against the golden multipliers ({@link TileCheck}), and each
 * layer's accumulators, requantised by the golden layer, feed the next; the layer accumulators and
 * the final FC outputs are compared with the golden model's.
 */
public final class CosimDriver implements AutoCloseable {
    /**
     * What a run did and found: the tile outputs (partial sums) compared, and the clock cycles the
     * RTL ran against those its layers' tilings predict.
     */
    public record Report(int images, long macs, long tiles, long tileOutputs, long cycles, long tilingCycles,
                         double seconds, long mismatchCount, List<Mismatch> mismatches) {
        public double macsPerSecond() {
            return macs / seconds;
        }
    }

    /**
     * RT-level activity of a run: the RTL's TOGGLE_COUNT counters and the golden model's own count,
     * and the cycles the golden model's cycle-level model ran.
     */
    public record Activity(ToggleCounts rtl, ToggleCounts model, long modelCycles) {
        public boolean agree() {
            return rtl.equals(model);
        }
    }

    /** Images streamed through each weight load. */
    static final int BATCH = 8;

    private final ArrayConfig config;
    private final String verilog;
    private final MultiplierRegistry registry;
    private final SimulatorPool pool;
    private MismatchLog log = new MismatchLog();
    private Activity activity;

    /** The simulator that runs the array. */
    public enum Simulator {
        VERILATOR, ICARUS;

        public static Simulator parse(String name) {
            for (Simulator s : values()) {
                if (s.name().equalsIgnoreCase(name)) {
                    return s;
                }
            }
            throw new MaxdnnException(MaxdnnException.USAGE, "unknown simulator '" + name + "' (verilator or icarus)");
        }
    }

    /**
     * Builds (or reuses) the simulation of {@code verilog} of the array {@code config}: in Verilator
     * {@code processes} harness processes, with {@code countToggles} the TOGGLE_COUNT build whose
     * counters {@link #activity()} compares with the golden model's after {@link #close()}; Icarus
     * runs in one process without toggle counting.
     */
    public CosimDriver(ArrayConfig config, String verilog, MultiplierRegistry registry, Simulator simulator,
                       int processes, boolean countToggles) {
        this.config = config;
        this.verilog = verilog;
        this.registry = registry;
        this.pool = new SimulatorPool(config, verilog, registry, simulator, processes, countToggles);
    }

    /** Verilator, {@code processes} harness processes, no toggle counting. */
    public CosimDriver(ArrayConfig config, String verilog, MultiplierRegistry registry, int processes) {
        this(config, verilog, registry, Simulator.VERILATOR, processes, false);
    }

    /** The generated Verilog of the configurable array of this size, one process per core. */
    public static CosimDriver configurable(int rows, int cols, MultiplierRegistry registry) {
        ArrayConfig c = ArrayConfig.configurable(rows, cols);
        return new CosimDriver(c, RtlGenerator.arrayVerilog(c), registry, Runtime.getRuntime().availableProcessors());
    }

    /** The layers this array runs: every conv layer on the configurable array, its own on a fixed one. */
    private List<ConvLayer> layersOnArray(InferencePlan golden) {
        List<ConvLayer> out = new ArrayList<>();
        for (ConvLayer l : golden.network().weightedLayers()) {
            if (config.isConfigurable() ? l.op() == OpType.CONV_2D : l.name().equals(config.label())) {
                out.add(l);
            }
        }
        if (out.isEmpty() && !config.isConfigurable()) {
            throw MaxdnnException.badInput("fixed array " + config.moduleName() + " is labelled '" + config.label()
                    + "', which names no layer of the model to run it on");
        }
        ApproxMap map = golden.map();
        for (ConvLayer l : out) {
            MultiplierConfig[][] kernels = map.resolve(l);
            if (config.isConfigurable()) {
                for (MultiplierConfig[] row : kernels) {
                    for (MultiplierConfig c : row) {
                        if (!RoupCode.supports(c)) {
                            throw MaxdnnException.badInput("layer " + l.name() + " uses " + c.name() + ", which the "
                                    + "configurable array cannot load: it runs exact, roup-pPrR and roupc-pPrR maps");
                        }
                    }
                }
            } else {
                Tiling.FixedArray fixed = Tiling.of(GemmViews.of(l), config).fixedArray(kernels);
                if (!fixed.exists() || !fixed.array().equals(config)) {
                    throw MaxdnnException.badInput("fixed array " + config.moduleName() + " does not hold the map of "
                            + l.name() + (fixed.exists() ? "" : ": " + fixed.why()));
                }
            }
        }
        return out;
    }

    /**
     * Cosimulates whole inferences of {@code images} under {@code golden}'s map; {@code progress}
     * gets the number of images done. Images go through the array in batches of {@link #BATCH},
     * layer by layer: each fold's weights are loaded once and the im2col rows of the whole batch
     * streamed through them, which keeps the array busy instead of filling and draining it per image.
     */
    public Report network(InferencePlan golden, List<LabeledImage> images, IntConsumer progress) {
        List<ConvLayer> onArray = layersOnArray(golden);
        ApproxMap map = golden.map();
        log = new MismatchLog();
        TileCheck check = new TileCheck(registry, log);
        long[] counts = new long[3]; // macs, tiles, tiling cycles
        long cyclesBefore = pool.cycles();
        long t0 = System.nanoTime();
        Workspace gws = golden.newWorkspace();
        List<Workspace> rws = new ArrayList<>();
        for (int first = 0; first < images.size(); first += BATCH) {
            List<byte[]> pixels = images.subList(first, Math.min(images.size(), first + BATCH)).stream()
                    .map(LabeledImage::pixels).toList();
            int n = pixels.size();
            List<List<int[]>> expectedAcc = new ArrayList<>();
            int[][] expectedLogits = new int[n][];
            for (int k = 0; k < n; k++) {
                List<int[]> accs = new ArrayList<>();
                golden.run(pixels.get(k), gws, (layer, in, acc, out) -> {
                    if (onArray.contains(layer)) {
                        accs.add(acc.clone());
                    }
                });
                expectedAcc.add(accs);
                expectedLogits[k] = golden.logits(gws);
            }
            while (rws.size() < n) {
                rws.add(golden.newWorkspace());
            }
            int base = first;
            int[] index = {0};
            int[][] logits = golden.logitsWith(pixels, rws.subList(0, n), (layer, inputs) -> {
                if (!onArray.contains(layer)) {
                    return null;
                }
                Tiling tiling = Tiling.of(GemmViews.of(layer), config);
                MultiplierConfig[][] kernels = map.resolve(layer);
                int[][] acc = layer(new LayerTiles(tiling, kernels, registry, inputs, base), kernels, check);
                for (int k = 0; k < n; k++) {
                    compareLayer(layer, base + k, expectedAcc.get(k).get(index[0]), acc[k]);
                }
                index[0]++;
                counts[0] += layer.macs() * inputs.size();
                counts[1] += tiling.folds().size();
                counts[2] += tiling.cycles(inputs.size() * tiling.view().m());
                return acc;
            });
            for (int k = 0; k < n; k++) {
                for (int c = 0; c < logits[k].length; c++) {
                    if (logits[k][c] != expectedLogits[k][c]) {
                        log.record(new Mismatch("logits", base + k, "fc", -1, -1, -1, -1, -1, -1, c, expectedLogits[k][c],
                                logits[k][c]));
                    }
                }
            }
            if (progress != null) {
                progress.accept(first + n);
            }
        }
        long cycles = pool.cycles() - cyclesBefore;
        return new Report(images.size(), counts[0], counts[1], check.outputs(), cycles, counts[2],
                (System.nanoTime() - t0) / 1e9, log.count(), log.kept());
    }

    /** One layer of a batch on the array: every tile submitted, then read back and checked. */
    private int[][] layer(LayerTiles layer, MultiplierConfig[][] kernels, TileCheck check) {
        layer.tiles().forEach(pool::submit);
        List<int[]> psums = new ArrayList<>();
        for (Tile t : layer.tiles()) {
            int[] p = pool.read(t);
            check.check(t, kernels, p);
            psums.add(p);
        }
        return layer.accumulators(psums);
    }

    private void compareLayer(ConvLayer l, int image, int[] expected, int[] actual) {
        for (int i = 0; i < expected.length; i++) {
            if (expected[i] != actual[i]) {
                int p = i / l.outC();
                log.record(new Mismatch("layer", image, l.name(), -1, -1, p, p / l.outW(), p % l.outW(), -1, i % l.outC(),
                        expected[i], actual[i]));
            }
        }
    }

    /**
     * Replays the first mismatching tile in a traced build of the harness and writes its waveform;
     * returns false when no tile mismatched.
     */
    public boolean writeVcdOfFirstMismatch(Path vcd) {
        if (log.firstBadTile() == null) {
            return false;
        }
        VcdReplay.write(config, verilog, log.firstBadTile(), vcd);
        return true;
    }

    @Override
    public void close() {
        pool.close();
        if (pool.activity() != null && activity == null) {
            activity = pool.activity().collect();
        }
    }

    /** The activity counted in this run (after {@link #close()}), or null when not counting toggles. */
    public Activity activity() {
        return activity;
    }
}
