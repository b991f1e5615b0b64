package org.maxdnn.infer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.maxdnn.Assets;
import org.maxdnn.BundledModel;
import org.maxdnn.model.OpType;
import org.maxdnn.mult.MultiplierCatalog;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.mult.MultiplierRegistry;
import org.maxdnn.mult.ProductTerms;
import org.maxdnn.mult.RoupConfig;

/**
 * The vectorised paths ({@link PlanarConv}, {@link VectorFullyConnected}) against the table path
 * (one lookup of the bit-level model's table per multiplication): on every conv, depthwise and FC
 * layer of the five MLPerf Tiny networks with their real weights, and on layer shapes they do not
 * have (odd sizes, strides 2 and 3, unequal strides, non-square and 5×5 kernels, VALID and SAME
 * padding, depth multiplier 2), each under a kernel-level mix of every exact/roup/roupc
 * configuration, a filter-level mix, a uniform roupc map and the exact map (the last two sum
 * output channels four at a time, {@link PlanarConv}'s groups; the mixes mostly one at a time).
 */
class PlanarConvTest {
    private static final MultiplierRegistry REGISTRY = new MultiplierRegistry(null);
    private static final List<MultiplierConfig> ALL = new ArrayList<>();

    static {
        // every configuration of the catalogue whose products decompose into terms, exact last
        for (MultiplierConfig c : MultiplierCatalog.library()) {
            if (!c.equals(MultiplierConfig.EXACT) && REGISTRY.get(c) instanceof ProductTerms) {
                ALL.add(c);
            }
        }
        ALL.add(MultiplierConfig.EXACT);
    }

    @Test
    void theVectorPathsEqualTheTablePathOnEveryLayerOfTheFiveNetworks() {
        assertTrue(ConvKernel.VECTOR_API, "the tests run with --add-modules jdk.incubator.vector");
        Random rnd = new Random(11);
        Assets assets = Assets.fromEnvironment();
        Set<String> seen = new HashSet<>();
        for (BundledModel m : BundledModel.values()) {
            for (ConvLayer layer : Network.load(m.model(assets)).weightedLayers()) {
                String shape = List.of(layer.op(), layer.inH(), layer.inW(), layer.inC(), layer.outC(), layer.kh(),
                        layer.kw(), layer.strideH(), layer.strideW(), layer.groups()).toString();
                if (seen.add(shape)) {
                    checkPaths(layer, rnd, m.shortName() + " " + layer.name() + " " + shape);
                }
            }
        }
        assertTrue(seen.size() > 20, seen.size() + " distinct layer shapes");
        assertTrue(grouped > 0 && grouped < summed, grouped + " of " + summed + " planar output channels summed in groups");
    }

    /** Output channels of planar layers compiled by {@link #checkPaths}, and how many of them in groups. */
    private static int summed;
    private static int grouped;

    @Test
    void thePlanarPathEqualsTheTablePathOnUnusualGeometries() {
        assertTrue(ConvKernel.VECTOR_API, "the tests run with --add-modules jdk.incubator.vector");
        Random rnd = new Random(5);
        int[][] shapes = { // inH, inW, inC, outC, kh, kw, strideH, strideW, same
            {7, 9, 3, 5, 3, 3, 2, 2, 1}, {8, 8, 4, 3, 3, 3, 2, 2, 1}, {11, 6, 2, 4, 5, 5, 3, 2, 1},
            {10, 7, 3, 2, 1, 3, 1, 2, 0}, {9, 9, 5, 6, 3, 1, 3, 3, 0}, {5, 5, 7, 3, 5, 5, 1, 1, 1},
            {1, 1, 37, 10, 1, 1, 1, 1, 0}, {6, 13, 2, 3, 2, 4, 2, 3, 1},
        };
        for (int[] g : shapes) {
            checkPaths(randomLayer(rnd, g, 1), rnd, "shape " + java.util.Arrays.toString(g));
        }
        int[][] depthwise = { // inH, inW, inC, kh, kw, strideH, strideW, same, depth multiplier
            {9, 7, 5, 3, 3, 2, 2, 1, 1}, {8, 8, 4, 3, 3, 1, 1, 1, 2}, {7, 10, 3, 5, 3, 2, 1, 0, 1},
        };
        for (int[] d : depthwise) {
            int[] g = {d[0], d[1], d[2], d[2] * d[8], d[3], d[4], d[5], d[6], d[7]};
            checkPaths(randomLayer(rnd, g, d[2]), rnd, "depthwise " + java.util.Arrays.toString(d));
        }
    }

    /**
     * The planar path sums in float lanes, exact only below 2^24: on a layer where an output
     * channel's sum reaches 576 · 255 · 127 ≈ 1.9 · 2^24 (every activation and weight at its extreme,
     * of one sign, then the other), it still equals the table path, because it cuts the terms into
     * chunks that stay below 2^22 (for a group of channels summed together, below 2^22 in each).
     */
    @Test
    void theFloatSumsAreExactAtTheLargestAccumulators() {
        assertTrue(ConvKernel.VECTOR_API, "the tests run with --add-modules jdk.incubator.vector");
        int[] g = {8, 8, 64, 4, 3, 3, 1, 1, 1};
        byte[] w = new byte[4 * 9 * 64];
        for (int i = 0; i < w.length; i++) {
            int oc = i / (9 * 64);
            w[i] = (byte) (oc == 0 ? 127 : oc == 1 ? -128 : oc == 2 ? (i % 2 == 0 ? 127 : -128) : 1);
        }
        MultiplierConfig[][] exact = new MultiplierConfig[4][64];
        for (MultiplierConfig[] row : exact) {
            java.util.Arrays.fill(row, MultiplierConfig.EXACT);
        }
        for (int zp : new int[] {-128, 127}) {
            // every activation as far from the zero point as it goes
            ConvLayer layer = layer(new Random(3), g, 1, w, zp);
            ConvKernel table = ConvKernel.compile(layer, exact, REGISTRY, ConvKernel.Path.TABLE);
            ConvKernel vector = ConvKernel.compile(layer, exact, REGISTRY, ConvKernel.Path.PLANAR);
            // the four channels summed as one group: its chunks are cut where any channel's sum would pass 2^22
            assertTrue(((PlanarConv) vector).groupedChannels() == 4, "the four output channels in one group");
            byte[] in = new byte[layer.inH() * layer.inW() * layer.inC()];
            java.util.Arrays.fill(in, (byte) (zp == -128 ? 127 : -128));
            int[] expected = run(layer, table, in);
            // acc of the centre of the top-left 3x3 window, output channel 0
            assertTrue(Math.abs((long) expected[9 * layer.outC()]) > 1 << 24, "the sum exceeds 2^24: " + expected[9 * 4]);
            assertArrayEquals(expected, run(layer, vector, in), "zero point " + zp);
            // and each channel summed alone, its own chunks
            ConvKernel alone = ConvKernel.compile(layer, exact, REGISTRY, ConvKernel.Path.AUTO_UNGROUPED);
            assertTrue(((PlanarConv) alone).groupedChannels() == 0, "no group without grouping");
            assertArrayEquals(expected, run(layer, alone, in), "zero point " + zp + ", channels alone");
        }
    }

    /**
     * Table path and vector path on three random inputs (about half at the zero point, as after a
     * ReLU), under a kernel-level mix of every configuration and under uniform roupc-p1r7.
     */
    private static void checkPaths(ConvLayer layer, Random rnd, String where) {
        MultiplierConfig[][] mixed = new MultiplierConfig[layer.outC()][layer.filterDepth()];
        MultiplierConfig[][] uniform = new MultiplierConfig[layer.outC()][layer.filterDepth()];
        MultiplierConfig[][] exact = new MultiplierConfig[layer.outC()][layer.filterDepth()];
        MultiplierConfig[][] filters = new MultiplierConfig[layer.outC()][layer.filterDepth()];
        for (int oc = 0; oc < layer.outC(); oc++) {
            MultiplierConfig filter = ALL.get(rnd.nextInt(ALL.size()));
            for (int j = 0; j < layer.filterDepth(); j++) {
                mixed[oc][j] = ALL.get(rnd.nextInt(ALL.size()));
                uniform[oc][j] = RoupConfig.roupc(1, 7);
                exact[oc][j] = MultiplierConfig.EXACT;
                filters[oc][j] = filter;
            }
        }
        for (MultiplierConfig[][] configs : List.of(mixed, uniform, exact, filters)) {
            ConvKernel table = ConvKernel.compile(layer, configs, REGISTRY, ConvKernel.Path.TABLE);
            ConvKernel vector = ConvKernel.compile(layer, configs, REGISTRY, ConvKernel.Path.PLANAR);
            if (vector instanceof PlanarConv planar) {
                summed += layer.outC();
                grouped += planar.groupedChannels();
            }
            for (int image = 0; image < 3; image++) {
                byte[] in = new byte[layer.inH() * layer.inW() * layer.inC()];
                for (int i = 0; i < in.length; i++) {
                    in[i] = (byte) (rnd.nextBoolean() ? layer.inZeroPoint() : rnd.nextInt(256) - 128);
                }
                assertArrayEquals(run(layer, table, in), run(layer, vector, in), where + " image " + image);
            }
        }
    }

    private static int[] run(ConvLayer layer, ConvKernel k, byte[] in) {
        int outputs = layer.outH() * layer.outW() * layer.outC();
        int[] acc = new int[outputs];
        byte[] out = new byte[outputs];
        k.run(in, out, new ConvKernel.Scratch(layer.patchSize(), layer.outC()), acc);
        // without accumulators asked for, the planar path requantises whole planes at once: the same outputs
        byte[] alone = new byte[outputs];
        k.run(in, alone, new ConvKernel.Scratch(layer.patchSize(), layer.outC()), null);
        int[] all = java.util.Arrays.copyOf(acc, 3 * outputs);
        for (int i = 0; i < outputs; i++) {
            all[outputs + i] = out[i];
            all[2 * outputs + i] = alone[i];
        }
        return all;
    }

    /**
     * TF padding: SAME pads (total) max((out − 1)·s + k − in, 0), the smaller half at the top/left.
     * {@code groups} = inC makes a depthwise layer.
     */
    private static ConvLayer randomLayer(Random rnd, int[] g, int groups) {
        byte[] w = new byte[g[3] * g[4] * g[5] * g[2] / groups];
        rnd.nextBytes(w);
        return layer(rnd, g, groups, w, null);
    }

    /** The layer of geometry {@code g} with weights {@code w}, random biases and scales; zero point {@code zp}, or random. */
    private static ConvLayer layer(Random rnd, int[] g, int groups, byte[] w, Integer zp) {
        int inH = g[0], inW = g[1], inC = g[2], outC = g[3], kh = g[4], kw = g[5], sh = g[6], sw = g[7];
        boolean same = g[8] == 1;
        int outH = same ? (inH + sh - 1) / sh : (inH - kh) / sh + 1;
        int outW = same ? (inW + sw - 1) / sw : (inW - kw) / sw + 1;
        int padTop = same ? Math.max((outH - 1) * sh + kh - inH, 0) / 2 : 0;
        int padLeft = same ? Math.max((outW - 1) * sw + kw - inW, 0) / 2 : 0;
        int[] bias = new int[outC];
        QuantizedMultiplier[] requant = new QuantizedMultiplier[outC];
        for (int oc = 0; oc < outC; oc++) {
            bias[oc] = rnd.nextInt(2001) - 1000;
            requant[oc] = QuantizedMultiplier.of(0.0005 + rnd.nextDouble() * 0.002);
        }
        return new ConvLayer("test", groups == 1 ? OpType.CONV_2D : OpType.DEPTHWISE_CONV_2D, 0, 1, new FeatureMap(inH, inW, inC), new FeatureMap(outH, outW, outC),
                new Window(kh, kw, sh, sw, padTop, padLeft), groups, w, bias, zp != null ? zp : -128 + rnd.nextInt(20),
                new OutputStage(requant, rnd.nextInt(11) - 5, -128, 127, rnd.nextBoolean()));
    }
}
