package org.maxdnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maxdnn.testing.RequiresTools;

/**
 * {@code energy}, {@code explore} and {@code run} as a user chains them, on small options: one
 * characterisation (two images, 4000 operand pairs per layer: what {@code make golden} runs), whose
 * table the exploration and the main job then take with {@code --energy}. The main job searches as
 * the flow's own test does, so its arrays' simulations are the ones that test built.
 */
@RequiresTools({"yosys", "verilator"})
class FlowCommandsTest {
    @TempDir
    static Path tmp;
    static MainTest.Outcome energy;

    @BeforeAll
    static void characterise() throws Exception {
        Files.writeString(tmp.resolve("map.json"), "{\"layers\": {\"conv1\": {\"multiplier\": \"roup-p2r0\"}}}");
        energy = MainTest.run("energy", "--limit", "2", "--pairs", "4000", "--map", tmp.resolve("map.json").toString(),
                "--out", tmp.resolve("energy").toString(), "--csv", tmp.resolve("characterisation.csv").toString(),
                "--json", tmp.resolve("map-energy.json").toString());
    }

    @Test
    void energyCharacterisesAndPricesTheMap() throws Exception {
        assertEquals(0, energy.code(), energy.err());
        assertTrue(energy.out().contains("characterising 63 generated configurations and 36 EvoApprox circuits on "
                + "osu018_stdcells.lib, 4000 real operand pairs per layer from 2 images"), energy.out());
        assertTrue(energy.out().contains("Spearman rank correlation 0.997 over 36 circuits"), energy.out());
        // what make golden writes: the reviewed golden table, to the figure
        assertEquals(Files.readAllLines(SynthCommandTest.CHARACTERISATION), Files.readAllLines(tmp.resolve("characterisation.csv")));
        JsonNode e = new ObjectMapper().readTree(tmp.resolve("map-energy.json").toFile());
        JsonNode table = new ObjectMapper().readTree(tmp.resolve("energy/energy-table.json").toFile()).get("pj_per_multiplication");
        // only conv1 is approximated: the saving is conv1's MACs x (exact - roup-p2r0) over the exact total
        double exact = e.get("exact_pj_per_image").asDouble();
        JsonNode conv1 = e.get("layers").get(1);
        assertEquals("conv1", conv1.get("layer").asText());
        double saved = conv1.get("macs").asLong()
                * (table.get("conv1").get("exact").asDouble() - table.get("conv1").get("roup-p2r0").asDouble());
        assertEquals(100 * saved / exact, e.get("saving_pct").asDouble(), 1e-6);
        assertTrue(e.get("saving_pct").asDouble() > 0);
    }

    @Test
    void exploreWritesFrontsSummaryWithHypervolumeAndAChosenMap() throws Exception {
        Path out = tmp.resolve("explore");
        MainTest.Outcome o = MainTest.run("explore", "--energy", tmp.resolve("energy/energy-table.json").toString(),
                "--levels", "layer,filter", "--baseline", "none", "--population", "4", "--generations", "1", "--limit", "20",
                "--out", out.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("hypervolume"), o.out());
        List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
        assertEquals(List.of("layer", "filter-groups", "filter-ranked"),
                summary.subList(1, summary.size()).stream().map(l -> l.split(",")[0]).toList());
        for (String row : summary.subList(1, summary.size())) {
            double hv = Double.parseDouble(row.substring(row.lastIndexOf(',') + 1));
            assertTrue(hv > 0 && hv <= 1, row);
        }
        for (String f : List.of("report.html", "tradeoff.png", "layer/pareto.json", "filter-groups/maps/p00.json",
                "chosen-map.json")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        assertTrue(Files.readAllLines(out.resolve("layer/pareto.csv")).get(0).contains(
                "validation_metric_pct,validation_loss_pts,validation_ci_low_pct,validation_ci_high_pct,validation_p_value"));
        MainTest.Outcome bad = MainTest.run("explore", "--levels", "layer,neuron");
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains("neuron"), bad.err());
        MainTest.Outcome one = MainTest.run("run", "--all", "--model", "kws");
        assertEquals(1, one.code());
        assertTrue(one.err().contains("--model"), one.err());
    }

    @Test
    void runChainsTheFlowIntoItsReport() throws Exception {
        Path out = tmp.resolve("run");
        MainTest.Outcome o = MainTest.run("run", "--energy", tmp.resolve("energy/energy-table.json").toString(),
                "--levels", "layer", "--baseline", "none", "--quick", "--population", "8", "--generations", "2", "--seed", "5",
                "--limit", "30", "--rows", "4", "--cols", "4", "--cosim-images", "1", "--out", out.toString());
        assertEquals(0, o.code(), o.err());
        for (String stage : List.of("== 1/4", "== 2/4", "== 3/4", "== 4/4", "0 mismatches: bit-exact", "report ",
                "fixed arrays (SystolicArray_<layer>_4x4_gated)", "whole array per image: exact")) {
            assertTrue(o.out().contains(stage), stage + " in\n" + o.out());
        }
        for (String f : List.of("chosen-map.json", "explore/summary.json", "rtl/SystolicArray_4x4_gated.sv",
                "rtl/SystolicArray_conv0_4x4_gated.json", "cosim/cosim-report.txt", "cosim/toggles.csv", "report.html")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("Energy per layer (chosen map)") && html.contains("rtl/SystolicArray_4x4_gated.sv")
                && html.contains("Energy of the whole array"), html);
    }
}
