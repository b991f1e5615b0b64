package org.maxdnn.cosim;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import org.maxdnn.MaxdnnException;
import org.maxdnn.array.ArrayConfig;
import org.maxdnn.array.GemmViews;
import org.maxdnn.array.Tiling;
import org.maxdnn.data.LabeledImage;
import org.maxdnn.infer.ConvLayer;
import org.maxdnn.infer.InferencePlan;
import org.maxdnn.infer.Network;
import org.maxdnn.infer.Workspace;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.mult.ConfigurationCode;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.mult.MultiplierRegistry;
import org.maxdnn.rtl.RtlGenerator;

/**
 * Whole inferences with layers on a generated array and the rest in Java (RTL in the loop). The
 * configurable array runs every conv, depthwise and FC layer under any map of exact, roup and roupc;
 * a fixed array runs the layer its label names, whose map it must hold. Each layer runs as the folds
 * of its {@link Tiling} ({@link LayerTiles}), dealt to simulator processes ({@link SimulatorPool});
 * every partial sum of every tile is checked against the golden multipliers ({@link TileCheck}), and
 * each layer's accumulators, requantised by the golden layer, feed the next; the layer accumulators
 * and the network's logits and output tensor are compared with the golden model's. Each layer's
 * cycles are measured on the RTL ({@link LayerRun}).
 */
public final class CosimDriver implements AutoCloseable {
    /**
     * What a run did and found: the tile outputs (partial sums) compared, the clock cycles the RTL ran
     * against those its layers' tilings predict, and per layer what it took.
     */
    public record Report(int images, long macs, long tiles, long tileOutputs, long cycles, long tilingCycles,
                         double seconds, long mismatchCount, List<Mismatch> mismatches, List<LayerRun> layers) {
        public double macsPerSecond() {
            return macs / seconds;
        }

        /** Clock cycles of the array per input (inputs batched as the run batched them). */
        public double cyclesPerInference() {
            return (double) cycles / Math.max(1, images);
        }

        /** MACs over the PE-cycles the RTL spent. */
        public double utilisation() {
            long peCycles = layers.stream().mapToLong(l -> l.cycles() * l.pes()).sum();
            return peCycles == 0 ? 0 : (double) macs / peCycles;
        }

        /** Microseconds per inference at {@code clockMhz}. */
        public double microsPerInference(double clockMhz) {
            return cyclesPerInference() / clockMhz;
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

    /** Inputs streamed through each weight load unless asked otherwise. */
    public static final int DEFAULT_BATCH = 8;

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

    /** The families of the configurations {@code code} selects, for messages ({@code exact, roup, roupc}). */
    private static String runs(ConfigurationCode code) {
        return code.configurations().stream().map(c -> c.family().id()).distinct().collect(Collectors.joining(", "));
    }

    /** The generated Verilog of the configurable array of this size, one process per core. */
    public static CosimDriver configurable(int rows, int cols, MultiplierRegistry registry) {
        ArrayConfig c = ArrayConfig.configurable(rows, cols);
        return new CosimDriver(c, RtlGenerator.arrayVerilog(c), registry, Runtime.getRuntime().availableProcessors());
    }

    /** The layers this array runs: every conv, depthwise and FC layer on the configurable array, its own on a fixed one. */
    private List<ConvLayer> layersOnArray(InferencePlan golden) {
        List<ConvLayer> out = new ArrayList<>();
        for (ConvLayer l : golden.network().weightedLayers()) {
            if (config.isConfigurable() || l.name().equals(config.label())) {
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
                        if (!config.code().covers(c)) {
                            throw MaxdnnException.badInput("layer " + l.name() + " uses " + c.name() + ", which the "
                                    + "configurable array cannot load: it runs " + runs(config.code()) + " maps");
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
     * gets the number of images done. Images go through the array in batches of {@link #DEFAULT_BATCH},
     * layer by layer: each fold's weights are loaded once and the im2col rows of the whole batch
     * streamed through them, which keeps the array busy instead of filling and draining it per image.
     */
    public Report network(InferencePlan golden, List<LabeledImage> images, IntConsumer progress) {
        return network(golden, images, DEFAULT_BATCH, progress);
    }

    /** As {@link #network(InferencePlan, List, IntConsumer)}, {@code batch} inputs per weight load. */
    public Report network(InferencePlan golden, List<LabeledImage> images, int batch, IntConsumer progress) {
        if (batch < 1) {
            throw new MaxdnnException(MaxdnnException.USAGE, "a batch holds at least one input, not " + batch);
        }
        List<ConvLayer> onArray = layersOnArray(golden);
        ApproxMap map = golden.map();
        Network net = golden.network();
        log = new MismatchLog();
        TileCheck check = new TileCheck(registry, log);
        Map<ConvLayer, LayerRun.Sum> perLayer = new LinkedHashMap<>();
        onArray.forEach(l -> perLayer.put(l, new LayerRun.Sum(l, config)));
        long cyclesBefore = pool.cycles();
        long t0 = System.nanoTime();
        Workspace gws = golden.newWorkspace();
        List<Workspace> rws = new ArrayList<>();
        for (int first = 0; first < images.size(); first += batch) {
            List<byte[]> pixels = images.subList(first, Math.min(images.size(), first + batch)).stream()
                    .map(LabeledImage::pixels).toList();
            int n = pixels.size();
            List<List<int[]>> expectedAcc = new ArrayList<>();
            List<byte[][]> expectedOut = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                List<int[]> accs = new ArrayList<>();
                golden.run(pixels.get(k), gws, (layer, in, acc, out) -> {
                    if (perLayer.containsKey(layer)) {
                        accs.add(acc.clone());
                    }
                });
                expectedAcc.add(accs);
                expectedOut.add(outputs(net, gws));
            }
            while (rws.size() < n) {
                rws.add(golden.newWorkspace());
            }
            int base = first;
            int[] index = {0};
            golden.logitsWith(pixels, rws.subList(0, n), (layer, inputs) -> {
                LayerRun.Sum sum = perLayer.get(layer);
                if (sum == null) {
                    return null;
                }
                Tiling tiling = Tiling.of(GemmViews.of(layer), config);
                MultiplierConfig[][] kernels = map.resolve(layer);
                long before = pool.cycles();
                int[][] acc = layer(new LayerTiles(tiling, kernels, registry, inputs, base), kernels, check, sum);
                sum.add(tiling, inputs.size(), pool.cycles() - before);
                for (int k = 0; k < n; k++) {
                    compareLayer(layer, base + k, expectedAcc.get(k).get(index[0]), acc[k]);
                }
                index[0]++;
                return acc;
            });
            for (int k = 0; k < n; k++) {
                compareOutputs(net, base + k, expectedOut.get(k), outputs(net, rws.get(k)));
            }
            if (progress != null) {
                progress.accept(first + n);
            }
        }
        long cycles = pool.cycles() - cyclesBefore;
        List<LayerRun> layers = perLayer.values().stream().map(LayerRun.Sum::run).toList();
        return new Report(images.size(), layers.stream().mapToLong(LayerRun::macs).sum(),
                layers.stream().mapToLong(LayerRun::weightLoads).sum(), check.outputs(), cycles,
                layers.stream().mapToLong(LayerRun::tilingCycles).sum(), (System.nanoTime() - t0) / 1e9, log.count(),
                log.kept(), layers);
    }

    /**
     * The network's logits and output tensor (the same tensor when no SOFTMAX follows the logits), as
     * little-endian bytes: a DEQUANTIZE's float32 output is compared bit for bit too.
     */
    private static byte[][] outputs(Network net, Workspace ws) {
        return new byte[][] {ws.read(net.logitsTensor()), ws.read(net.outputTensor())};
    }

    private void compareOutputs(Network net, int image, byte[][] expected, byte[][] actual) {
        String[] stage = {"logits", "output"};
        for (int t = 0; t < expected.length; t++) {
            if (t == 1 && net.outputTensor() == net.logitsTensor()) {
                break;
            }
            for (int i = 0; i < expected[t].length; i++) {
                if (expected[t][i] != actual[t][i]) {
                    log.record(new Mismatch(stage[t], image, null, null, -1, -1, -1, -1, i, expected[t][i], actual[t][i]));
                }
            }
        }
    }

    /** One layer of a batch on the array: every tile submitted, then read back and checked (mismatches into {@code sum}). */
    private int[][] layer(LayerTiles layer, MultiplierConfig[][] kernels, TileCheck check, LayerRun.Sum sum) {
        layer.tiles().forEach(pool::submit);
        List<int[]> psums = new ArrayList<>();
        for (Tile t : layer.tiles()) {
            int[] p = pool.read(t);
            sum.mismatches(check.check(t, kernels, p));
            psums.add(p);
        }
        return layer.accumulators(psums);
    }

    private void compareLayer(ConvLayer l, int image, int[] expected, int[] actual) {
        for (int i = 0; i < expected.length; i++) {
            if (expected[i] != actual[i]) {
                int p = i / l.outC();
                log.record(new Mismatch("layer", image, l.name(), null, p, p / l.outW(), p % l.outW(), -1, i % l.outC(),
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
