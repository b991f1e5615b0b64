package org.maxdnn.cosim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.maxdnn.Assets;
import org.maxdnn.BundledModel;
import org.maxdnn.MaxdnnException;
import org.maxdnn.array.ArrayConfig;
import org.maxdnn.array.GemmViews;
import org.maxdnn.array.Tiling;
import org.maxdnn.data.DataSets;
import org.maxdnn.data.ImageSets;
import org.maxdnn.data.LabeledImage;
import org.maxdnn.infer.ConvLayer;
import org.maxdnn.infer.InferencePlan;
import org.maxdnn.infer.Network;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.map.Compensation;
import org.maxdnn.model.OpType;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.mult.MultiplierRegistry;
import org.maxdnn.rtl.RtlGenerator;
import org.maxdnn.testing.RequiresTools;

/**
 * Whole-network cosimulation of real images through the generated configurable array in Verilator
 * (every conv and FC layer of ResNet-8; {@link NetworkCosimTest} runs the other networks),
 * and fixed arrays on their layer: each run compares every tile output, and the RTL runs exactly
 * the cycles its layers' tilings predict.
 */
@RequiresTools({"verilator"})
class CosimTest {
    static final int ROWS = 8;
    static final int COLS = 8;
    static Assets assets;
    static Network net;
    static List<LabeledImage> images;
    static MultiplierRegistry registry;
    static CosimDriver driver;

    @BeforeAll
    static void setUp() {
        assets = Assets.fromEnvironment();
        net = Network.load(assets.model());
        images = ImageSets.readFolder(assets.images(), 2);
        registry = new MultiplierRegistry(assets.lutDir());
        long t0 = System.nanoTime();
        driver = CosimDriver.configurable(ROWS, COLS, registry);
        System.out.printf(Locale.ROOT, "cosim harness %dx%d ready in %.1f s%n", ROWS, COLS, (System.nanoTime() - t0) / 1e9);
    }

    @AfterAll
    static void tearDown() {
        driver.close();
    }

    /** Tile outputs and cycles of {@code layers} on {@code array} for {@code n} images in one batch. */
    private static long[] expectedOutputsAndCycles(ArrayConfig array, List<ConvLayer> layers, int n) {
        long outputs = 0;
        long cycles = 0;
        for (ConvLayer l : layers) {
            Tiling t = Tiling.of(GemmViews.of(l), array);
            int vectors = n * t.view().m();
            outputs += (long) t.folds().size() * vectors * array.cols();
            cycles += t.cycles(vectors);
        }
        return new long[] {outputs, cycles};
    }

    private static void bitExact(ApproxMap map, String what) {
        CosimDriver.Report r = driver.network(InferencePlan.compile(net, map, registry), images, null);
        System.out.printf(Locale.ROOT, "cosim %s: %d images, %,d MACs, %d tiles, %,d tile outputs compared, %,d cycles, "
                        + "%.1f s, %.1f M MAC/s, %d mismatches%n", what, r.images(), r.macs(), r.tiles(), r.tileOutputs(),
                r.cycles(), r.seconds(), r.macsPerSecond() / 1e6, r.mismatchCount());
        assertEquals(0, r.mismatchCount(), () -> what + ": " + r.mismatches().get(0).describe());
        assertEquals(2 * 12_501_632L, r.macs(), "every conv and FC multiplication of 2 images went through the RTL");
        long[] expected = expectedOutputsAndCycles(ArrayConfig.configurable(ROWS, COLS), net.weightedLayers(), 2);
        assertEquals(expected[0], r.tileOutputs(), "every partial sum of every fold was compared");
        assertEquals(expected[1], r.tilingCycles());
        assertEquals(r.tilingCycles(), r.cycles(), "the RTL ran the cycles the tilings predict");
    }

    @Test
    void exactMapIsBitExact() {
        bitExact(ApproxMap.exact(), "exact");
    }

    @Test
    void uniformRoupMapIsBitExact() {
        bitExact(ApproxMap.uniform(MultiplierConfig.parse("roup-p1r2")), "uniform roup-p1r2");
    }

    @Test
    void randomKernelLevelMixedMapIsBitExact() {
        List<MultiplierConfig> mix = Stream.of("exact", "roup-p1r2", "roup-p2r0", "roup-p0r5", "roupc-p0r4", "roupc-p1r6",
                "roup-p3r7").map(MultiplierConfig::parse).toList();
        bitExact(ApproxMap.randomKernels(net, mix, 11), "random kernel-level mix");
    }

    /**
     * A bias-compensated kernel-level map (issue #16): the corrected biases are what the golden model
     * and the array's folded bias both use, so the RTL stays bit-exact with them.
     */
    @Test
    void compensatedKernelLevelMapIsBitExact() {
        List<MultiplierConfig> mix = Stream.of("exact", "roup-p2r0", "roup-p1r4", "roupc-p1r6", "roup-p3r0")
                .map(MultiplierConfig::parse).toList();
        ApproxMap map = Compensation.calibrate(net, ApproxMap.randomKernels(net, mix, 16),
                ImageSets.readFolder(assets.images(), 10).stream().map(LabeledImage::pixels).toList(), registry);
        InferencePlan plan = InferencePlan.compile(net, map, registry);
        for (ConvLayer l : net.weightedLayers().stream().filter(l -> l.op() == OpType.CONV_2D).toList()) {
            int[] c = map.compensation(l);
            assertTrue(java.util.Arrays.stream(c).anyMatch(v -> v != 0), l.name() + " has corrections");
            for (int oc = 0; oc < l.outC(); oc++) {
                assertEquals(l.bias()[oc] - c[oc], plan.network().layer(l.name()).bias()[oc], l.name() + " bias " + oc);
            }
        }
        bitExact(map, "compensated random kernel-level mix");
    }

    /**
     * The second opinion: a whole KWS inference in Icarus (one clip on a 4x4 array, it is slow), its
     * conv, depthwise and FC layers under a kernel-level mix, is bit-exact too.
     */
    @RequiresTools({"iverilog", "vvp"})
    @Test
    void icarusAgreesOnAWholeInference() {
        ArrayConfig d = ArrayConfig.configurable(4, 4);
        List<MultiplierConfig> mix = Stream.of("exact", "roup-p1r2", "roupc-p2r5").map(MultiplierConfig::parse).toList();
        Network kws = Network.load(BundledModel.KWS.model(assets));
        InferencePlan plan = InferencePlan.compile(kws, ApproxMap.randomKernels(kws.weightedLayers(), mix, 7), registry);
        try (CosimDriver icarus = new CosimDriver(d, RtlGenerator.arrayVerilog(d), registry, CosimDriver.Simulator.ICARUS, 1,
                false)) {
            CosimDriver.Report r = icarus.network(plan, DataSets.read(BundledModel.KWS.samples(assets), kws, 1).inputs(), null);
            System.out.printf(Locale.ROOT, "cosim icarus 4x4: %,d MACs, %d tiles, %,d cycles, %.1f s, %.2f M MAC/s, "
                    + "%d mismatches%n", r.macs(), r.tiles(), r.cycles(), r.seconds(), r.macsPerSecond() / 1e6, r.mismatchCount());
            assertEquals(0, r.mismatchCount(), () -> r.mismatches().get(0).describe());
            assertEquals(kws.totalMacs(), r.macs());
            assertEquals(kws.weightedLayers().size(), r.layers().size(), "conv, depthwise and FC layers in Icarus");
            assertEquals(r.tilingCycles(), r.cycles(), "Icarus ran the cycles the tilings predict");
        }
    }

    /**
     * A fixed array of an ALWANN layer: EvoApprox black-box PEs with the offset terms and the tuned
     * weight codes, on conv0, whose 27 reduction indices leave a row of 4 idle in the last fold
     * (where the circuit's f(0, 0) is not 0 and is folded out). The fixed arrays are those of
     * {@link FaultInjectionTest}'s controls, so their harnesses are built once.
     */
    @Test
    void fixedAlwannArrayIsBitExactOnItsLayer() {
        fixedArrayOnItsLayer(net, images, "conv0", MultiplierConfig.parse("alwann:mul8u_2AC"));
    }

    @Test
    void fixedRoupArrayIsBitExactOnItsLayer() {
        fixedArrayOnItsLayer(net, images, "conv1", MultiplierConfig.parse("roup-p1r2"));
    }

    /**
     * A fixed ALWANN array on a packed depthwise layer (KWS's dw0, 4 channels side by side): each row
     * holds one channel's tap, and the circuit's f(a, 0) ≠ 0 that the PEs beside it add for the row's
     * activation is folded out per vector.
     */
    @Test
    void fixedAlwannArrayIsBitExactOnAPackedDepthwiseLayer() {
        MultiplierConfig alwann = MultiplierConfig.parse("alwann:mul8u_2AC");
        assertTrue(java.util.stream.IntStream.range(-128, 128).anyMatch(a -> registry.get(alwann).multiply(a, 0) != 0),
                "the circuit adds something against weight 0");
        Network kws = Network.load(BundledModel.KWS.model(assets));
        fixedArrayOnItsLayer(kws, DataSets.read(BundledModel.KWS.samples(assets), kws, 1).inputs(), "dw0", alwann);
    }

    private static void fixedArrayOnItsLayer(Network net, List<LabeledImage> images, String layer, MultiplierConfig config) {
        ConvLayer l = net.layer(layer);
        ApproxMap map = ApproxMap.layerLevel(Map.of(layer, config));
        ArrayConfig array = Tiling.of(GemmViews.of(l), ArrayConfig.configurable(4, 4)).fixedArray(map.resolve(l)).require();
        try (CosimDriver d = new CosimDriver(array, RtlGenerator.arrayVerilog(array, assets), registry, 2)) {
            CosimDriver.Report r = d.network(InferencePlan.compile(net, map, registry), images.subList(0, 1), null);
            System.out.printf(Locale.ROOT, "cosim fixed %s: %,d MACs, %d tiles, %,d tile outputs compared, %,d cycles, "
                    + "%d mismatches%n", array.moduleName(), r.macs(), r.tiles(), r.tileOutputs(), r.cycles(), r.mismatchCount());
            assertEquals(0, r.mismatchCount(), () -> r.mismatches().get(0).describe());
            assertEquals(l.macs(), r.macs(), "only its layer ran on the fixed array");
            long[] expected = expectedOutputsAndCycles(array, List.of(l), 1);
            assertEquals(expected[0], r.tileOutputs());
            assertEquals(expected[1], r.cycles(), "the RTL ran the cycles the tiling predicts");
            // and it runs only the map it holds
            ApproxMap other = ApproxMap.layerLevel(Map.of(layer, MultiplierConfig.EXACT));
            MaxdnnException e = assertThrows(MaxdnnException.class,
                    () -> d.network(InferencePlan.compile(net, other, registry), images.subList(0, 1), null));
            assertTrue(e.getMessage().contains("does not hold the map of " + layer), e.getMessage());
        }
    }
}
