package org.maxdnn.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maxdnn.Assets;
import org.maxdnn.data.ImageSets;
import org.maxdnn.infer.Network;
import org.maxdnn.layout.HardwareTable;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.mult.MultiplierRegistry;
import org.maxdnn.testing.RequiresTools;

/** The run report's hardware table: a map's configurations really placed and routed by qflow. */
@RequiresTools({"qflow", "graywolf", "qrouter", "magic", "netgen-lvs", "yosys"})
class LayOutMapTest {
    @TempDir
    Path out;

    @Test
    void theExactMapLaysOutCleanWithPreAndPostRouteEnergy() throws Exception {
        Assets assets = Assets.fromEnvironment();
        Workload work = new Workload(Network.load(assets.model()), ImageSets.readFolder(assets.images(), 2),
                new MultiplierRegistry(assets.lutDir()));
        LayOutMap.Laid laid = LayOutMap.run(work, ApproxMap.exact(), assets, 10, out, new FlowListener() {
        });
        assertEquals(1, laid.rows().size(), "exact only: the baseline row");
        HardwareTable.Row exact = laid.rows().get(0);
        assertEquals("exact", exact.config());
        assertTrue(exact.clean(), "DRC and LVS clean");
        assertTrue(exact.maxClockMhz() > 50 && exact.cellAreaUm2() > 0 && exact.dieAreaUm2() >= exact.cellAreaUm2());
        assertTrue(exact.preRoutePj() > 0 && exact.postRoutePj() > exact.preRoutePj() * 0.9,
                "wires add capacitance: post-route not far below pre-route");
        Path html = out.resolve("report.html");
        WriteReport.write("hardware", laid, List.of(RunSections::hardware), html, FlowListener.SILENT);
        String text = Files.readString(html);
        assertTrue(text.contains("Hardware (place and route)") && text.contains(laid.streamLayer()), text);
    }
}
