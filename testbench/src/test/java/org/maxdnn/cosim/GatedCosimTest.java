package org.maxdnn.cosim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.maxdnn.Assets;
import org.maxdnn.BundledModel;
import org.maxdnn.array.ArrayConfig;
import org.maxdnn.array.GemmViews;
import org.maxdnn.array.Tiling;
import org.maxdnn.data.DataSets;
import org.maxdnn.data.LabeledImage;
import org.maxdnn.infer.ConvLayer;
import org.maxdnn.infer.InferencePlan;
import org.maxdnn.infer.Network;
import org.maxdnn.io.AtomicFiles;
import org.maxdnn.io.ExternalTool;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.mult.MultiplierRegistry;
import org.maxdnn.rtl.RtlGenerator;
import org.maxdnn.testing.RequiresTools;

/**
 * The energy-proportional (gated) array (SPEC §6.1) cosimulates bit for bit like the plain one: a
 * whole KWS inference (conv, packed depthwise and FC layers, kernel-level mix) on the configurable
 * array with its toggle and clock-gate counters equal to the golden model's count PE by PE, and a
 * fixed ALWANN array on a packed depthwise layer (idle PEs beside another group's tap, idle columns),
 * and a whole inference of every other MLPerf Tiny network under a kernel-level mix.
 */
@RequiresTools({"verilator"})
class GatedCosimTest {
    private static final Assets ASSETS = Assets.fromEnvironment();
    private static final MultiplierRegistry REGISTRY = new MultiplierRegistry(ASSETS.lutDir());

    @Test
    void configurableGatedArrayIsBitExactAndItsGateCountersEqualTheModels() {
        Network net = Network.load(BundledModel.KWS.model(ASSETS));
        List<MultiplierConfig> mix = Stream.of("exact", "roup-p1r2", "roupc-p0r4", "roup-p2r6").map(MultiplierConfig::parse).toList();
        InferencePlan plan = InferencePlan.compile(net, ApproxMap.randomKernels(net.weightedLayers(), mix, 3), REGISTRY);
        ArrayConfig design = ArrayConfig.configurable(4, 4).withGating(true);
        CosimDriver driver = new CosimDriver(design, RtlGenerator.arrayVerilog(design), REGISTRY,
                CosimDriver.Simulator.VERILATOR, 1, true);
        CosimDriver.Report report;
        try (driver) {
            report = driver.network(plan, DataSets.read(BundledModel.KWS.samples(ASSETS), net, 1).inputs(), null);
        }
        assertEquals(0, report.mismatchCount(), () -> report.mismatches().get(0).describe());
        assertEquals(net.totalMacs(), report.macs());
        assertEquals(report.tilingCycles(), report.cycles(), "the gated RTL ran the cycles the tilings predict");
        CosimDriver.Activity a = driver.activity();
        long open = 0;
        long weightOpen = 0;
        for (int r = 0; r < design.rows(); r++) {
            for (int c = 0; c < design.cols(); c++) {
                open += a.rtl().dataGateOpen(r, c);
            }
            weightOpen += a.rtl().weightGateOpen(r);
        }
        long gateCycles = report.cycles() * design.rows() * design.cols();
        System.out.printf(Locale.ROOT, "gated 4x4 KWS: %,d cycles; data gates open %.1f %% of PE-cycles, weight gates "
                + "%.1f %% of row-cycles%n", report.cycles(), 100.0 * open / gateCycles,
                100.0 * weightOpen / (report.cycles() * design.rows()));
        assertTrue(open > 0 && open < gateCycles, "the data gates open for valid data only");
        assertEquals(report.tiles() * design.loadCycles(), weightOpen, "a row's weight gate opens on its load only");
        assertTrue(a.agree(), "every PE's toggle counters and every gate's open cycles equal the golden model's");
        assertEquals(report.cycles(), a.modelCycles());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(value = BundledModel.class, names = {"RESNET8", "RESNET8_LARGE", "VWW",
            "AD"})
    void everyNetworkRunsOnTheGatedArrayBitExactly(BundledModel model) {
        Network net = Network.load(model.model(ASSETS));
        List<MultiplierConfig> mix = Stream.of("exact", "roup-p1r2", "roupc-p0r4", "roup-p3r7").map(MultiplierConfig::parse)
                .toList();
        InferencePlan plan = InferencePlan.compile(net, ApproxMap.randomKernels(net.weightedLayers(), mix, 5), REGISTRY);
        ArrayConfig design = ArrayConfig.configurable(4, 4).withGating(true);
        try (CosimDriver d = new CosimDriver(design, RtlGenerator.arrayVerilog(design), REGISTRY, 2)) {
            CosimDriver.Report r = d.network(plan, DataSets.read(model.samples(ASSETS), net, 1).inputs().subList(0, 1), null);
            System.out.printf(Locale.ROOT, "gated 4x4 %s: %,d MACs, %,d cycles, %.1f s, %d mismatches%n", model, r.macs(),
                    r.cycles(), r.seconds(), r.mismatchCount());
            assertEquals(0, r.mismatchCount(), () -> model + ": " + r.mismatches().get(0).describe());
            assertEquals(net.totalMacs(), r.macs(), "every conv, depthwise and FC multiplication went through the RTL");
            assertEquals(r.tilingCycles(), r.cycles());
        }
    }

    /**
     * Constant bits stay constant: a fixed gated array of roup-p2r2 (every product a multiple of
     * 2^(2 + 2·2)) keeps no partial-sum register bit below bit 6, and runs its layer bit-exactly.
     */
    @Test
    void fixedGatedRoupArrayDropsItsConstantPartialSumBits() {
        Network net = Network.load(ASSETS.model());
        MultiplierConfig roup = MultiplierConfig.parse("roup-p2r2");
        ConvLayer l = net.layer("conv1");
        ApproxMap map = ApproxMap.layerLevel(Map.of("conv1", roup));
        ArrayConfig array = Tiling.of(GemmViews.of(l), ArrayConfig.configurable(4, 4).withGating(true))
                .fixedArray(map.resolve(l)).require();
        String verilog = RtlGenerator.arrayVerilog(array, ASSETS);
        assertTrue(verilog.contains("module PE_Roup_p2r2_gated_16to17_z6"), "row 1's PE holds bits 16..6 only");
        try (CosimDriver d = new CosimDriver(array, verilog, REGISTRY, 1)) {
            CosimDriver.Report r = d.network(InferencePlan.compile(net, map, REGISTRY),
                    org.maxdnn.data.ImageSets.readFolder(ASSETS.images(), 1), null);
            assertEquals(0, r.mismatchCount(), () -> r.mismatches().get(0).describe());
            assertEquals(l.macs(), r.macs());
        }
    }

    @Test
    void fixedGatedAlwannArrayIsBitExactOnAPackedDepthwiseLayer() {
        Network kws = Network.load(BundledModel.KWS.model(ASSETS));
        MultiplierConfig alwann = MultiplierConfig.parse("alwann:mul8u_2AC");
        ConvLayer l = kws.layer("dw0");
        ApproxMap map = ApproxMap.layerLevel(Map.of("dw0", alwann));
        ArrayConfig array = Tiling.of(GemmViews.of(l), ArrayConfig.configurable(4, 4).withGating(true))
                .fixedArray(map.resolve(l)).require();
        List<LabeledImage> inputs = DataSets.read(BundledModel.KWS.samples(ASSETS), kws, 1).inputs();
        try (CosimDriver d = new CosimDriver(array, RtlGenerator.arrayVerilog(array, ASSETS), REGISTRY, 1)) {
            CosimDriver.Report r = d.network(InferencePlan.compile(kws, map, REGISTRY), inputs, null);
            assertEquals(0, r.mismatchCount(), () -> r.mismatches().get(0).describe());
            assertEquals(l.macs(), r.macs(), "only its layer ran on the fixed array");
            assertEquals(r.tilingCycles(), r.cycles());
        }
    }
    /**
     * Icarus and Yosys read the gated array too: the fixed ALWANN array of KWS's packed depthwise dw0
     * (idle PEs beside another group's tap, idle columns: its gates close) runs its layer bit-exactly
     * in Icarus, and Yosys synthesises it with the clock gates' latches.
     */
    @RequiresTools({"iverilog", "vvp", "yosys"})
    @Test
    void icarusRunsAndYosysSynthesisesTheGatedArray() throws Exception {
        Network kws = Network.load(BundledModel.KWS.model(ASSETS));
        ConvLayer l = kws.layer("dw0");
        ApproxMap map = ApproxMap.layerLevel(Map.of("dw0", MultiplierConfig.parse("alwann:mul8u_2AC")));
        ArrayConfig array = Tiling.of(GemmViews.of(l), ArrayConfig.configurable(4, 4).withGating(true))
                .fixedArray(map.resolve(l)).require();
        String verilog = RtlGenerator.arrayVerilog(array, ASSETS);
        try (CosimDriver d = new CosimDriver(array, verilog, REGISTRY, CosimDriver.Simulator.ICARUS, 1, false)) {
            CosimDriver.Report r = d.network(InferencePlan.compile(kws, map, REGISTRY),
                    DataSets.read(BundledModel.KWS.samples(ASSETS), kws, 1).inputs(), null);
            System.out.printf(Locale.ROOT, "gated 4x4 dw0 in Icarus: %,d MACs, %,d cycles, %.1f s%n", r.macs(), r.cycles(),
                    r.seconds());
            assertEquals(0, r.mismatchCount(), () -> r.mismatches().get(0).describe());
            assertEquals(l.macs(), r.macs());
            assertEquals(r.tilingCycles(), r.cycles(), "Icarus ran the cycles the tilings predict");
        }
        Path dir = Path.of("target", "gated-yosys").toAbsolutePath();
        AtomicFiles.writeString(dir.resolve("array.sv"), verilog);
        ExternalTool.Result y = ExternalTool.YOSYS.run(dir, 600, "-p", "read_verilog -sv array.sv; synth -top "
                + array.moduleName() + "; stat");
        assertTrue(y.output().contains("$_DLATCH_N_"), "the clock gates' latches: " + y.output());
    }
}
