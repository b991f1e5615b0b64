package org.maxdnn.cosim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.maxdnn.Assets;
import org.maxdnn.BundledModel;
import org.maxdnn.array.ArrayConfig;
import org.maxdnn.array.GemmViews;
import org.maxdnn.array.ScaleSimModel;
import org.maxdnn.array.Tiling;
import org.maxdnn.data.DataSets;
import org.maxdnn.data.LabeledImage;
import org.maxdnn.infer.ConvLayer;
import org.maxdnn.infer.InferencePlan;
import org.maxdnn.infer.Network;
import org.maxdnn.infer.Rounding;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.model.OpType;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.mult.MultiplierRegistry;
import org.maxdnn.testing.RequiresTools;

/**
 * A whole inference of each MLPerf Tiny network with every conv, depthwise and FC layer on the
 * generated configurable 8x8 array in Verilator (the array {@link CosimTest} builds, so the harness
 * is compiled once): bit-exact under a kernel-level mix over every layer and under a map that
 * approximates only the FC and depthwise layers; every layer's measured cycles equal its tiling's
 * and SCALE-Sim's analytical count up to the two stated terms.
 */
@RequiresTools({"verilator"})
class NetworkCosimTest {
    static final ArrayConfig ARRAY = ArrayConfig.configurable(CosimTest.ROWS, CosimTest.COLS);
    static final List<MultiplierConfig> MIX = Stream.of("exact", "roup-p1r2", "roup-p2r0", "roup-p0r5", "roupc-p0r4",
            "roupc-p1r6", "roup-p3r7").map(MultiplierConfig::parse).toList();
    static Assets assets;
    static MultiplierRegistry registry;
    static CosimDriver driver;

    @BeforeAll
    static void setUp() {
        assets = Assets.fromEnvironment();
        registry = new MultiplierRegistry(assets.lutDir());
        driver = CosimDriver.configurable(ARRAY.rows(), ARRAY.cols(), registry);
    }

    @AfterAll
    static void tearDown() {
        driver.close();
    }

    @ParameterizedTest
    @EnumSource(BundledModel.class)
    void everyApproximableLayerRunsOnTheArrayBitExactly(BundledModel model) {
        Network net = Network.load(model.model(assets));
        // one inference: an image, a clip, an anomaly spectrogram's first window
        List<LabeledImage> one = DataSets.read(model.samples(assets), net, 1).inputs().subList(0, 1);
        List<ConvLayer> fcAndDw = net.weightedLayers().stream().filter(l -> l.op() != OpType.CONV_2D).toList();
        bitExact(net, one, ApproxMap.randomKernels(net.weightedLayers(), MIX, 3), model + ", kernel-level mix");
        bitExact(net, one, ApproxMap.randomKernels(fcAndDw, MIX, 4), model + ", FC and depthwise approximated");
    }

    /**
     * The array computes accumulators; requantisation stays in the golden layer, so the runtime
     * rounding (single rounding in CONV_2D and FC) cosimulates as the reference one does.
     */
    @ParameterizedTest
    @EnumSource(value = BundledModel.class, names = {"RESNET8", "AD"})
    void runtimeRoundingIsBitExactToo(BundledModel model) {
        Network net = Network.load(model.model(assets), Rounding.RUNTIME);
        List<LabeledImage> one = DataSets.read(model.samples(assets), net, 1).inputs().subList(0, 1);
        bitExact(net, one, ApproxMap.randomKernels(net.weightedLayers(), MIX, 5), model + ", runtime rounding");
    }

    private static void bitExact(Network net, List<LabeledImage> inputs, ApproxMap map, String what) {
        CosimDriver.Report r = driver.network(InferencePlan.compile(net, map, registry), inputs, null);
        System.out.printf(Locale.ROOT, "cosim %s on %dx%d: %,d MACs, %,d tiles, %,d tile outputs, %,d cycles, "
                        + "utilisation %.3f, %.1f s, %.1f M MAC/s, %d mismatches%n", what, ARRAY.rows(), ARRAY.cols(),
                r.macs(), r.tiles(), r.tileOutputs(), r.cycles(), (double) r.macs() / r.cycles() / (ARRAY.rows() * ARRAY.cols()),
                r.seconds(), r.macsPerSecond() / 1e6, r.mismatchCount());
        assertEquals(0, r.mismatchCount(), () -> what + ": " + r.mismatches().get(0).describe());
        assertEquals(net.totalMacs() * inputs.size(), r.macs(), "every multiplication went through the RTL");
        assertEquals(net.weightedLayers().size(), r.layers().size(), "every conv, depthwise and FC layer");
        long outputs = 0;
        for (LayerRun l : r.layers()) {
            Tiling t = Tiling.of(GemmViews.of(net.layer(l.layer())), ARRAY);
            int vectors = inputs.size() * t.view().m();
            outputs += (long) t.folds().size() * vectors * ARRAY.cols();
            assertEquals(t.cycles(vectors), l.cycles(), l.layer() + ": the RTL ran the cycles its tiling predicts");
            ScaleSimModel.Comparison c = l.scaleSim();
            assertEquals(ScaleSimModel.cycles(t.view(), ARRAY, vectors), c.scaleSimCycles(), l.layer());
            assertTrue(c.explained(), l.layer() + ": " + c);
            assertEquals(2L * t.folds().size(), c.registers(), l.layer() + ": two registers per fold");
            if (l.op() == OpType.DEPTHWISE_CONV_2D) {
                assertTrue(c.packing() < 0, l.layer() + ": packed channels take fewer folds than one layer per channel");
            } else {
                assertEquals(0, c.packing(), l.layer() + ": SCALE-Sim's folds");
            }
        }
        assertEquals(outputs, r.tileOutputs(), "every partial sum of every fold was compared");
        assertEquals(r.tilingCycles(), r.cycles());
    }
}
