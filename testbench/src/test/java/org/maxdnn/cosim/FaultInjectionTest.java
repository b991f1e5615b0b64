package org.maxdnn.cosim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
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

/** Every fault injected into the generated PE is caught by whole-network cosimulation of one image. */
@RequiresTools({"verilator"})
class FaultInjectionTest {
    static final ArrayDesign DESIGN = ArrayDesign.configurable("SystolicArray_4x4", 4, 4);
    static String verilog;
    static Network net;
    static List<LabeledImage> image;
    static MultiplierRegistry registry;
    static InferencePlan plan;

    @BeforeAll
    static void setUp() {
        Assets assets = Assets.fromEnvironment();
        net = Network.load(assets.model());
        image = ImageSets.readFolder(assets.images(), 1);
        registry = new MultiplierRegistry(assets.lutDir());
        verilog = RtlGenerator.arrayVerilog(DESIGN);
        List<MultiplierConfig> mix = Stream.of("exact", "roup-p0r3", "roup-p1r2", "roupc-p0r4", "roupc-p2r5")
                .map(MultiplierConfig::parse).toList();
        plan = InferencePlan.compile(net, ApproxMap.randomKernels(net, mix, 5), registry);
    }

    private static CosimDriver.Report cosim(String v) {
        try (CosimDriver d = new CosimDriver(DESIGN, v, registry, 2)) {
            return d.network(plan, image, null);
        }
    }

    @Test
    void theUnmutatedDesignPasses() {
        assertEquals(0, cosim(verilog).mismatchCount(), "control: without a fault the check must pass");
    }

    @ParameterizedTest
    @EnumSource(FaultInjection.class)
    void everyMutantIsDetected(FaultInjection fault) {
        String mutant = fault.apply(verilog);
        assertNotEquals(verilog, mutant);
        CosimDriver.Report r = cosim(mutant);
        System.out.printf(Locale.ROOT, "fault %-12s (%s): %,d mismatches, first: %s%n", fault.id(), fault.description(),
                r.mismatchCount(), r.mismatches().isEmpty() ? "-" : r.mismatches().get(0).describe());
        assertTrue(r.mismatchCount() > 0, fault.id() + " was not detected");
        assertEquals("tile", r.mismatches().get(0).stage(), "caught at the first tile check, where it is located");
    }

    @Test
    void aFaultWhosePatternIsGoneIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> FaultInjection.DROP_ROW.apply("module Other(); endmodule"));
        assertThrows(IllegalArgumentException.class,
                () -> FaultInjection.PERFORATION.apply("module PE_Configurable(\n);\nendmodule"));
    }
}
