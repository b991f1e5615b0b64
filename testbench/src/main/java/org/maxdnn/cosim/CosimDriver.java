package org.maxdnn.cosim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.maxdnn.MaxdnnException;
import org.maxdnn.data.LabeledImage;
import org.maxdnn.infer.ConvLayer;
import org.maxdnn.infer.InferencePlan;
import org.maxdnn.infer.Workspace;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.model.OpType;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.mult.MultiplierRegistry;
import org.maxdnn.rtl.ArrayDesign;
import org.maxdnn.rtl.RtlGenerator;

/**
 * Runs conv layers on the generated configurable array as im2col GEMM tiles — reduction index k on
 * the rows, output channels on the columns, each PE loaded with its kernel's weight and multiplier
 * code from the map — and checks every partial sum of every tile against the golden multipliers.
 * Whole inferences run every conv layer on the array and the rest in Java (RTL in the loop): each
 * layer's accumulators, requantised by the golden layer, feed the next, and the layer
 * accumulators and the final FC outputs are compared with the golden model's.
 */
public final class CosimDriver implements AutoCloseable {
    /** What a run did and found. */
    public record Report(int images, long macs, long tiles, double seconds, long mismatchCount,
                         List<Mismatch> mismatches) {
        public double macsPerSecond() {
            return macs / seconds;
        }
    }

    /** RT-level activity of a run: the RTL's TOGGLE_COUNT counters and the golden model's own count. */
    public record Activity(ToggleCounts rtl, ToggleCounts model) {
        public boolean agree() {
            return rtl.equals(model);
        }
    }

    /** The operands of a tile, kept for the first mismatch so its waveform can be replayed. */
    record Tile(byte[] weights, byte[] codes, byte[] acts, int n) {
    }

    private static final int KEEP = 20;
    /** Images streamed through each weight load. */
    static final int BATCH = 8;

    private final ArrayDesign design;
    private final String verilog;
    private final List<ArraySimulator> sims = new ArrayList<>();
    private final List<ArrayActivityModel> models = new ArrayList<>();
    private final List<Path> toggleFiles = new ArrayList<>();
    private final MultiplierRegistry registry;
    private final List<Mismatch> mismatches = new ArrayList<>();
    private final Map<MultiplierConfig, int[]> weightMajor = new HashMap<>();
    private long mismatchCount;
    private long macs;
    private long tiles;
    private Tile firstBadTile;
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
     * Builds (or reuses) the simulation of {@code verilog} of the configurable {@code design}. In
     * Verilator, {@code processes} copies of the harness run and tiles are dealt out to them in
     * turn, so a layer's tiles simulate in parallel; with {@code countToggles} the harness is the
     * TOGGLE_COUNT build and every process is mirrored by an {@link ArrayActivityModel}, and
     * {@link #activity()} has both counts after {@link #close()}. Icarus runs in one process
     * without toggle counting.
     */
    public CosimDriver(ArrayDesign design, String verilog, MultiplierRegistry registry, Simulator simulator,
                       int processes, boolean countToggles) {
        if (!design.isConfigurable()) {
            throw MaxdnnException.badInput("cosimulation runs the configurable array");
        }
        this.design = design;
        this.verilog = verilog;
        this.registry = registry;
        if (simulator == Simulator.ICARUS) {
            if (countToggles) {
                throw new MaxdnnException(MaxdnnException.USAGE, "toggle counting runs in Verilator");
            }
            sims.add(new IcarusSimulator(IcarusHarness.build(design, verilog), design.rows(), design.cols()));
            return;
        }
        Path binary = ArrayHarness.build(design, verilog, false, countToggles);
        for (int i = 0; i < Math.max(1, processes); i++) {
            List<String> args = List.of();
            if (countToggles) {
                try {
                    Path file = Files.createTempFile("maxdnn-toggles-", ".txt");
                    toggleFiles.add(file);
                    args = List.of("+toggles=" + file);
                } catch (IOException e) {
                    throw new MaxdnnException(MaxdnnException.BAD_INPUT, "cannot create a temporary file: " + e.getMessage(), e);
                }
                models.add(new ArrayActivityModel(design.rows(), design.cols(), registry));
            }
            sims.add(new VerilatorSimulator(binary, design.rows(), design.cols(), args));
        }
    }

    /** Verilator, {@code processes} harness processes, no toggle counting. */
    public CosimDriver(ArrayDesign design, String verilog, MultiplierRegistry registry, int processes) {
        this(design, verilog, registry, Simulator.VERILATOR, processes, false);
    }

    /** The generated Verilog of the default configurable array of this size, one process per core. */
    public static CosimDriver generated(int rows, int cols, MultiplierRegistry registry) {
        ArrayDesign d = ArrayDesign.configurable("SystolicArray_" + rows + "x" + cols, rows, cols);
        return new CosimDriver(d, RtlGenerator.arrayVerilog(d), registry, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Cosimulates whole inferences of {@code images} under {@code map}; {@code progress} gets the
     * number of images done. Images go through the array in batches of {@link #BATCH}, layer by
     * layer: each tile's weights are loaded once and the im2col rows of the whole batch streamed
     * through them, which keeps the array busy instead of filling and draining it per image.
     */
    public Report network(InferencePlan golden, List<LabeledImage> images, IntConsumer progress) {
        ApproxMap map = golden.map();
        for (ConvLayer l : golden.network().weightedLayers()) {
            for (MultiplierConfig[] row : map.resolve(l)) {
                for (MultiplierConfig c : row) {
                    if (l.op() == OpType.CONV_2D && !RtlGenerator.isSupported(c)) {
                        throw MaxdnnException.badInput("layer " + l.name() + " uses " + c.name()
                                + ", which has no RTL: cosimulation takes exact, roup-pPrR and roupc-pPrR maps");
                    }
                }
            }
        }
        mismatches.clear();
        mismatchCount = 0;
        macs = 0;
        tiles = 0;
        firstBadTile = null;
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
                    if (layer.op() == OpType.CONV_2D) {
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
                if (layer.op() != OpType.CONV_2D) {
                    return null;
                }
                int[][] acc = layer(layer, map.resolve(layer), inputs, base);
                for (int k = 0; k < n; k++) {
                    compareLayer(layer, base + k, expectedAcc.get(k).get(index[0]), acc[k]);
                }
                index[0]++;
                return acc;
            });
            for (int k = 0; k < n; k++) {
                for (int c = 0; c < logits[k].length; c++) {
                    if (logits[k][c] != expectedLogits[k][c]) {
                        record(new Mismatch("logits", base + k, "fc", -1, -1, -1, -1, -1, c, expectedLogits[k][c],
                                logits[k][c]));
                    }
                }
            }
            if (progress != null) {
                progress.accept(first + n);
            }
        }
        return new Report(images.size(), macs, tiles, (System.nanoTime() - t0) / 1e9, mismatchCount, List.copyOf(mismatches));
    }

    /**
     * One conv layer on the array for a batch of inputs (images {@code firstImage}…): their int32
     * accumulators (acc + bias, HWC), one array per input.
     */
    public int[][] layer(ConvLayer l, MultiplierConfig[][] configs, List<byte[]> inputs, int firstImage) {
        int rows = design.rows();
        int cols = design.cols();
        int kSize = l.kernelSize();
        int pixels = l.outH() * l.outW();
        int n = inputs.size() * pixels;
        int[][] patches = new int[n][kSize];
        for (int i = 0; i < n; i++) {
            int p = i % pixels;
            l.im2col(inputs.get(i / pixels), p / l.outW(), p % l.outW(), patches[i]);
        }
        int kTiles = (kSize + rows - 1) / rows;
        int ocTiles = (l.outC() + cols - 1) / cols;
        List<Tile> queued = new ArrayList<>();
        for (int ot = 0; ot < ocTiles; ot++) {
            for (int kt = 0; kt < kTiles; kt++) {
                byte[] w = new byte[rows * cols];
                byte[] codes = new byte[rows * cols];
                for (int r = 0; r < rows; r++) {
                    int k = kt * rows + r;
                    for (int c = 0; c < cols; c++) {
                        int oc = ot * cols + c;
                        if (k < kSize && oc < l.outC()) {
                            w[r * cols + c] = l.weights()[oc * kSize + k];
                            codes[r * cols + c] = (byte) ArrayDesign.configCode(configs[oc][k % l.inC()]);
                        }
                    }
                }
                byte[] acts = new byte[n * rows];
                for (int i = 0; i < n; i++) {
                    for (int r = 0; r < rows && kt * rows + r < kSize; r++) {
                        acts[i * rows + r] = (byte) patches[i][kt * rows + r];
                    }
                }
                int process = queued.size() % sims.size();
                sims.get(process).load(w, codes);
                sims.get(process).stream(acts, n);
                if (!models.isEmpty()) {
                    models.get(process).load(w, codes);
                    models.get(process).stream(acts, n);
                }
                queued.add(new Tile(w, codes, acts, n));
            }
        }
        int[][] acc = new int[inputs.size()][pixels * l.outC()];
        int t = 0;
        for (int ot = 0; ot < ocTiles; ot++) {
            for (int kt = 0; kt < kTiles; kt++) {
                ArraySimulator sim = sims.get(t % sims.size());
                Tile tile = queued.get(t++);
                int[] psums = sim.read(n);
                checkTile(l, configs, tile, psums, ot, kt, firstImage, pixels);
                for (int i = 0; i < n; i++) {
                    int[] a = acc[i / pixels];
                    int row = (i % pixels) * l.outC() + ot * cols;
                    for (int c = 0; c < cols && ot * cols + c < l.outC(); c++) {
                        a[row + c] += psums[i * cols + c];
                    }
                }
                tiles++;
            }
        }
        macs += l.macs() * inputs.size();
        // the zero-point term, computed offline with each kernel's own multiplier, and the bias
        for (int oc = 0; oc < l.outC(); oc++) {
            int folded = l.bias()[oc];
            for (int k = 0; k < kSize; k++) {
                folded -= registry.get(configs[oc][k % l.inC()]).multiply(l.inZeroPoint(), l.weights()[oc * kSize + k]);
            }
            for (int[] a : acc) {
                for (int p = 0; p < pixels; p++) {
                    a[p * l.outC() + oc] += folded;
                }
            }
        }
        return acc;
    }

    /**
     * Every partial sum of the tile against Σ_r f(a, w) with the golden multipliers. Each PE's
     * weight is fixed for the tile, so its products are one 256-entry row of a weight-major table:
     * the sums are built PE by PE over the pixels, with that row in L1.
     */
    private void checkTile(ConvLayer l, MultiplierConfig[][] configs, Tile tile, int[] psums, int ot, int kt,
                           int firstImage, int pixels) {
        int rows = design.rows();
        int cols = design.cols();
        int n = tile.n();
        byte[] acts = tile.acts();
        int[] expected = new int[n * cols];
        for (int r = 0; r < rows; r++) {
            int k = kt * rows + r;
            for (int c = 0; c < cols; c++) {
                int oc = ot * cols + c;
                if (k >= l.kernelSize() || oc >= l.outC()) {
                    continue;
                }
                int[] t = weightMajor(configs[oc][k % l.inC()]);
                int base = (tile.weights()[r * cols + c] & 0xFF) << 8;
                for (int p = 0, e = c, a = r; p < n; p++, e += cols, a += rows) {
                    expected[e] += t[base | (acts[a] & 0xFF)];
                }
            }
        }
        for (int i = 0; i < expected.length; i++) {
            if (expected[i] != psums[i]) {
                if (firstBadTile == null) {
                    firstBadTile = tile;
                }
                int row = i / cols;
                int p = row % pixels;
                record(new Mismatch("tile", firstImage + row / pixels, l.name(), ot, kt, row, p / l.outW(), p % l.outW(),
                        ot * cols + i % cols, expected[i], psums[i]));
            }
        }
    }

    /** The products of {@code config} indexed by (w << 8 | a) on the byte codes: a weight's row is contiguous. */
    private int[] weightMajor(MultiplierConfig config) {
        return weightMajor.computeIfAbsent(config, cfg -> {
            int[] t = registry.get(cfg).table();
            int[] wm = new int[t.length];
            for (int a = 0; a < 256; a++) {
                for (int w = 0; w < 256; w++) {
                    wm[(w << 8) | a] = t[(a << 8) | w];
                }
            }
            return wm;
        });
    }

    private void compareLayer(ConvLayer l, int image, int[] expected, int[] actual) {
        for (int i = 0; i < expected.length; i++) {
            if (expected[i] != actual[i]) {
                int p = i / l.outC();
                record(new Mismatch("layer", image, l.name(), -1, -1, p, p / l.outW(), p % l.outW(), i % l.outC(),
                        expected[i], actual[i]));
            }
        }
    }

    private void record(Mismatch m) {
        mismatchCount++;
        if (mismatches.size() < KEEP) {
            mismatches.add(m);
        }
    }

    /**
     * Replays the first mismatching tile in a traced build of the harness and writes its waveform;
     * returns false when nothing mismatched.
     */
    public boolean writeVcdOfFirstMismatch(Path vcd) {
        if (firstBadTile == null) {
            return false;
        }
        Path traced = ArrayHarness.build(design, verilog, true, false);
        Path target = vcd.toAbsolutePath();
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try {
            Files.createDirectories(target.getParent());
            try (ArraySimulator replay = new VerilatorSimulator(traced, design.rows(), design.cols(),
                    List.of("--vcd", partial.toString()))) {
                replay.load(firstBadTile.weights(), firstBadTile.codes());
                replay.stream(firstBadTile.acts(), firstBadTile.n());
                replay.read(firstBadTile.n());
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new MaxdnnException(MaxdnnException.BAD_INPUT, "cannot write " + target + ": " + e.getMessage(), e);
        }
        return true;
    }

    @Override
    public void close() {
        sims.forEach(ArraySimulator::close);
        if (!models.isEmpty() && activity == null) {
            ToggleCounts rtl = new ToggleCounts(design.rows(), design.cols());
            ToggleCounts model = new ToggleCounts(design.rows(), design.cols());
            for (int i = 0; i < models.size(); i++) {
                rtl.addAll(ToggleCounts.read(toggleFiles.get(i), design.rows(), design.cols()));
                model.addAll(models.get(i).counts());
            }
            activity = new Activity(rtl, model);
        }
        for (Path f : toggleFiles) {
            try {
                Files.deleteIfExists(f);
            } catch (IOException e) {
                // a temporary file left behind is harmless
            }
        }
    }

    /** The activity counted in this run (after {@link #close()}), or null when not counting toggles. */
    public Activity activity() {
        return activity;
    }
}
