package org.maxdnn.cosim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.maxdnn.Assets;
import org.maxdnn.array.ArrayConfig;
import org.maxdnn.array.GemmViews;
import org.maxdnn.array.Tiling;
import org.maxdnn.data.ImageSets;
import org.maxdnn.data.LabeledImage;
import org.maxdnn.infer.ConvLayer;
import org.maxdnn.infer.InferencePlan;
import org.maxdnn.infer.Network;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.mult.MultiplierRegistry;
import org.maxdnn.rtl.RtlGenerator;
import org.maxdnn.testing.RequiresTools;

/**
 * Every fault injected into the generated RTL is caught by cosimulation of one image: faults in the
 * configurable PE and in the array around the PEs on a whole network through the configurable 4x4
 * array, faults in fixed PEs on the layer of a fixed 4x4 array that holds them. Each design also
 * runs unmutated, as the control.
 */
@RequiresTools({"verilator"})
class FaultInjectionTest {
    /** The designs the mutants go into: what they run and the Verilog they mutate. */
    record Design(ArrayConfig array, String verilog, InferencePlan plan) {
    }

    static Network net;
    static List<LabeledImage> image;
    static MultiplierRegistry registry;
    static Design configurable;
    static Design fixedRoup;
    static Design fixedAlwann;
    static final Map<FaultInjection, String> TABLE = new EnumMap<>(FaultInjection.class);

    @BeforeAll
    static void setUp() {
        Assets assets = Assets.fromEnvironment();
        net = Network.load(assets.model());
        image = ImageSets.readFolder(assets.images(), 1);
        registry = new MultiplierRegistry(assets.lutDir());
        ArrayConfig conf = ArrayConfig.configurable(4, 4);
        List<MultiplierConfig> mix = Stream.of("exact", "roup-p0r3", "roup-p1r2", "roupc-p0r4", "roupc-p2r5")
                .map(MultiplierConfig::parse).toList();
        configurable = new Design(conf, RtlGenerator.arrayVerilog(conf),
                InferencePlan.compile(net, ApproxMap.randomKernels(net, mix, 5), registry));
        fixedRoup = fixed("conv1", MultiplierConfig.parse("roup-p1r2"), assets);
        fixedAlwann = fixed("conv0", MultiplierConfig.parse("alwann:mul8u_2AC"), assets);
    }

    /** The fixed 4x4 array of a layer-level map with {@code config} on {@code layer}. */
    private static Design fixed(String layer, MultiplierConfig config, Assets assets) {
        ConvLayer l = net.layer(layer);
        ApproxMap map = ApproxMap.layerLevel(Map.of(layer, config));
        ArrayConfig array = Tiling.of(GemmViews.of(l), ArrayConfig.configurable(4, 4)).fixedArray(map.resolve(l)).require();
        return new Design(array, RtlGenerator.arrayVerilog(array, assets), InferencePlan.compile(net, map, registry));
    }

    private static Design designOf(FaultInjection fault) {
        return switch (fault.module()) {
            case "PE_Roup_" -> fixedRoup;
            case "PE_Alwann_" -> fixedAlwann;
            default -> configurable;
        };
    }

    private static CosimDriver.Report cosim(Design d, String verilog) {
        try (CosimDriver driver = new CosimDriver(d.array(), verilog, registry, 2)) {
            return driver.network(d.plan(), image, null);
        }
    }

    @Test
    void theUnmutatedDesignsPass() {
        for (Design d : List.of(configurable, fixedRoup, fixedAlwann)) {
            CosimDriver.Report r = cosim(d, d.verilog());
            assertEquals(0, r.mismatchCount(), () -> "control " + d.array().moduleName() + ": " + r.mismatches().get(0).describe());
            assertTrue(r.tileOutputs() > 0);
        }
    }

    @ParameterizedTest
    @EnumSource(FaultInjection.class)
    void everyMutantIsDetected(FaultInjection fault) {
        Design d = designOf(fault);
        String mutant = fault.apply(d.verilog());
        assertNotEquals(d.verilog(), mutant);
        CosimDriver.Report r = cosim(d, mutant);
        String row = String.format(Locale.ROOT, "| %-15s | %-24s | %,11d | %,11d |", fault.id(), d.array().moduleName(),
                r.tileOutputs(), r.mismatchCount());
        TABLE.put(fault, row);
        System.out.printf(Locale.ROOT, "fault %-15s (%s): %,d tile outputs compared, %,d mismatches, first: %s%n", fault.id(),
                fault.description(), r.tileOutputs(), r.mismatchCount(),
                r.mismatches().isEmpty() ? "-" : r.mismatches().get(0).describe());
        assertTrue(r.tileOutputs() > 0, "tile outputs were compared");
        assertTrue(r.mismatchCount() > 0, fault.id() + " was not detected");
        assertEquals("tile", r.mismatches().get(0).stage(), "caught at the first tile check, where it is located");
    }

    @AfterAll
    static void printTable() {
        System.out.println("| mutant          | design                   | tile outputs | mismatches |");
        TABLE.values().forEach(System.out::println);
    }

    @Test
    void aFaultWhosePatternIsGoneIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> FaultInjection.DROP_ROW.apply("module Other(); endmodule"));
        assertThrows(IllegalArgumentException.class,
                () -> FaultInjection.PERFORATION.apply("module PE_Configurable(\n);\nendmodule"));
        assertThrows(IllegalArgumentException.class, () -> FaultInjection.FIXED_TREE.apply(configurable.verilog()));
    }
}
