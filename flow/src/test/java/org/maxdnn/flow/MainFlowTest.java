package org.maxdnn.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maxdnn.Assets;
import org.maxdnn.array.ArrayConfig;
import org.maxdnn.data.ImageSets;
import org.maxdnn.energy.Action;
import org.maxdnn.energy.ActionEnergyTable;
import org.maxdnn.energy.ArrayEnergy;
import org.maxdnn.energy.EnergyTable;
import org.maxdnn.energy.MapEnergy;
import org.maxdnn.energy.PeActions;
import org.maxdnn.explore.DataSplit;
import org.maxdnn.explore.Exploration;
import org.maxdnn.explore.Explorer;
import org.maxdnn.explore.LossBound;
import org.maxdnn.infer.ConvLayer;
import org.maxdnn.infer.Evaluation;
import org.maxdnn.infer.InferencePlan;
import org.maxdnn.infer.Network;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.model.OpType;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.mult.MultiplierRegistry;
import org.maxdnn.mult.TableConfig;
import org.maxdnn.sim.Liberty;
import org.maxdnn.testing.HeadlessChromium;
import org.maxdnn.testing.ReportPage;
import org.maxdnn.testing.RequiresTools;

/**
 * The main flow as a library, without the command line, on a small configuration: every
 * configuration characterised on osu018 from the generator's RTL and the model's real operands
 * (netlists equal the Java models on all pairs, checked inside; the golden table holds; Icarus and
 * OpenSTA check the figure), a small layer-level and ALWANN search on 60 images (30 search, 30 validation), the chosen map's RTL on
 * a 4×4 array cosimulated bit-exactly on one image, ALWANN's chosen map on fixed arrays of its EvoApprox
 * circuits cosimulated bit-exactly on their layers, its energy and the report.
 */
@RequiresTools({"yosys", "sta", "verilator", "iverilog", "vvp"})
class MainFlowTest {
    /**
     * Loss bound of the test's search: on 30 search and 30 validation images a map that loses three
     * images has an upper bound of about 20 points, so ALWANN's front has points with circuits within it.
     */
    static final double MAX_LOSS_PTS = 25;
    /** {@code make golden} writes it with the same characterisation ({@code maxdnn energy --limit 2 --pairs 4000 --csv}). */
    static final Path GOLDEN = Path.of("src/test/resources/golden/osu018_characterisation.csv");
    /** {@code make golden} copies it from the same characterisation's {@code action-energy.csv}. */
    static final Path GOLDEN_ACTIONS = Path.of("src/test/resources/golden/osu018_action_energy.csv");

    @TempDir
    static Path out;
    static Workload work;
    static MainFlow.Result result;
    static final List<String> stages = new ArrayList<>();
    /** What the run printed: its notes, the report's lines among them. */
    static final List<String> console = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void runTheFlow() {
        Assets assets = Assets.fromEnvironment();
        work = new Workload(Network.load(assets.model()), ImageSets.readFolder(assets.images(), 60),
                new MultiplierRegistry(assets.lutDir()));
        CharacteriseEnergy.Request characterise = new CharacteriseEnergy.Request(work.first(2), 4000, Liberty.OSU018,
                assets, 2, out.resolve("explore/energy"));
        MainFlow.Request q = new MainFlow.Request(work, EnergySource.characterise(characterise),
                new MainFlow.Search(new ExploreMaps.Settings(List.of("layer"), true, MAX_LOSS_PTS, 8, 2, 5, true),
                        List.of("mul8u_2P7", "mul8u_17KS"), 2),
                new MainFlow.Hardware(ArrayConfig.configurable(4, 4), 1, 2, assets, 0), out);
        result = MainFlow.run(q, new FlowListener() {
            @Override
            public void stage(String title) {
                stages.add(title);
            }

            @Override
            public void note(String line) {
                console.add(line);
            }
        });
    }

    @Test
    void theFlowRunsEveryStageAndItsRtlCosimulatesBitExactly() throws Exception {
        assertEquals(List.of("1/4 energy characterisation and exploration", "2/4 RTL of the chosen map",
                "3/4 cosimulation of the chosen map", "4/4 the accelerator, energy of the chosen map and report"), stages);
        assertTrue(result.passed(), result.cosim().summary());
        assertEquals(0, result.cosim().report().mismatchCount());
        assertEquals(1, result.cosim().report().images());
        for (String f : List.of("explore/energy/energy-table.json", "explore/report.html", "explore/summary.csv",
                "explore/layer/pareto.csv", "explore/alwann/pareto.json", "chosen-map.json", "rtl/SystolicArray_4x4_gated.sv",
                "rtl/SystolicArray_4x4_gated.json", "rtl/SystolicArray_conv8_4x4_gated.sv", "cosim/cosim-report.txt",
                "cosim/cosim-layers.csv", "cosim/toggles.csv", "report.html")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        // a layer-level map holds over every fold: each conv layer has its fixed array, cosimulated on its layer
        long convs = work.net().weightedLayers().stream().filter(l -> l.op() == OpType.CONV_2D).count();
        assertEquals(convs, result.rtl().fixed().size());
        assertEquals(convs, result.fixedCosim().size());
        for (Cosimulate.Outcome o : result.fixedCosim()) {
            assertTrue(o.passed(), o.summary());
        }
        // the ALWANN baseline's map in hardware: each layer it gives an EvoApprox circuit on a fixed array of that circuit
        assertNotNull(result.alwann().point(), "ALWANN keeps within the bound on the search images");
        long alwannLayers = work.net().weightedLayers().stream().filter(l -> l.op() == OpType.CONV_2D
                && Arrays.stream(result.alwann().map().resolve(l)).flatMap(Arrays::stream).anyMatch(c -> c.table() != null))
                .count();
        assertEquals(alwannLayers, result.alwannRtl().size(), "one fixed array per conv layer ALWANN gives a circuit");
        System.out.println("ALWANN's map " + result.alwann().map().toJson().replaceAll("\\s+", " ") + ": "
                + alwannLayers + " fixed arrays");
        assertEquals(result.alwannRtl().size(), result.alwannCosim().size());
        for (int i = 0; i < result.alwannRtl().size(); i++) {
            ArrayConfig a = result.alwannRtl().get(i).design();
            assertTrue(a.fixedConfigs().stream().flatMap(List::stream).allMatch(MultiplierConfig::tunesWeights),
                    a.moduleName());
            assertTrue(result.alwannCosim().get(i).passed(), result.alwannCosim().get(i).summary());
            assertTrue(Files.size(out.resolve("rtl/alwann").resolve(a.moduleName() + ".sv")) > 0);
        }
        // the chosen map through the accelerator: every layer's int8 output, its energy with every part side by side
        MainFlow.Accelerator acc = result.accelerator();
        assertTrue(acc.cosim().passed(), acc.cosim().summary());
        assertEquals(work.net().weightedLayers().size(), acc.cosim().report().layers().size());
        assertEquals(List.of("array", "activations", "weights", "accumulator", "bias and multiplier", "shift", "descriptors",
                "sequencer"), acc.energy().energy().parts().stream().map(org.maxdnn.energy.AcceleratorEnergy.Part::name).toList());
        assertTrue(acc.energy().energy().parts().stream().filter(p -> p.name().equals("shift")).allMatch(p -> p.pj() > 0),
                "a small flip-flop memory is measured and priced");
        assertTrue(Files.size(out.resolve("accelerator/accelerator-layers.csv")) > 0);
        assertTrue(Files.readString(out.resolve("accelerator-energy.csv")).contains("sequencer"));
        String html = Files.readString(result.report());
        for (String section : List.of("<h2>Accelerator</h2>", "Energy per layer (chosen map)", "<h2>RTL</h2>", "<h2>Cosimulation</h2>",
                "ALWANN baseline in hardware", "EvoApprox circuits: this flow against their published power",
                "explore/tradeoff.png", "0 mismatches: bit-exact", "<th>SCALE-Sim</th>", "cosim/cosim-layers.csv")) {
            assertTrue(html.contains(section), section);
        }
        // the three steps a column each: plain array exact, gated array exact, gated array under the chosen (and ALWANN's) map
        for (String column : List.of("<th>plain array, exact map</th>", "<th>gated array, exact map</th>",
                "<th>gated array, chosen map</th>", "What gating buys, then approximation")) {
            assertTrue(html.contains(column), column);
        }
        List<String> steps = Files.readAllLines(result.report().resolveSibling("array-steps.csv"));
        assertEquals("figure,plain_exact,gated_exact,gated_chosen,gated_alwann", steps.get(0));
        assertEquals(5, steps.size(), String.join("\n", steps));
        String[] energy = steps.get(1).split(",");
        assertTrue(Double.parseDouble(energy[2]) < Double.parseDouble(energy[1]), "gating saves energy: " + steps.get(1));
        // one table row per layer the configurable array ran, with the cycles the RTL took
        for (var l : result.cosim().report().layers()) {
            assertTrue(html.contains("<td>" + l.layer() + "</td>") && html.contains(String.format(java.util.Locale.ROOT,
                    "<td class=\"num\">%,d</td>", l.cycles())), l.layer());
        }
    }

    @Test
    void theChosenMapIsTheLargestSavingWithinTheBoundAndReproduces() {
        Explorer.Point chosen = result.picked().point();
        assertNotNull(chosen, "the layer search finds a map within the bound");
        // within the bound with 95% confidence on both parts, and no larger saving is
        Exploration.Result r = result.explored().result();
        assertTrue(LossBound.of(r.task(), chosen.score(), r.exact()).highPts() <= MAX_LOSS_PTS + 1e-9);
        assertTrue(chosen.validation().bound().highPts() <= MAX_LOSS_PTS + 1e-9, chosen.validation().toString());
        for (Explorer.Front f : r.maxDnnFronts()) {
            for (Explorer.Point p : f.points()) {
                boolean kept = LossBound.of(r.task(), p.score(), r.exact()).highPts() <= MAX_LOSS_PTS + 1e-9
                        && p.validation().bound().highPts() <= MAX_LOSS_PTS + 1e-9;
                assertTrue(!kept || p.savingPct() <= chosen.savingPct(), "a better point: " + p.map().toJson());
            }
        }
        assertEquals(chosen.map().toJson(), ApproxMap.read(out.resolve("chosen-map.json")).toJson());
        // picked on the search part, reported on the validation part: both reproduce
        DataSplit split = DataSplit.of(work.dataSet(), 1);
        InferencePlan plan = InferencePlan.compile(work.net(), chosen.map(), work.registry());
        assertEquals(chosen.score().metric(), Evaluation.run(plan, split.search().inputs(), 1, null).accuracy(), 0.0);
        assertNotNull(chosen.validation());
        assertEquals(chosen.validation().score().metric(), Evaluation.run(plan, split.validation().inputs(), 1, null)
                .accuracy(), 0.0);
        assertEquals(60, chosen.score().samples() + chosen.validation().score().samples());
        assertEquals(chosen.savingPct(), result.mapEnergy().savingPct(), 1e-9);
    }

    @Test
    void theCharacterisationHoldsTheGoldenTable() throws Exception {
        Path now = out.resolve("characterisation.csv");
        CharacteriseEnergy.writeCsv(result.characterised(), now);
        List<String> golden = Files.readAllLines(GOLDEN);
        List<String> lines = Files.readAllLines(now);
        assertEquals(golden.get(0), lines.get(0));
        assertEquals(golden.size(), lines.size());
        for (int i = 1; i < lines.size(); i++) {
            String[] g = golden.get(i).split(",");
            String[] n = lines.get(i).split(",");
            for (int j = 0; j < 5; j++) {
                assertEquals(g[j], n[j], GOLDEN + ":" + (i + 1) + " column " + j);
            }
            for (int j = 5; j < g.length; j++) {
                double want = Double.parseDouble(g[j]);
                if (Double.isNaN(want)) { // no area: a circuit with no cells (mul8u_199Z is constant 0)
                    assertTrue(Double.isNaN(Double.parseDouble(n[j])), GOLDEN + ":" + (i + 1) + " column " + j);
                    continue;
                }
                assertEquals(want, Double.parseDouble(n[j]), 1e-3 * want + 1e-6, GOLDEN + ":" + (i + 1) + " column " + j);
            }
        }
        assertEquals(1 + 63 + 2 * 36, lines.size(),
                "exact, every distinct-named circuit of both ROUP families, and each EvoApprox circuit as lut: and alwann:");
    }

    @Test
    void theFlowRanksTheEvoApproxCircuitsAsTheirPublishedPowerDoes() {
        EvoApproxRanking r = result.characterised().ranking();
        assertEquals(36, r.circuits().size());
        // an outside check of the flow (osu018 here, 45 nm there, both on uniform random operands): 0.997 measured
        assertTrue(r.spearman() > 0.95, "Spearman " + r.spearman() + ", outliers " + r.outliers(5));
    }

    @Test
    void theEnergyPerActionHoldsTheGoldenTable() {
        ActionEnergyTable golden = ActionEnergyTable.read(GOLDEN_ACTIONS);
        ActionEnergyTable now = ActionEnergyTable.read(out.resolve("explore/energy/" + CharacteriseEnergy.ACTIONS_FILE));
        assertEquals(PeActions.ALL, List.copyOf(now.entries().keySet()));
        for (Action k : PeActions.ALL) {
            assertEquals(golden.pj(k), now.pj(k), 1e-3 * golden.pj(k), GOLDEN_ACTIONS + ": " + k);
        }
    }

    /**
     * The whole array's energy of the exact and the chosen map on the plain and on the gated array,
     * and ALWANN's on the gated one: counts from their cosimulations, the multipliers as the map's
     * energy, more than the multipliers in all; the plain array's flip-flops clocked every cycle, the
     * gated one's for the cycles their gates were open, its gates charged, its adders by width; in
     * the report.
     */
    @Test
    void theArrayEnergyStandsNextToTheMultipliers() throws Exception {
        List<EstimateArrayEnergy.Estimate> a = result.arrayEnergy();
        assertEquals(5, a.size(), "plain exact and chosen, gated exact, chosen and ALWANN's");
        assertEquals("exact, plain array", a.get(MainFlow.PLAIN_EXACT).map());
        assertEquals("exact", a.get(MainFlow.GATED_EXACT).map());
        for (int i : new int[] {MainFlow.PLAIN_EXACT, MainFlow.GATED_EXACT}) {
            assertEquals(result.mapEnergy().exactPj(), a.get(i).energy().multiplierPj(), 1e-9);
        }
        for (int i : new int[] {MainFlow.PLAIN_CHOSEN, MainFlow.GATED_CHOSEN}) {
            assertEquals(result.mapEnergy().pj(), a.get(i).energy().multiplierPj(), 1e-9);
        }
        double macs = a.get(MainFlow.PLAIN_CHOSEN).counts().get(PeActions.ADDER_ADD);
        assertEquals(result.cosim().report().macs(), macs * result.cosim().report().images(), 1e-6);
        assertEquals(a.get(MainFlow.PLAIN_EXACT).counts().get(PeActions.ADDER_ADD), macs, 1e-9,
                "the same MACs under both maps");
        for (EstimateArrayEnergy.Estimate e : a) {
            ArrayEnergy.Breakdown b = e.energy();
            boolean gated = a.indexOf(e) >= MainFlow.GATED_EXACT;
            double adds = e.counts().counts().entrySet().stream()
                    .filter(x -> x.getKey().component().equals("adder")).mapToDouble(Map.Entry::getValue).sum();
            assertEquals(macs, adds, 1e-6 * macs, e.map() + ": every MAC an adder operation, whatever its width");
            assertTrue(b.pj(PeActions.REGISTER_BIT_TOGGLE) > 0 && b.pj(PeActions.WEIGHT_LOAD) > 0, e.toString());
            assertEquals(!gated, b.pj(PeActions.REGISTER_CLOCK) > 0, e.map() + ": every flip-flop clocked every cycle");
            assertEquals(gated, b.pj(PeActions.REGISTER_GATED_CLOCK) > 0 && b.pj(PeActions.CLOCK_GATE_OPEN) > 0
                    && b.pj(PeActions.CLOCK_GATE_CLOSED) > 0, e.map() + ": gated flip-flops and their gates");
            assertEquals(gated, e.counts().get(PeActions.adderAdd(16)) > 0, e.map() + ": row 0 adds into 16 bits");
            assertTrue(b.multiplierShare() < 1, e.toString());
            System.out.printf(Locale.ROOT, "%-28s array %.3f uJ/image: multipliers %.3f (%.0f%%), actions %s%n", e.map(),
                    b.totalPj() / 1e6, b.multiplierPj() / 1e6, 100 * b.multiplierShare(), b.actionPj());
        }
        ArrayEnergy.Breakdown plain = a.get(MainFlow.PLAIN_EXACT).energy();
        ArrayEnergy.Breakdown gated = a.get(MainFlow.GATED_EXACT).energy();
        assertTrue(gated.totalPj() < plain.totalPj(), "gating saves on ResNet-8's 4x4 array");
        assertTrue(gated.multiplierShare() > plain.multiplierShare());
        // gated flip-flops: each gate's open cycles × the flops behind it, from the RTL's own counters
        double openGates = a.get(MainFlow.GATED_EXACT).counts().get(PeActions.CLOCK_GATE_OPEN);
        double allGates = openGates + a.get(MainFlow.GATED_EXACT).counts().get(PeActions.CLOCK_GATE_CLOSED);
        ArrayConfig array = result.rtl().configurable().design();
        assertEquals((double) result.exactCosim().report().cycles() * (array.rows() * array.cols() + array.rows())
                / result.exactCosim().report().images(), allGates, 1e-6 * allGates, "every gate every cycle, open or closed");
        String page = Files.readString(result.report());
        assertTrue(page.contains("Energy of the whole array") && page.contains("clock gate open")
                && page.contains("exact, plain array"), page);
    }

    /**
     * A report section from outside the toolkit is one class and one services line
     * ({@link CosimulatedImagesSection}, registered in the test resources): the run's own report shows
     * it on the page, on the console and, its table, as a CSV file, after every section of its own.
     */
    @Test
    void aNewReportSectionIsOneFactoryAndOneListLine() throws Exception {
        assertTrue(RunSections.ALL.stream().anyMatch(s -> s instanceof CosimulatedImagesSection),
                "META-INF/services/org.maxdnn.flow.RunSectionPlugin names the test's section");
        Path html = result.report();
        String page = Files.readString(html);
        assertTrue(page.contains("<h2>Cosimulated images (test only)</h2>") && page.contains("<td>chosen map</td><td "
                + "class=\"num\">1</td>") && page.contains("Energy of the whole array"), page);
        assertTrue(page.indexOf("<h2>Energy of the whole array</h2>") < page.indexOf("<h2>Cosimulated images (test only)</h2>"),
                "after the run's own sections");
        assertTrue(console.containsAll(List.of("-- Cosimulated images (test only)", "map         images",
                "chosen map       1")), String.join("\n", console));
        assertEquals("map,images\nchosen map,1\n", Files.readString(html.resolveSibling("test-only/images.csv")));
        assertTrue(Files.isRegularFile(html.resolveSibling("energy-per-layer.csv")));
    }

    /**
     * The run's page in Debian's chromium: offline, no console error and no request beyond its folder; the
     * explorer plots every row of every front's {@code explore/APPROACH/pareto.csv}, a hovered point shows
     * its whole-array saving, a clicked one its map linked into {@code explore/}; the whole array's energy
     * is stacked per map as {@code array-energy.csv} lists them, and the cycles chart has a group per
     * layer of {@code cosim/cosim-layers.csv} whose hover shows SCALE-Sim's count. A screenshot is written
     * beside the page (and as {@code run.png} into the folder the property {@code maxdnn.screenshots} names).
     */
    @Test
    @RequiresTools({"chromium", "chromedriver"})
    void theReportPageIsInteractiveAndSelfContained() throws Exception {
        try (HeadlessChromium browser = new HeadlessChromium()) {
            ReportPage page = new ReportPage(browser, result.report());
            page.assertSelfContained();
            int explorer = page.charts("pareto").get(0);
            Map<String, List<List<Number>>> points = page.points(explorer);
            for (String approach : List.of("layer", "alwann")) {
                assertEquals(Files.readAllLines(out.resolve("explore/" + approach + "/pareto.csv")).size() - 1,
                        points.get(approach).size(), approach);
            }
            int row = page.isolatedPoint(explorer, "layer");
            if (row >= 0) {
                assertTrue(page.hover(explorer, "layer", row).contains("whole-array saving"));
                page.click(explorer, "layer", row);
                assertTrue(page.mapLink(explorer).endsWith(String.format("explore/layer/maps/p%02d.json", row)));
            }
            List<Integer> bars = page.charts("bars");
            List<String> maps = result.arrayEnergy().stream().map(EstimateArrayEnergy.Estimate::map).toList();
            int stacked = bars.stream().filter(b -> page.bars(b).get("categories").equals(maps)).findFirst().orElseThrow();
            assertTrue(page.bars(stacked).get("series").contains("multipliers (uJ)"), page.bars(stacked).toString());
            List<String> layers = Files.readAllLines(out.resolve("cosim/cosim-layers.csv")).stream().skip(1)
                    .map(l -> l.split(",")[0]).toList();
            int cycles = bars.stream().filter(b -> page.bars(b).get("series").contains("SCALE-Sim")).findFirst()
                    .orElseThrow();
            assertEquals(layers, page.bars(cycles).get("categories"));
            assertTrue(page.hoverBars(cycles, layers.get(0)).contains("SCALE-Sim"));
            Path png = result.report().resolveSibling("report.png");
            browser.screenshot(png);
            assertTrue(Files.size(png) > 10_000);
            String docs = System.getProperty("maxdnn.screenshots");
            if (docs != null) {
                page.screenshotOfChart(stacked, Path.of(docs).resolve("run-energy.png"));
            }
        }
    }

    @Test
    void energyDependsOnTheData() {
        EnergyTable t = result.energy();
        double min = Double.MAX_VALUE;
        double max = 0;
        for (ConvLayer l : work.net().weightedLayers()) {
            double e = t.pj(l.name(), MultiplierConfig.EXACT);
            min = Math.min(min, e);
            max = Math.max(max, e);
            assertTrue(t.pj(CharacteriseEnergy.UNIFORM, MultiplierConfig.EXACT) > 1.5 * e,
                    "uniform random operands toggle more than " + l.name());
        }
        assertTrue(max > 1.5 * min, "per-MAC energy differs between layers: " + min + " .. " + max);
        // the exact 8x8 multiplier on osu018 (180 nm, 1.8 V): a few pJ on real data. Horowitz's
        // 0.2 pJ at 45 nm, 0.9 V scales by 4 (node) x 4 (V^2) to about 3.2 pJ.
        assertTrue(min > 1 && max < 10, "exact pJ/op on real layers " + min + " .. " + max);
    }

    @Test
    void networkEnergyIsMacsTimesPerOpEnergy() {
        EnergyTable t = result.energy();
        assertEquals(0.0, MapEnergy.of(work.net(), ApproxMap.exact(), t).savingPct(), 0.0);
        MultiplierConfig p1r2 = MultiplierConfig.parse("roup-p1r2");
        double e = 0;
        double exact = 0;
        for (ConvLayer l : work.net().weightedLayers()) {
            e += l.macs() * t.pj(l.name(), l.op() == OpType.CONV_2D ? p1r2 : MultiplierConfig.EXACT); // fc stays exact
            exact += l.macs() * t.pj(l.name(), MultiplierConfig.EXACT);
        }
        assertEquals(100 * (1 - e / exact), EstimateEnergy.of(work.net(), ApproxMap.uniform(p1r2), t).savingPct(), 1e-9);
        assertTrue(t.pj("conv1", TableConfig.alwann("mul8u_2P7")) > 0);
    }

    /**
     * The two checks of the reported figure on the characterisation's own netlists, for exact and
     * a spread of roup and roupc configurations ({@code energy --crosscheck} runs every one): the
     * activity equal to Icarus's net by net, the energy per transition within 10 % of OpenSTA's.
     */
    @Test
    void theReportedFigureIsCheckedByIcarusAndOpenSta() {
        List<String> spread = List.of("exact", "roup-p0r3", "roup-p1r2", "roup-p2r0", "roup-p2r2", "roupc-p0r4",
                "roupc-p1r4", "roupc-p2r6");
        double worst = 0;
        long t0 = System.nanoTime();
        List<CharacteriseEnergy.CrossCheck> checks = CharacteriseEnergy.crossCheck(result.characterised(),
                m -> spread.contains(m.name()));
        assertEquals(spread.size(), checks.size());
        for (CharacteriseEnergy.CrossCheck x : checks) {
            worst = Math.max(worst, Math.abs(x.energy().errorPct()));
            assertTrue(Math.abs(x.energy().errorPct()) < 10, x.config().name() + ": Java vs OpenSTA "
                    + x.energy().errorPct() + " %");
            assertEquals(List.of(), x.activityMismatches(), x.config().name());
            assertTrue(x.netsProbed() > 100, x.config().name());
        }
        System.out.printf(Locale.ROOT, "%d configurations: toggles equal Icarus's on every net, OpenSTA vs Java worst "
                + "%.2f %% (%.0f s)%n", checks.size(), worst, (System.nanoTime() - t0) / 1e9);
    }
}
