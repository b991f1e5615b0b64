package org.maxdnn.cosim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.maxdnn.Assets;
import org.maxdnn.data.ImageSets;
import org.maxdnn.data.LabeledImage;
import org.maxdnn.infer.InferencePlan;
import org.maxdnn.infer.Network;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.mult.MultiplierRegistry;
import org.maxdnn.rtl.ArrayDesign;
import org.maxdnn.rtl.RtlGenerator;
import org.maxdnn.testing.RequiresTools;

/** Whole-network cosimulation of real images through the generated configurable array in Verilator. */
@RequiresTools({"verilator"})
class CosimTest {
    static final int ROWS = 8;
    static final int COLS = 8;
    static Network net;
    static List<LabeledImage> images;
    static MultiplierRegistry registry;
    static CosimDriver driver;

    @BeforeAll
    static void setUp() {
        Assets assets = Assets.fromEnvironment();
        net = Network.load(assets.model());
        images = ImageSets.readFolder(assets.images(), 2);
        registry = new MultiplierRegistry(assets.lutDir());
        long t0 = System.nanoTime();
        driver = CosimDriver.generated(ROWS, COLS, registry);
        System.out.printf(Locale.ROOT, "cosim harness %dx%d ready in %.1f s%n", ROWS, COLS, (System.nanoTime() - t0) / 1e9);
    }

    @AfterAll
    static void tearDown() {
        driver.close();
    }

    private static void bitExact(ApproxMap map, String what) {
        CosimDriver.Report r = driver.network(InferencePlan.compile(net, map, registry), images, null);
        System.out.printf(Locale.ROOT, "cosim %s: %d images, %,d MACs, %d tiles, %.1f s, %.1f M MAC/s, %d mismatches%n",
                what, r.images(), r.macs(), r.tiles(), r.seconds(), r.macsPerSecond() / 1e6, r.mismatchCount());
        assertEquals(0, r.mismatchCount(), () -> what + ": " + r.mismatches().get(0).describe());
        assertEquals(2 * 12_500_992L, r.macs(), "every conv multiplication of 2 images went through the RTL");
    }

    @Test
    void exactMapIsBitExact() {
        bitExact(ApproxMap.exact(), "exact");
    }

    @Test
    void uniformRoupMapIsBitExact() {
        bitExact(ApproxMap.uniform(MultiplierConfig.parse("roup-p1r2")), "uniform roup-p1r2");
    }

    /** The second opinion: the same network in Icarus (one image on a 4x4 array, it is slow) is bit-exact too. */
    @RequiresTools({"iverilog", "vvp"})
    @Test
    void icarusAgreesOnAWholeInference() {
        ArrayDesign d = ArrayDesign.configurable("SystolicArray_4x4", 4, 4);
        List<MultiplierConfig> mix = Stream.of("exact", "roup-p1r2", "roupc-p2r5").map(MultiplierConfig::parse).toList();
        InferencePlan plan = InferencePlan.compile(net, ApproxMap.randomKernels(net, mix, 7), registry);
        try (CosimDriver icarus = new CosimDriver(d, RtlGenerator.arrayVerilog(d), registry, CosimDriver.Simulator.ICARUS, 1,
                false)) {
            CosimDriver.Report r = icarus.network(plan, images.subList(0, 1), null);
            System.out.printf(Locale.ROOT, "cosim icarus 4x4: %,d MACs, %d tiles, %.1f s, %.2f M MAC/s, %d mismatches%n",
                    r.macs(), r.tiles(), r.seconds(), r.macsPerSecond() / 1e6, r.mismatchCount());
            assertEquals(0, r.mismatchCount(), () -> r.mismatches().get(0).describe());
            assertEquals(12_500_992L, r.macs());
        }
    }

    @Test
    void randomKernelLevelMixedMapIsBitExact() {
        List<MultiplierConfig> mix = Stream.of("exact", "roup-p1r2", "roup-p2r0", "roup-p0r5", "roupc-p0r4", "roupc-p1r6",
                "roup-p3r7").map(MultiplierConfig::parse).toList();
        bitExact(ApproxMap.randomKernels(net, mix, 11), "random kernel-level mix");
    }
}
