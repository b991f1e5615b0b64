package org.maxdnn.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.maxdnn.Assets;
import org.maxdnn.data.ImageSets;
import org.maxdnn.infer.ConvLayer;
import org.maxdnn.infer.FeatureMap;
import org.maxdnn.infer.OutputStage;
import org.maxdnn.infer.Window;
import org.maxdnn.infer.InferencePlan;
import org.maxdnn.infer.Network;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.model.OpType;
import org.maxdnn.mult.MultiplierRegistry;
import org.maxdnn.testing.RequiresTools;

class OperandStreamsTest {
    private static final int PAIRS = 8192;

    /** A 3×3 input, one channel, 3×3 kernel, stride 1, pad 1: every tap's stream checked by hand. */
    @Test
    void weightStationaryOrderAndPadding() {
        byte[] w = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        ConvLayer layer = new ConvLayer("t", OpType.CONV_2D, 0, 1, new FeatureMap(3, 3, 1), new FeatureMap(3, 3, 1),
                new Window(3, 3, 1, 1, 1, 1), 1, w, new int[1], -5,
                new OutputStage(null, 0, -128, 127, false));
        byte[] x = {10, 11, 12, 13, 14, 15, 16, 17, 18};
        for (long seed = 0; seed < 20; seed++) {
            OperandStream s = OperandStreams.weightStationary(layer, List.of(x, x), 20, seed);
            int tap = s.b()[0] - 1; // weights are 1..9 at taps 0..8
            int ky = tap / 3;
            int kx = tap % 3;
            for (int i = 0; i < 18; i++) {
                assertEquals(s.b()[0], s.b()[i], "the weight stays for both images");
                int p = i % 9;
                int iy = p / 3 - 1 + ky;
                int ix = p % 3 - 1 + kx;
                int expected = iy < 0 || iy > 2 || ix < 0 || ix > 2 ? -5 : x[iy * 3 + ix];
                assertEquals(expected, s.a()[i], "pair " + i + " seed " + seed);
            }
        }
    }

    @Test
    void uniformAndExhaustive() {
        OperandStream u = OperandStreams.uniform(100_000, 3);
        assertEquals(100_000, u.size());
        assertEquals(8.0, meanOperandBitFlips(u), 0.05); // 16 random bits, half flip
        OperandStream all = OperandStreams.exhaustive();
        assertEquals(65536, all.size());
        assertEquals(-128, all.a()[0]);
        assertEquals(127, all.b()[255]);
    }

    /**
     * The exact 8×8 multiplier's energy per operation depends on the data: it differs between
     * layers, and real operands cost less than uniform random ones. Prints the table.
     */
    @RequiresTools({"yosys"})
    @Test
    void exactMultiplierEnergyDependsOnLayerAndData() {
        Assets assets = Assets.fromEnvironment();
        Network net = Network.load(assets.model());
        InferencePlan plan = InferencePlan.compile(net, ApproxMap.exact(), new MultiplierRegistry(null));
        long t0 = System.nanoTime();
        Map<String, OperandStream> layers = OperandStreams.capture(plan, ImageSets.readFolder(assets.images(), 2),
                PAIRS, 1);
        long captureMs = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(net.weightedLayers().size(), layers.size());
        for (OperandStream s : layers.values()) {
            assertEquals(PAIRS, s.size());
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "exact 8x8 multiplier (mul8), pJ/op incl. input nets (cells only), %d pairs per stream, capture %d ms%n",
                PAIRS, captureMs));
        for (Path lib : List.of(TestDesigns.OSU018, TestDesigns.sky130())) {
            YosysSynth.Result r = TestDesigns.synth("mul8", lib);
            GateSimulator sim = new GateSimulator(r.netlist(), TestDesigns.liberty(lib));
            EnergyModel model = new EnergyModel(sim, EnergyModel.Options.DEFAULT);
            List<Double> layerPj = new ArrayList<>();
            out.append(String.format(Locale.ROOT, "  %s (%d cells, area %.0f):%n", TestDesigns.liberty(lib).name(),
                    r.netlist().cells().size(), r.area()));
            long s0 = System.nanoTime();
            for (OperandStream s : layers.values()) {
                EnergyReport e = model.evaluate(sim.simulateOperands(s.a(), s.b(), false));
                layerPj.add(e.totalPj());
                out.append(String.format(Locale.ROOT, "    %-8s %7.3f (%7.3f)  operand bit flips/op %.2f%n", s.name(),
                        e.totalPj(), e.cellsOnly() * 1e12, meanOperandBitFlips(s)));
            }
            long simMs = (System.nanoTime() - s0) / 1_000_000;
            OperandStream conv = layers.values().iterator().next();
            OperandStream shuffled = shuffled(layers.get("conv3"), 5);
            OperandStream uni = OperandStreams.uniform(PAIRS, 2);
            double uniformPj = model.evaluate(sim.simulateOperands(uni.a(), uni.b(), false)).totalPj();
            double shuffledPj = model.evaluate(sim.simulateOperands(shuffled.a(), shuffled.b(), false)).totalPj();
            out.append(String.format(Locale.ROOT, "    %-8s %7.3f%n    %-8s %7.3f   (%d layer streams in %d ms)%n",
                    "uniform", uniformPj, "conv3-shuffled", shuffledPj, layers.size(), simMs));
            double min = layerPj.stream().mapToDouble(d -> d).min().orElseThrow();
            double max = layerPj.stream().mapToDouble(d -> d).max().orElseThrow();
            assertTrue(max > 1.2 * min, "layers should differ: " + layerPj);
            assertTrue(uniformPj > 1.2 * max, "uniform operands should cost more than real ones: " + uniformPj);
            assertTrue(conv.size() == PAIRS);
        }
        System.out.print(out);
    }

    /** The same pairs in a random order (same operand distribution, temporal correlation removed). */
    private static OperandStream shuffled(OperandStream s, long seed) {
        int[] x = s.a().clone();
        int[] y = s.b().clone();
        Random r = new Random(seed);
        for (int i = x.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = x[i];
            x[i] = x[j];
            x[j] = t;
            t = y[i];
            y[i] = y[j];
            y[j] = t;
        }
        return new OperandStream(s.name() + "-shuffled", x, y);
    }

    /** Mean number of operand bits (of both operands) that change from one pair to the next. */
    private static double meanOperandBitFlips(OperandStream s) {
        int[] a = s.a();
        int[] b = s.b();
        if (a.length < 2) {
            return 0;
        }
        long n = 0;
        for (int i = 1; i < a.length; i++) {
            n += Integer.bitCount((a[i] ^ a[i - 1]) & 0xFF) + Integer.bitCount((b[i] ^ b[i - 1]) & 0xFF);
        }
        return (double) n / (a.length - 1);
    }
}
