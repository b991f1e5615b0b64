package org.maxdnn.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.maxdnn.Assets;
import org.maxdnn.data.DataSet;
import org.maxdnn.data.ImageSets;
import org.maxdnn.data.InputFormat;
import org.maxdnn.data.LabeledImage;
import org.maxdnn.energy.EnergyTable;
import org.maxdnn.infer.ConvLayer;
import org.maxdnn.infer.Network;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.mult.MultiplierRegistry;
import org.maxdnn.report.Table;
import org.maxdnn.task.Classification;
import org.maxdnn.testing.BrowserSession;
import org.maxdnn.testing.ReportPage;
import org.maxdnn.testing.RequiresTools;

/**
 * {@code explore}'s page from a small real exploration (layer level and ALWANN, 20 search and 20
 * validation images, a stand-in energy table) in Debian's chromium: it loads offline with no console
 * error and no request, the explorer plots as many points as each {@code pareto.csv} has rows,
 * hovering one shows its row's figures, clicking one shows its map with every configuration of the
 * map's JSON in the legend, and the view buttons switch between the validation and the search figures.
 * The page's screenshot is written beside it ({@code report.png}; also into the folder the system
 * property {@code maxdnn.screenshots} names, as {@code explore.png}).
 */
@RequiresTools({"chromium", "chromedriver"})
class ExploreReportInBrowserTest {
    @TempDir
    static Path dir;
    @RegisterExtension
    static final BrowserSession session = new BrowserSession();
    private static ReportPage page;
    private static Exploration.Result result;
    private static Network net;

    @BeforeAll
    static void exploreAndOpen() throws Exception {
        Assets assets = Assets.fromEnvironment();
        net = Network.load(assets.model());
        MultiplierRegistry registry = new MultiplierRegistry(assets.lutDir());
        List<LabeledImage> images = ImageSets.readFolder(assets.images(), 40);
        DataSplit split = DataSplit.of(new DataSet(assets.images(), InputFormat.UINT8_IMAGE, images.size(), images,
                Classification.of(images)), 1);
        AccuracyOracle search = new AccuracyOracle(net, split.search(), registry, 2);
        AccuracyOracle validation = new AccuracyOracle(net, split.validation(), registry, 2);
        Map<String, Double> alwann = new LinkedHashMap<>();
        alwann.put("alwann:mul8u_2P7", 0.8);
        alwann.put("alwann:mul8u_17KS", 0.5);
        EnergyTable energy = StandInEnergy.of(net, registry, alwann);
        Exploration.Plan plan = new Exploration.Plan(List.of("layer"), List.of("mul8u_2P7", "mul8u_17KS"), 2,
                new Explorer.Settings(8, 2, 5), 2);
        try (MapEvaluator evaluator = new InProcessEvaluator(search, 2)) {
            result = Exploration.run(search, evaluator, energy, plan, (a, g) -> { });
        }
        try (MapEvaluator evaluator = new InProcessEvaluator(validation, 2)) {
            result = Exploration.validate(result, validation, evaluator);
        }
        // on 20 validation images a map that loses one image has a loss upper bound of about 16 points
        ExploreReport.write(dir, net, result, energy, 25, "test");
        page = session.open(dir.resolve("report.html"));
    }

    @Test
    void thePageLoadsOfflineWithNoErrorAndNoRequest() {
        page.assertSelfContained();
    }

    @Test
    void theExplorerPlotsEveryRowOfEveryFrontOnValidationDataFirst() throws Exception {
        int chart = page.charts("pareto").get(0);
        Map<String, List<List<Number>>> points = page.points(chart);
        assertEquals(Set.of("layer", "alwann"), points.keySet());
        for (String a : points.keySet()) {
            List<String> csv = Files.readAllLines(dir.resolve(a + "/pareto.csv"));
            assertEquals(csv.size() - 1, points.get(a).size(), a);
            int y = Arrays.asList(csv.get(0).split(",")).indexOf("validation_loss_pts");
            for (int r = 1; r < csv.size(); r++) {
                assertEquals(Double.parseDouble(csv.get(r).split(",")[y]), points.get(a).get(r - 1).get(1).doubleValue(),
                        5e-4, a + " row " + r);
            }
        }
        assertTrue(page.marks(chart).contains("chosen"), page.marks(chart).toString());
    }

    @Test
    void hoveringAPointShowsItsFiguresAndClickingShowsItsWholeMap() throws Exception {
        int chart = page.charts("pareto").get(0);
        for (String a : List.of("layer", "alwann")) {
            int row = page.isolatedPoint(chart, a);
            if (row < 0) {
                continue;
            }
            Explorer.Point p = result.front(a).points().get(row);
            Table t = ExploreReport.frontTable(result.front(a), result.validationExact().metric(),
                    ExploreReport.searchBounds(result));
            String tip = page.hover(chart, a, row);
            for (String column : List.of("saving_pct", "validation_loss_pts", "validation_loss_low_pts",
                    "validation_loss_high_pts", "validation_p_value", "agreement_pct")) {
                int c = t.columns().stream().map(x -> x.id()).toList().indexOf(column);
                assertTrue(tip.contains(t.shown(row, c)), tip + " lacks " + column);
            }
            List<String> legend = page.click(chart, a, row);
            ApproxMap map = ApproxMap.read(dir.resolve(a).resolve(String.format("maps/p%02d.json", row)));
            Set<String> configurations = new TreeSet<>();
            for (ConvLayer l : net.weightedLayers()) {
                Arrays.stream(map.resolve(l)).flatMap(Arrays::stream).map(MultiplierConfig::name).forEach(configurations::add);
            }
            assertEquals(configurations, new TreeSet<>(legend), a + " point " + row);
            assertEquals(legend.size(), Set.copyOf(legend).size(), "each configuration once: " + legend);
            assertTrue(page.mapLink(chart).endsWith(a + String.format("/maps/p%02d.json", row)), page.mapLink(chart));
            assertEquals(net.weightedLayers().stream().mapToInt(ConvLayer::outC).sum(), page.showKernels(chart, ""));
            assertTrue(p.savingPct() >= 0);
            return;
        }
        throw new AssertionError("no front has a point the mouse can reach alone");
    }

    @Test
    void theViewButtonsSwitchBetweenValidationAndSearchFigures() {
        int chart = page.charts("pareto").get(0);
        List<List<Number>> validation = page.points(chart).get("layer");
        page.view(chart, "search");
        List<List<Number>> search = page.points(chart).get("layer");
        List<Explorer.Point> front = result.front("layer").points();
        for (int i = 0; i < front.size(); i++) {
            assertEquals(front.get(i).lossPts(), search.get(i).get(1).doubleValue(), 1e-9);
            assertEquals(front.get(i).validation().lossPts(), validation.get(i).get(1).doubleValue(), 1e-9);
        }
        assertNotEquals(validation, search, "20 other images give other losses");
        page.view(chart, "validation");
        assertEquals(validation, page.points(chart).get("layer"));
    }

    @Test
    void aScreenshotIsWrittenBesideThePage() throws Exception {
        Path png = dir.resolve("report.png");
        session.browser().screenshot(png);
        byte[] head = Files.readAllBytes(png);
        assertTrue(head.length > 10_000 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G');
        String docs = System.getProperty("maxdnn.screenshots");
        if (docs != null) {
            int chart = page.charts("pareto").get(0);
            int row = page.isolatedPoint(chart, "layer");
            if (row >= 0) {
                page.click(chart, "layer", row);
            }
            page.screenshotOfChart(chart, Path.of(docs).resolve("explore.png"));
        }
    }
}
