package org.maxdnn.cosim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.maxdnn.Assets;
import org.maxdnn.BundledModel;
import org.maxdnn.accel.AcceleratorConfig;
import org.maxdnn.accel.HostInterface;
import org.maxdnn.array.ArrayConfig;
import org.maxdnn.data.DataSets;
import org.maxdnn.data.LabeledImage;
import org.maxdnn.infer.ConvLayer;
import org.maxdnn.infer.FeatureMap;
import org.maxdnn.infer.OutputStage;
import org.maxdnn.infer.Window;
import org.maxdnn.infer.InferencePlan;
import org.maxdnn.infer.Network;
import org.maxdnn.infer.QuantizedMultiplier;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.model.OpType;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.mult.MultiplierRegistry;
import org.maxdnn.rtl.AcceleratorRtl;
import org.maxdnn.testing.RequiresTools;

/**
 * The accelerator (a 4x4 configurable array with memories sized for KWS) in Verilator against the
 * golden model: im2col address generation (strides, SAME padding with the input zero point, packed
 * depthwise groups, reduction folds) against the golden im2col, the foot's requantisation in both
 * rounding variants on random and edge values, and a whole KWS inference, every layer's int8 output
 * bit for bit.
 */
@RequiresTools({"verilator"})
class AcceleratorCosimTest {
    static final AcceleratorConfig CONFIG = new AcceleratorConfig(ArrayConfig.configurable(4, 4), 16384, 4096, 2048,
            128, 4, AcceleratorConfig.MemoryStyle.FLOPS);
    static Assets assets;
    static MultiplierRegistry registry;
    static AcceleratorDriver driver;

    @BeforeAll
    static void setUp() {
        assets = Assets.fromEnvironment();
        registry = new MultiplierRegistry(assets.lutDir());
        driver = new AcceleratorDriver(CONFIG, AcceleratorRtl.simulationVerilog(CONFIG, null), registry,
                CosimDriver.Simulator.VERILATOR);
    }

    @AfterAll
    static void tearDown() {
        driver.close();
    }

    /** The golden output of one layer: Σ over the golden im2col of f(x, w) − f(x_zp, w), plus bias, requantised. */
    static byte[] golden(ConvLayer l, MultiplierConfig[][] kernels, byte[] input) {
        int[] patch = new int[l.patchSize()];
        byte[] out = new byte[l.outH() * l.outW() * l.outC()];
        for (int oy = 0; oy < l.outH(); oy++) {
            for (int ox = 0; ox < l.outW(); ox++) {
                l.im2col(input, oy, ox, patch);
                for (int oc = 0; oc < l.outC(); oc++) {
                    int acc = l.bias()[oc];
                    int first = l.firstInputChannel(oc);
                    for (int t = 0; t < l.kh() * l.kw(); t++) {
                        for (int j = 0; j < l.filterDepth(); j++) {
                            int w = l.weights()[(oc * l.kh() * l.kw() + t) * l.filterDepth() + j];
                            var f = registry.get(kernels[oc][j]);
                            acc += f.multiply(patch[t * l.inC() + first + j], w) - f.multiply(l.inZeroPoint(), w);
                        }
                    }
                    out[(oy * l.outW() + ox) * l.outC() + oc] = l.requantize(oc, acc);
                }
            }
        }
        return out;
    }

    static ConvLayer randomLayer(Random rnd, OpType op, int inH, int inW, int inC, int outC, int k, int stride,
                                 int pad, int groups, boolean single) {
        int outH = (inH + 2 * pad - k) / stride + 1;
        int outW = (inW + 2 * pad - k) / stride + 1;
        byte[] w = new byte[outC * k * k * (inC / groups)];
        rnd.nextBytes(w);
        int[] bias = rnd.ints(outC, -5000, 5000).toArray();
        QuantizedMultiplier[] q = new QuantizedMultiplier[outC];
        for (int i = 0; i < outC; i++) {
            q[i] = QuantizedMultiplier.of(Math.scalb(0.5 + rnd.nextDouble() / 2, -8 - rnd.nextInt(4)));
        }
        return new ConvLayer("l", op, 0, 1, new FeatureMap(inH, inW, inC), new FeatureMap(outH, outW, outC),
                new Window(k, k, stride, stride, pad, pad), groups, w, bias, rnd.nextInt(256) - 128,
                new OutputStage(q, rnd.nextInt(256) - 128, -128, 127, single));
    }

    static MultiplierConfig[][] randomKernels(Random rnd, ConvLayer l) {
        List<MultiplierConfig> mix = NetworkCosimTest.MIX;
        MultiplierConfig[][] k = new MultiplierConfig[l.outC()][l.filterDepth()];
        for (MultiplierConfig[] row : k) {
            for (int j = 0; j < row.length; j++) {
                row[j] = mix.get(rnd.nextInt(mix.size()));
            }
        }
        return k;
    }

    private static void layerMatches(ConvLayer l, Random rnd) {
        byte[] input = new byte[l.inH() * l.inW() * l.inC()];
        rnd.nextBytes(input);
        MultiplierConfig[][] kernels = randomKernels(rnd, l);
        assertArrayEquals(golden(l, kernels, input), driver.layer(l, kernels, input),
                l.op() + " " + l.inH() + "x" + l.inW() + "x" + l.inC() + " stride " + l.strideH() + " pad " + l.padTop());
    }

    @Test
    void convolutionsWithStridesPaddingAndFoldsMatchTheGoldenIm2col() {
        Random rnd = new Random(1);
        // 3x3 SAME, stride 1: 27 reduction rows over 7 folds, 6 channels over 2 column folds
        layerMatches(randomLayer(rnd, OpType.CONV_2D, 5, 6, 3, 6, 3, 1, 1, 1, false), rnd);
        // stride 2 with padding, runtime rounding
        layerMatches(randomLayer(rnd, OpType.CONV_2D, 7, 7, 2, 5, 3, 2, 1, 1, true), rnd);
        // depthwise: 6 channels, 4 packed per fold, a group straddling two folds
        layerMatches(randomLayer(rnd, OpType.DEPTHWISE_CONV_2D, 5, 5, 6, 6, 3, 1, 1, 6, false), rnd);
        // FC as a 1x1 convolution over a 1x1 input
        layerMatches(randomLayer(rnd, OpType.FULLY_CONNECTED, 1, 1, 11, 7, 1, 1, 0, 1, false), rnd);
    }

    /** Requantisation in both variants: a 1x1 conv with weight 1, so every output requantises its input + bias. */
    @Test
    void footRequantisesAsTheGoldenModelOnRandomAndEdgeValues() {
        requantisesAsTheGoldenModel(driver);
    }

    /** 16 channels of 16x16 pixels through {@code d}'s foot: edge multipliers, shifts and biases, then random ones, in both variants. */
    private static void requantisesAsTheGoldenModel(AcceleratorDriver d) {
        Random rnd = new Random(2);
        int[] multipliers = {Integer.MAX_VALUE, 1 << 30, 0, Integer.MIN_VALUE, 1518500250, 1073741825};
        int[] shifts = {-31, -20, -1, 0, 1, 5, 30};
        int[] biases = {Integer.MAX_VALUE, Integer.MIN_VALUE, 0, -1, 1 << 24, -(1 << 24), 1 << 30};
        for (boolean single : new boolean[] {false, true}) {
            for (int run = 0; run < 3; run++) {
                int outC = 16;
                QuantizedMultiplier[] q = new QuantizedMultiplier[outC];
                int[] bias = new int[outC];
                for (int c = 0; c < outC; c++) {
                    boolean edge = run == 0;
                    int m = edge ? multipliers[c % multipliers.length] : (1 << 30) + rnd.nextInt(1 << 30);
                    int s = edge ? shifts[c % shifts.length] : rnd.nextInt(62) - 31;
                    q[c] = new QuantizedMultiplier(m, single ? Math.min(s, 30) : s);
                    bias[c] = edge ? biases[c % biases.length] : rnd.nextInt();
                }
                byte[] w = new byte[outC];
                Arrays.fill(w, (byte) 1);
                int zp = rnd.nextInt(256) - 128;
                ConvLayer l = new ConvLayer("requant", OpType.CONV_2D, 0, 1, new FeatureMap(16, 16, 1),
                        new FeatureMap(16, 16, outC), Window.single(), 1, w, bias, zp, new OutputStage(q,
                        rnd.nextInt(256) - 128, run == 2 ? -20 : -128, run == 2 ? 90 : 127, single));
                byte[] input = new byte[256];
                for (int i = 0; i < input.length; i++) {
                    input[i] = (byte) i;
                }
                MultiplierConfig[][] exact = new MultiplierConfig[outC][1];
                for (MultiplierConfig[] row : exact) {
                    row[0] = MultiplierConfig.EXACT;
                }
                assertArrayEquals(golden(l, exact, input), d.layer(l, exact, input),
                        (single ? "single" : "double") + " rounding, run " + run);
            }
        }
    }

    /**
     * The requantiser over R cycles (32 x 32/R bits a cycle): convolutions with reduction and column
     * folds (both rounding variants, a depthwise layer) and the edge values, bit for bit; a last fold
     * streams a vector each lastFoldVectorPeriod() = 4R cycles on the 4x4 array.
     */
    @ParameterizedTest
    @ValueSource(ints = {2, 4, 8})
    void aRequantiserOverSeveralCyclesIsBitExact(int cycles) {
        AcceleratorConfig serial = new AcceleratorConfig(CONFIG.array(), 4096, 256, 1024, 16, 2,
                AcceleratorConfig.MemoryStyle.FLOPS, cycles);
        assertEquals(4 * cycles, serial.lastFoldVectorPeriod());
        try (AcceleratorDriver d = new AcceleratorDriver(serial, AcceleratorRtl.simulationVerilog(serial, null), registry,
                CosimDriver.Simulator.VERILATOR)) {
            Random rnd = new Random(cycles);
            for (ConvLayer l : List.of(randomLayer(rnd, OpType.CONV_2D, 5, 6, 3, 6, 3, 1, 1, 1, false),
                    randomLayer(rnd, OpType.CONV_2D, 7, 7, 2, 5, 3, 2, 1, 1, true),
                    randomLayer(rnd, OpType.DEPTHWISE_CONV_2D, 5, 5, 6, 6, 3, 1, 1, 6, false))) {
                byte[] input = new byte[l.inH() * l.inW() * l.inC()];
                rnd.nextBytes(input);
                MultiplierConfig[][] kernels = randomKernels(rnd, l);
                assertArrayEquals(golden(l, kernels, input), d.layer(l, kernels, input), l.op() + ", requantiser of " + cycles
                        + " cycles");
            }
            requantisesAsTheGoldenModel(d);
        }
    }

    /** The energy-proportional array inside: the sequencer enables the fold's columns. */
    @Test
    void theGatedArrayRunsTheSameLayersBitExactly() {
        AcceleratorConfig gated = new AcceleratorConfig(CONFIG.array().withGating(true), 1024, 256, 256, 16, 2,
                AcceleratorConfig.MemoryStyle.FLOPS);
        try (AcceleratorDriver d = new AcceleratorDriver(gated, AcceleratorRtl.simulationVerilog(gated, null), registry,
                CosimDriver.Simulator.VERILATOR)) {
            Random rnd = new Random(1);
            for (ConvLayer l : List.of(randomLayer(rnd, OpType.CONV_2D, 5, 6, 3, 6, 3, 1, 1, 1, false),
                    randomLayer(rnd, OpType.DEPTHWISE_CONV_2D, 5, 5, 6, 6, 3, 1, 1, 6, false))) {
                byte[] input = new byte[l.inH() * l.inW() * l.inC()];
                rnd.nextBytes(input);
                MultiplierConfig[][] kernels = randomKernels(rnd, l);
                assertArrayEquals(golden(l, kernels, input), d.layer(l, kernels, input), l.op() + " on the gated array");
            }
        }
    }

    /**
     * A network as a descriptor list: two layers started once, the first without halt, the second's
     * input the first's output in the other bank; only the last raises done.
     */
    @Test
    void aDescriptorListRunsTwoLayersFromOneStart() {
        Random rnd = new Random(3);
        ConvLayer first = randomLayer(rnd, OpType.CONV_2D, 5, 6, 3, 6, 3, 1, 1, 1, false);
        ConvLayer second = randomLayer(rnd, OpType.CONV_2D, 5, 6, 6, 5, 1, 1, 0, 1, true);
        MultiplierConfig[][] k1 = randomKernels(rnd, first);
        MultiplierConfig[][] k2 = randomKernels(rnd, second);
        byte[] input = new byte[5 * 6 * 3];
        rnd.nextBytes(input);
        byte[] expected = golden(second, k2, golden(first, k1, input));
        LayerProgram p1 = new LayerProgram(CONFIG, first, k1, registry);
        LayerProgram p2 = new LayerProgram(CONFIG, second, k2, registry);
        int a = CONFIG.activationBytes();
        int[] words = new int[input.length];
        for (int i = 0; i < input.length; i++) {
            words[i] = input[i] & 0xFF;
        }
        HostCommands h = new HostCommands().write(HostInterface.address(HostInterface.ACTIVATIONS, 0), words);
        p1.writeTables(h, 0, 0);
        p2.writeTables(h, CONFIG.weightWords(), CONFIG.parameterEntries());
        p1.writeDescriptor(h, 0, p1.descriptor(false, 0, a, 0, 0));
        p2.writeDescriptor(h, 1, p2.descriptor(true, a, 0, CONFIG.weightWords(), CONFIG.parameterEntries()));
        h.write(HostInterface.address(HostInterface.REGISTERS, HostInterface.REG_START), 0).run(1_000_000)
                .read(HostInterface.address(HostInterface.REGISTERS, HostInterface.REG_STATUS), 1)
                .read(HostInterface.address(HostInterface.ACTIVATIONS, 0), expected.length);
        java.nio.ByteBuffer r = java.nio.ByteBuffer.wrap(driver.execute(h)).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        r.getLong();
        assertEquals(1, r.get(), "done rose");
        assertEquals(HostInterface.STATUS_DONE | 1 << 16, r.getInt(), "done, not busy, at descriptor 1");
        byte[] out = new byte[expected.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) r.getInt();
        }
        assertArrayEquals(expected, out);
    }

    @Test
    void kwsRunsEndToEndBitExactly() {
        Network net = Network.load(BundledModel.KWS.model(assets));
        List<LabeledImage> one = DataSets.read(BundledModel.KWS.samples(assets), net, 1).inputs().subList(0, 1);
        InferencePlan plan = InferencePlan.compile(net, ApproxMap.randomKernels(net.weightedLayers(), NetworkCosimTest.MIX, 3),
                registry);
        AcceleratorDriver.Report r = driver.network(plan, one, null);
        System.out.printf(Locale.ROOT, "accelerator kws on 4x4: %,.0f cycles per inference, %.2f s, %d mismatches%n",
                r.cyclesPerInference(), r.seconds(), r.mismatchCount());
        assertEquals(0, r.mismatchCount(), () -> r.mismatches().get(0).describe());
        assertEquals(net.weightedLayers().size(), r.layers().size());
        for (AcceleratorLayerRun l : r.layers()) {
            assertEquals(l.count("fetch") + l.count("load") + l.count("stream") + l.count("drain"), l.cycles(), l.layer());
            assertTrue(l.cycles() >= l.arrayCycles(), l.layer() + ": the accelerator cannot beat the bare array's count");
        }
    }
}
