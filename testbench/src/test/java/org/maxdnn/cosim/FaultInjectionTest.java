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
import org.junit.jupiter.params.provider.MethodSource;
import org.maxdnn.Assets;
import org.maxdnn.BundledModel;
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
import org.maxdnn.model.OpType;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.mult.MultiplierRegistry;
import org.maxdnn.rtl.AcceleratorRtl;
import org.maxdnn.rtl.RtlGenerator;
import org.maxdnn.testing.RequiresTools;

/**
 * Every fault injected into the generated RTL is caught by cosimulation of one image: faults in the
 * configurable PE and in the array around the PEs on a whole network through the configurable 4x4
 * array, faults in fixed PEs on the layer of a fixed 4x4 array that holds them; and every fault of
 * the configurable array once more through its FC and its depthwise layers alone. Each design also
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
    static final Map<String, String> PATHS = new java.util.TreeMap<>();
    /** A layer kind's path through the configurable 4x4 array: a network, its inputs and the map that exercises the kind. */
    record Path(String name, OpType op, Design design, List<LabeledImage> inputs) {
    }

    static Path fcPath;
    static Path depthwisePath;

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
        Network ad = Network.load(BundledModel.AD.model(assets));
        fcPath = new Path("FC (ad, 4 windows)", OpType.FULLY_CONNECTED, new Design(conf, configurable.verilog(),
                InferencePlan.compile(ad, ApproxMap.randomKernels(ad.weightedLayers(), mix, 6), registry)),
                DataSets.read(BundledModel.AD.samples(assets), ad, 1).inputs().subList(0, 4));
        Network kws = Network.load(BundledModel.KWS.model(assets));
        List<ConvLayer> dw = kws.weightedLayers().stream().filter(l -> l.op() == OpType.DEPTHWISE_CONV_2D).toList();
        depthwisePath = new Path("depthwise (kws, 1 clip)", OpType.DEPTHWISE_CONV_2D, new Design(conf, configurable.verilog(),
                InferencePlan.compile(kws, ApproxMap.randomKernels(dw, mix, 7), registry)),
                DataSets.read(BundledModel.KWS.samples(assets), kws, 1).inputs());
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
        return cosim(d, verilog, image);
    }

    private static CosimDriver.Report cosim(Design d, String verilog, List<LabeledImage> inputs) {
        try (CosimDriver driver = new CosimDriver(d.array(), verilog, registry, 2)) {
            return driver.network(d.plan(), inputs, null);
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

    static Stream<FaultInjection> arrayFaults() {
        return Stream.of(FaultInjection.values()).filter(f -> !f.inAccelerator());
    }

    @ParameterizedTest
    @MethodSource("arrayFaults")
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

    /**
     * The FC and the depthwise paths catch every mutant of the configurable array on their own: the
     * autoencoder (ten FC layers, nothing else) on 4 windows, and KWS's depthwise layers, the only
     * layers its map approximates, on one clip. The depthwise layers' own tile checks report
     * mismatches; the rounding decode's mutant, which only configurations with R = 3 reach, shows up
     * in depthwise layers alone (the others break the exact code as well).
     */
    @ParameterizedTest
    @MethodSource("configurableArrayFaults")
    void fcAndDepthwisePathsCatchEveryMutantOfTheConfigurableArray(FaultInjection fault) {
        String mutant = fault.apply(configurable.verilog());
        for (Path path : List.of(fcPath, depthwisePath)) {
            CosimDriver.Report control = cosim(path.design(), configurable.verilog(), path.inputs());
            assertEquals(0, control.mismatchCount(), () -> "control " + path.name() + ": " + control.mismatches().get(0).describe());
            CosimDriver.Report r = cosim(path.design(), mutant, path.inputs());
            long inPath = r.layers().stream().filter(l -> l.op() == path.op()).mapToLong(LayerRun::tileMismatches).sum();
            long tileMismatches = r.layers().stream().mapToLong(LayerRun::tileMismatches).sum();
            PATHS.put(fault.id() + " " + path.name(), String.format(Locale.ROOT, "| %-15s | %-23s | %,12d | %,10d | %,11d |",
                    fault.id(), path.name(), r.tileOutputs(), tileMismatches, inPath));
            assertTrue(inPath > 0, fault.id() + " not caught by the " + path.name() + " layers' tile checks");
            if (fault == FaultInjection.ROUNDING_DECODE) {
                assertEquals(tileMismatches, inPath, fault.id() + ": only the approximated " + path.name() + " layers reach it");
            }
        }
    }

    static Stream<FaultInjection> configurableArrayFaults() {
        return Stream.of(FaultInjection.values()).filter(FaultInjection::inConfigurableArray);
    }

    /**
     * Every mutant of what the accelerator adds around the array is caught on one KWS clip through a
     * 4x4 accelerator (strided and padded convolutions, packed depthwise folds, reduction folds), its
     * int8 layer outputs compared with the golden model's; the unmutated accelerator is the control.
     */
    @ParameterizedTest
    @MethodSource("acceleratorFaults")
    void everyAcceleratorMutantIsDetected(FaultInjection fault) {
        String verilog = AcceleratorRtl.simulationVerilog(AcceleratorCosimTest.CONFIG, null);
        if (acceleratorControl == null) {
            acceleratorControl = acceleratorCosim(verilog);
            assertEquals(0, acceleratorControl.mismatchCount(), () -> "control: " + acceleratorControl.mismatches().get(0).describe());
        }
        String mutant = fault.apply(verilog);
        assertNotEquals(verilog, mutant);
        AcceleratorDriver.Report r = acceleratorCosim(mutant);
        TABLE.put(fault, String.format(Locale.ROOT, "| %-18s | %-21s | %,11d | %,11d |", fault.id(),
                AcceleratorCosimTest.CONFIG.moduleName(), r.layers().stream().mapToLong(l -> l.count("activation.write")).sum(),
                r.mismatchCount()));
        System.out.printf(Locale.ROOT, "fault %-18s (%s): %,d mismatches, first: %s%n", fault.id(), fault.description(),
                r.mismatchCount(), r.mismatches().isEmpty() ? "-" : r.mismatches().get(0).describe());
        assertTrue(r.mismatchCount() > 0, fault.id() + " was not detected");
        assertEquals("int8", r.mismatches().get(0).stage(), "caught at a layer's int8 output");
    }

    static AcceleratorDriver.Report acceleratorControl;

    static Stream<FaultInjection> acceleratorFaults() {
        return Stream.of(FaultInjection.values()).filter(FaultInjection::inAccelerator);
    }

    private static AcceleratorDriver.Report acceleratorCosim(String verilog) {
        try (AcceleratorDriver driver = new AcceleratorDriver(AcceleratorCosimTest.CONFIG, verilog, registry,
                CosimDriver.Simulator.VERILATOR)) {
            return driver.network(depthwisePath.design().plan(), depthwisePath.inputs(), null);
        }
    }

    @AfterAll
    static void printTable() {
        System.out.println("| mutant          | path                    | tile outputs | mismatches | in the path |");
        PATHS.values().forEach(System.out::println);
        System.out.println("| mutant          | design                   | tile outputs | mismatches |");
        TABLE.values().forEach(System.out::println);
    }

    @Test
    void aFaultWhosePatternIsGoneIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> FaultInjection.DROP_ROW.apply("module Other(); endmodule"));
        assertThrows(IllegalArgumentException.class,
                () -> FaultInjection.PERFORATION.apply("module PE_Configurable(\n);\nendmodule"));
        assertThrows(IllegalArgumentException.class, () -> FaultInjection.FIXED_TREE.apply(configurable.verilog()));
        assertThrows(IllegalArgumentException.class, () -> FaultInjection.DROPPED_FOLD.apply(configurable.verilog()));
    }
}
