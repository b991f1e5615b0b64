package org.maxdnn.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.maxdnn.Assets;
import org.maxdnn.BundledModel;
import org.maxdnn.array.ArrayConfig;
import org.maxdnn.data.DataSets;
import org.maxdnn.energy.Action;
import org.maxdnn.energy.ActionEnergyTable;
import org.maxdnn.energy.EnergyTable;
import org.maxdnn.energy.PeActions;
import org.maxdnn.explore.StandInEnergy;
import org.maxdnn.infer.Evaluation;
import org.maxdnn.infer.InferencePlan;
import org.maxdnn.infer.Network;
import org.maxdnn.mult.MultiplierRegistry;
import org.maxdnn.task.AnomalyDetection;
import org.maxdnn.testing.BrowserSession;
import org.maxdnn.testing.ReportPage;
import org.maxdnn.testing.RequiresTools;

/**
 * The multi-network table on the two networks with the new layer kinds: KWS (conv and depthwise)
 * and the anomaly autoencoder (ten FC layers, ROC AUC). The energy table is a stand-in monotone in
 * P and R (the real one comes from the energy flow); what is checked is that the exploration runs
 * on every layer kind with the task's metric, that reported figures reproduce, and the table.
 */
class ExploreAllNetworksTest {
    @TempDir
    static Path out;
    @RegisterExtension
    static final BrowserSession session = new BrowserSession();
    private static final Map<String, Workload> works = new LinkedHashMap<>();
    private static ExploreAllNetworks.Result r;
    private static MultiplierRegistry registry;

    @BeforeAll
    static void exploreKwsAndAd() {
        Assets assets = Assets.fromEnvironment();
        registry = new MultiplierRegistry(assets.lutDir());
        List<ExploreAllNetworks.Job> jobs = new ArrayList<>();
        for (BundledModel m : List.of(BundledModel.KWS, BundledModel.AD)) {
            jobs.add(ExploreAllNetworks.Job.of(m.shortName(), () -> {
                Network net = Network.load(m.model(assets));
                Workload w = Workload.of(net, DataSets.read(m.samples(assets), net, m == BundledModel.AD ? 0 : 40),
                        registry);
                works.put(m.shortName(), w);
                return w;
            }));
        }
        ExploreMaps.Settings search = new ExploreMaps.Settings(List.of("layer", "kernel"), false, 4, 4, 1, 3, true);
        r = ExploreAllNetworks.run(new ExploreAllNetworks.Request(jobs, ws -> {
            Map<String, EnergyTable> t = new LinkedHashMap<>();
            ws.forEach((name, w) -> t.put(name, StandInEnergy.of(w.net(), registry, Map.of())));
            return new CharacteriseEnergy.Shared(t, STAND_IN_ACTIONS);
        }, List.of(), search, ArrayConfig.configurable(4, 4), 2, out), FlowListener.SILENT);
    }

    @Test
    void kwsAndAdAreExploredOnEveryLayerKindAndTabulated() throws Exception {

        assertEquals(List.of("kws", "kws", "ad", "ad"), r.rows().stream().map(ExploreAllNetworks.Row::network).toList());
        assertEquals(List.of("layer", "kernel-ranked", "layer", "kernel-ranked"),
                r.rows().stream().map(ExploreAllNetworks.Row::approach).toList());
        assertEquals("ROC AUC", r.rows().get(2).metric());
        assertEquals(2, r.seconds().size());
        String md = Files.readString(r.markdown());
        assertTrue(md.contains("| ad | ROC AUC"), md);

        // the array-level column: each network's exact map cosimulated on the 4x4 array and priced per action
        for (ExploreAllNetworks.Row row : r.rows()) {
            assertTrue(row.multiplierShare() > 0 && row.multiplierShare() < 1, row.network() + ": " + row.multiplierShare());
            for (int i = 0; i < 3; i++) {
                assertEquals(row.bestSavingPct()[i] * row.multiplierShare(), row.arraySavingPct()[i], 1e-12);
            }
        }
        assertTrue(Files.isRegularFile(out.resolve("kws/array/plain/toggles.csv")));
        assertTrue(Files.isRegularFile(out.resolve("kws/array/gated/toggles.csv")));
        // the three columns: the exact map on the plain and on the gated array, the gated array under a map
        for (ExploreAllNetworks.Row row : r.rows()) {
            ExploreAllNetworks.ArrayFigures f = row.array();
            assertTrue(f.gatedPj() < f.plainPj(), row.network() + ": gating saves on a mostly idle 4x4 array: " + f);
            assertTrue(f.gatedShare() > f.plainShare(), row.network() + ": the multipliers weigh more in the gated array");
            assertEquals(f.gatingSavingPct(), f.gatedSavingPct(0), 1e-9);
            assertTrue(f.gatedSavingPct(50) > f.gatingSavingPct(), "a map saves on top of gating");
        }
        assertTrue(md.contains("| network | plain, exact") && md.contains("gating's saving"), md);
        assertTrue(Files.readString(out.resolve("gated-array.csv")).lines().anyMatch(l -> l.startsWith("kws,")));
        String csv = Files.readString(r.csv());
        assertTrue(csv.lines().findFirst().orElseThrow().contains("array_saving_pct_within_2_pts"), csv);
        assertTrue(Files.size(out.resolve("summary.png")) > 0 && Files.readString(out.resolve("summary.svg")).contains("kws"));
        JsonNode summary = new ObjectMapper().readTree(out.resolve("ad/summary.json").toFile());
        assertEquals("validation", summary.get("best_saving_on").asText());
        assertEquals(r.rows().get(3).bestSavingPct()[2],
                summary.get("best_saving_pct").get("kernel-ranked").get("within_4_pts").asDouble(), 1e-9);

        // the autoencoder's kernel-ranked maps name FC layers, and a front point's validation AUC reproduces
        JsonNode points = new ObjectMapper().readTree(out.resolve("ad/kernel-ranked/pareto.json").toFile()).get("points");
        JsonNode last = points.get(points.size() - 1);
        assertTrue(last.get("saving_pct").asDouble() > 0, "the front reaches an approximate map");
        var map = org.maxdnn.map.ApproxMap.read(out.resolve("ad/kernel-ranked").resolve(last.get("map").asText()));
        assertTrue(map.toJson().contains("\"fc"), map.toJson());
        Workload ad = works.get("ad");
        var split = org.maxdnn.explore.DataSplit.of(ad.dataSet(), 14);
        Evaluation.Result e = Evaluation.run(InferencePlan.compile(ad.net(), map, registry), split.validation().inputs(), 2,
                null);
        AnomalyDetection task = (AnomalyDetection) split.validation().task();
        assertEquals(task.metric(e.perInput(task)), last.get("validation_metric").asDouble(), 1e-12);
        assertNotNull(last.get("validation_ci_low"));
        // KWS: the layer genome has a gene per conv, depthwise and FC layer
        Network kws = works.get("kws").net();
        assertTrue(kws.weightedLayers().stream().anyMatch(l -> l.name().startsWith("dw")));
        JsonNode kwsPoint = new ObjectMapper().readTree(out.resolve("kws/layer/pareto.json").toFile()).get("points").get(0);
        assertEquals(kws.weightedLayers().size(), kwsPoint.get("genome").size());
    }

    /**
     * The page in Debian's chromium: offline, no console error and no request beyond its folder; a chart
     * per loss bound with a group per network and a bar per approach of {@code summary.csv}, whose hover
     * shows a network's figures as the table prints them; the gated array's energy per network; each
     * network's own page with its explorer. A screenshot is written beside the page (and as
     * {@code run-all.png} into the folder the property {@code maxdnn.screenshots} names).
     */
    @Test
    @RequiresTools({"chromium", "chromedriver"})
    void thePageIsInteractiveAndSelfContained() throws Exception {
        ReportPage page = session.open(out.resolve("report.html"));
        page.assertSelfContained();
        List<Integer> bars = page.charts("bars");
        assertEquals(4, bars.size(), "one per loss bound and the gated array's");
        for (int c : bars.subList(0, 3)) {
            assertEquals(Map.of("categories", List.of("kws", "ad"), "series", List.of("layer / no", "kernel-ranked / no")),
                    page.bars(c));
        }
        assertEquals(Map.of("categories", List.of("kws", "ad"), "series", List.of("plain, exact (µJ)", "gated, exact (µJ)")),
                page.bars(bars.get(3)));
        List<String> csv = Files.readAllLines(out.resolve("summary.csv"));
        int column = List.of(csv.get(0).split(",")).indexOf("best_saving_pct_within_2_pts");
        String tip = page.hoverBars(bars.get(1), "ad");
        for (String line : csv.subList(1, csv.size())) {
            String[] cells = line.split(",");
            if (cells[0].equals("ad")) {
                String shown = String.format(Locale.ROOT, "%.1f%%", Double.parseDouble(cells[column]));
                assertTrue(tip.contains(shown), tip + " lacks " + shown);
            }
        }
        Path png = out.resolve("report.png");
        session.browser().screenshot(png);
        assertTrue(Files.size(png) > 10_000);
        String docs = System.getProperty("maxdnn.screenshots");
        if (docs != null) {
            page.screenshotOfChart(bars.get(1), Path.of(docs).resolve("run-all.png"));
        }
        for (String name : r.networks()) {
            ReportPage own = session.open(out.resolve(name).resolve("report.html"));
            own.assertSelfContained();
            assertEquals(1, own.charts("pareto").size(), name);
        }
    }

    /** Energy per action of the array's other parts, of the order the osu018 flow measures. */
    static final ActionEnergyTable STAND_IN_ACTIONS = standInActions();

    private static ActionEnergyTable standInActions() {
        Map<Action, ActionEnergyTable.Entry> e = new LinkedHashMap<>(Map.of(
                PeActions.REGISTER_CLOCK, new ActionEnergyTable.Entry(0.01, "stand-in"),
                PeActions.REGISTER_BIT_TOGGLE, new ActionEnergyTable.Entry(0.02, "stand-in"),
                PeActions.ADDER_ADD, new ActionEnergyTable.Entry(0.5, "stand-in"),
                PeActions.WEIGHT_LOAD, new ActionEnergyTable.Entry(0.1, "stand-in"),
                PeActions.CLOCK_GATE_OPEN, new ActionEnergyTable.Entry(0.02, "stand-in"),
                PeActions.CLOCK_GATE_CLOSED, new ActionEnergyTable.Entry(0.015, "stand-in"),
                PeActions.REGISTER_GATED_CLOCK, new ActionEnergyTable.Entry(0.01, "stand-in")));
        for (int bits = PeActions.MIN_ADDER_BITS; bits <= PeActions.MAX_ADDER_BITS; bits++) {
            e.put(PeActions.adderAdd(bits), new ActionEnergyTable.Entry(0.5 * bits / 32, "stand-in"));
        }
        return new ActionEnergyTable("test stand-in", e);
    }
}
