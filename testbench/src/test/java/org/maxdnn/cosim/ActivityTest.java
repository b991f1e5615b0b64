package org.maxdnn.cosim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.maxdnn.Assets;
import org.maxdnn.BundledModel;
import org.maxdnn.data.DataSets;
import org.maxdnn.infer.InferencePlan;
import org.maxdnn.infer.Network;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.mult.MultiplierRegistry;
import org.maxdnn.array.ArrayConfig;
import org.maxdnn.rtl.RtlGenerator;
import org.maxdnn.testing.RequiresTools;

/**
 * RT-level activity: the TOGGLE_COUNT counters of the generated PEs, read after a cosimulated
 * inference (KWS: conv, packed depthwise and FC layers), equal the golden model's own count of the
 * same architectural toggles, PE by PE.
 */
@RequiresTools({"verilator"})
class ActivityTest {
    @Test
    void rtlCountersEqualTheGoldenModelsCountOverARealInference() {
        Assets assets = Assets.fromEnvironment();
        Network net = Network.load(BundledModel.KWS.model(assets));
        MultiplierRegistry registry = new MultiplierRegistry(assets.lutDir());
        List<MultiplierConfig> mix = Stream.of("exact", "roup-p1r2", "roupc-p0r4", "roup-p2r6").map(MultiplierConfig::parse).toList();
        InferencePlan plan = InferencePlan.compile(net, ApproxMap.randomKernels(net.weightedLayers(), mix, 3), registry);
        ArrayConfig design = ArrayConfig.configurable(4, 4);
        CosimDriver.Report report;
        CosimDriver driver = new CosimDriver(design, RtlGenerator.arrayVerilog(design), registry,
                CosimDriver.Simulator.VERILATOR, 2, true);
        try (driver) {
            report = driver.network(plan, DataSets.read(BundledModel.KWS.samples(assets), net, 1).inputs(), null);
        }
        assertEquals(0, report.mismatchCount());
        CosimDriver.Activity a = driver.activity();
        assertNotNull(a);
        for (String c : ToggleCounts.COMPONENTS) {
            System.out.printf(Locale.ROOT, "activity %-7s RTL %,d toggles, golden model %,d (%.2f per MAC)%n", c,
                    a.rtl().total(c), a.model().total(c), (double) a.rtl().total(c) / report.macs());
            assertTrue(a.rtl().total(c) > 0, c);
        }
        assertTrue(a.agree(), "every PE's counters equal the golden model's count");
        // the cycle-level model, the RTL and the tilings agree on the cycles too
        assertEquals(report.tilingCycles(), report.cycles());
        assertEquals(report.cycles(), a.modelCycles());
    }
}
