package org.maxdnn.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maxdnn.Assets;
import org.maxdnn.data.DataSet;
import org.maxdnn.data.ImageSets;
import org.maxdnn.data.InputFormat;
import org.maxdnn.data.LabeledImage;
import org.maxdnn.energy.EnergyTable;
import org.maxdnn.infer.ConvLayer;
import org.maxdnn.infer.Evaluation;
import org.maxdnn.infer.InferencePlan;
import org.maxdnn.infer.Network;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.mult.MultiplierRegistry;
import org.maxdnn.task.Classification;

/**
 * The search mechanics on the real model and images. The energy table here is a stand-in that
 * only has to be monotone in P and R (the real one comes from the energy flow); what is checked is
 * the search, the bookkeeping and that every reported point reproduces.
 */
class ExplorationTest {
    @TempDir
    Path tmp;
    private static AccuracyOracle oracle;
    private static EnergyTable energy;

    @BeforeAll
    static void setUp() {
        Assets assets = Assets.fromEnvironment();
        Network net = Network.load(assets.model());
        MultiplierRegistry registry = new MultiplierRegistry(assets.lutDir());
        List<LabeledImage> images = ImageSets.readFolder(assets.images(), 30);
        oracle = new AccuracyOracle(net, new DataSet(assets.images(), InputFormat.UINT8_IMAGE, images.size(), images,
                Classification.of(images)), registry, 2);
        Map<String, Double> alwann = new LinkedHashMap<>();
        alwann.put("alwann:mul8u_2P7", 0.8);
        alwann.put("alwann:mul8u_17KS", 0.5);
        energy = StandInEnergy.of(net, registry, alwann);
    }

    @Test
    void snapshotsGiveTheSameScoresAsAFullRun() {
        ApproxMap map = ApproxMap.layerLevel(Map.of("conv6", MultiplierConfig.parse("roup-p2r1"),
                "conv7", MultiplierConfig.parse("roupc-p1r5")));
        InferencePlan plan = InferencePlan.compile(oracle.network(), map, oracle.registry());
        assertEquals(oracle.network().layers().indexOf(oracle.network().layer("conv6")), plan.firstApproximateLayer());
        Evaluation.Result full = Evaluation.run(plan, oracle.images(), 1, null);
        AccuracyOracle.Score s = oracle.score(map);
        assertEquals(full.accuracy(), s.metric(), 0.0);
        assertEquals(full.correct(), Arrays.stream(s.perSample()).sum(), 0.0);
    }

    @Test
    void frontsAreNonDominatedReproducibleAndWritten() throws Exception {
        Exploration.Plan plan = new Exploration.Plan(List.of("layer", "filter", "kernel"), List.of("mul8u_2P7", "mul8u_17KS"),
                2, new Explorer.Settings(8, 2, 5), 2);
        Exploration.Result r;
        try (MapEvaluator evaluator = new InProcessEvaluator(oracle, 2)) {
            r = Exploration.run(oracle, evaluator, energy, plan, (a, g) -> { });
        }
        assertEquals(List.of("layer", "filter-groups", "filter-ranked", "kernel-ranked", "alwann"),
                r.fronts().stream().map(f -> f.space().name()).toList());
        for (Explorer.Front f : r.fronts()) {
            assertFalse(f.points().isEmpty());
            for (Explorer.Point p : f.points()) {
                for (Explorer.Point q : f.points()) {
                    assertFalse(q.pj() < p.pj() && q.score().metric() >= p.score().metric()
                            || q.pj() <= p.pj() && q.score().metric() > p.score().metric(), "dominated point");
                }
                // the point reproduces: a fresh full evaluation of its map gives its accuracy
                Evaluation.Result e = Evaluation.run(InferencePlan.compile(oracle.network(), p.map(), oracle.registry()),
                        oracle.images(), 1, null);
                assertEquals(p.score().metric(), e.accuracy(), 0.0, f.space().name());
            }
            assertEquals(0.0, f.best(0).lossPts() <= 0 ? 0.0 : 1.0, "a zero-loss point exists (all-exact seed)");
            assertTrue(f.hypervolume() > 0 && f.hypervolume() < 1, f.space().name() + " hypervolume " + f.hypervolume());
        }
        // the same search scored one map at a time on the calling thread: same fronts
        Exploration.Result again = Exploration.run(oracle, maps -> maps.stream().map(oracle::score).toList(), energy,
                plan, (a, g) -> { });
        for (int i = 0; i < r.fronts().size(); i++) {
            assertEquals(r.fronts().get(i).points().stream().map(p -> p.map().toJson()).toList(),
                    again.fronts().get(i).points().stream().map(p -> p.map().toJson()).toList(), "seeded and deterministic, whatever evaluates the maps");
            assertEquals(r.fronts().get(i).hypervolume(), again.fronts().get(i).hypervolume(), 0.0);
        }

        ExploreReport.Summary s = ExploreReport.write(tmp, oracle.network(), r, energy, 4, "test").summary();
        for (String f : List.of("report.html", "tradeoff.png", "tradeoff.svg", "summary.csv", "summary.json",
                "layer/pareto.csv", "kernel-ranked/pareto.json", "alwann/maps/p00.json")) {
            assertTrue(Files.size(tmp.resolve(f)) > 0, f);
        }
        assertEquals(5, s.bestSaving().size());
        assertTrue(Files.readString(tmp.resolve("report.html")).contains("MAx-DNN best / ALWANN"));
        assertTrue(Files.readAllLines(tmp.resolve("summary.csv")).get(0).endsWith(",hypervolume"));
        assertEquals(r.front("filter-groups").hypervolume(), s.hypervolume().get("filter-groups"), 0.0);
        for (Explorer.Point p : r.front("filter-groups").points()) {
            assertGroupsOfTwo(p.map());
        }
    }

    /**
     * The agreement objective: the front is non-dominated in (energy, 1 − agreement with the exact
     * model) on the search images, and a changed prediction counts even when it turns a wrong one right.
     */
    @Test
    void theAgreementObjectiveKeepsTheFrontOfChangedPredictions() {
        AccuracyOracle.Score luckier = new AccuracyOracle.Score(0.9, 0.8, new double[0]);
        assertEquals(0.1, Explorer.Objective.METRIC.value(luckier), 1e-12);
        assertEquals(0.2, Explorer.Objective.AGREEMENT.value(luckier), 1e-12);
        AccuracyOracle.Score auc = new AccuracyOracle.Score(0.75, Double.NaN, new double[0]);
        assertEquals(0.25, Explorer.Objective.AGREEMENT.value(auc), 1e-12, "no top-1: the metric");

        Exploration.Plan plan = new Exploration.Plan(List.of("layer"), List.of(), 2,
                new Explorer.Settings(8, 2, 5, Explorer.Objective.AGREEMENT), 2);
        Exploration.Result r;
        try (MapEvaluator evaluator = new InProcessEvaluator(oracle, 2)) {
            r = Exploration.run(oracle, evaluator, energy, plan, (a, g) -> { });
        }
        List<Explorer.Point> front = r.front("layer").points();
        for (Explorer.Point p : front) {
            for (Explorer.Point q : front) {
                assertFalse(q.pj() < p.pj() && q.score().agreement() >= p.score().agreement()
                        || q.pj() <= p.pj() && q.score().agreement() > p.score().agreement(), "dominated point");
            }
        }
        assertEquals(1.0, front.get(0).score().agreement(), 0.0, "the all-exact end agrees with itself");
        assertTrue(front.size() > 1 && front.get(front.size() - 1).savingPct() > 0, "the front reaches an approximate map");
    }

    /**
     * With compensation each approach, ALWANN included, gets a {@code +comp} twin whose maps are its
     * own maps with corrections calibrated on the search images; energy is the same (the bias is free);
     * the compensated ALWANN front counts as the baseline, not as MAx-DNN.
     */
    @Test
    void compensatedApproachesSearchTheSameGenomesWithCalibratedBiases() {
        Exploration.Plan plan = new Exploration.Plan(List.of("layer"), List.of("mul8u_2P7", "mul8u_17KS"), 2,
                new Explorer.Settings(4, 1, 5), 2, true);
        Exploration.Result r = Exploration.run(oracle, maps -> maps.stream().map(oracle::score).toList(), energy, plan,
                (a, g) -> { });
        assertEquals(List.of("layer", "layer+comp", "alwann", "alwann+comp"),
                r.fronts().stream().map(f -> f.space().name()).toList());
        assertEquals(List.of("layer", "layer+comp"), r.maxDnnFronts().stream().map(f -> f.space().name()).toList());
        org.maxdnn.infer.CalibrationStatistics calibration = org.maxdnn.infer.CalibrationStatistics.collect(
                oracle.network(), oracle.images().stream().map(org.maxdnn.data.LabeledImage::pixels).toList(),
                oracle.registry());
        boolean corrected = false;
        for (Explorer.Point p : r.front("layer+comp").points()) {
            assertTrue(p.map().isCompensated());
            ApproxMap plain = p.map().withCompensation(null);
            assertEquals(org.maxdnn.map.Compensation.of(plain, calibration, oracle.registry()), p.map());
            assertEquals(org.maxdnn.energy.MapEnergy.of(oracle.network(), plain, energy).pj(), p.pj(), 0.0);
            corrected |= p.map().compensation().values().stream().flatMap(List::stream).anyMatch(v -> v != 0);
            Evaluation.Result e = Evaluation.run(InferencePlan.compile(oracle.network(), p.map(), oracle.registry()),
                    oracle.images(), 1, null);
            assertEquals(e.accuracy(), p.score().metric(), 0.0, "a compensated point reproduces");
        }
        assertTrue(corrected, "some point of the compensated front has non-zero corrections");
        ExploreReport.Summary s = ExploreReport.summary(r, Double.NaN);
        for (int i = 0; i < ExploreReport.LOSS_BOUNDS.length; i++) {
            assertEquals(Math.max(s.bestSaving().get("alwann")[i], s.bestSaving().get("alwann+comp")[i]),
                    s.alwannBest()[i], 0.0);
            assertEquals(Math.max(s.bestSaving().get("layer")[i], s.bestSaving().get("layer+comp")[i]),
                    s.maxDnnBest()[i], 0.0);
        }
    }

    /**
     * The paper's own filter level: a genome gives each conv layer's filters in equal contiguous
     * groups (here 2) one configuration per group, priced per filter.
     */
    @Test
    void filterGroupGenomesAssignOneConfigurationPerGroup() {
        List<ConvLayer> convs = oracle.network().weightedLayers().stream()
                .filter(l -> l.op() == org.maxdnn.model.OpType.CONV_2D).toList();
        List<MultiplierConfig> configs = List.of(MultiplierConfig.EXACT, MultiplierConfig.parse("roup-p1r2"),
                MultiplierConfig.parse("roup-p2r0"));
        FilterGroupSpace space = new FilterGroupSpace(convs, configs, 2);
        assertEquals(2 * convs.size(), space.genes());
        int[] genome = new int[space.genes()];
        genome[2] = 1; // conv1: first half roup-p1r2, second half exact
        genome[5] = 2; // conv2: first half exact, second half roup-p2r0
        ApproxMap map = space.map(genome);
        assertGroupsOfTwo(map);
        ConvLayer conv1 = convs.get(1);
        MultiplierConfig[][] c1 = map.resolve(conv1);
        assertEquals(configs.get(1), c1[0][0]);
        assertEquals(configs.get(1), c1[conv1.outC() / 2 - 1][conv1.inC() - 1]);
        assertEquals(MultiplierConfig.EXACT, c1[conv1.outC() / 2][0]);
        assertEquals(configs.get(2), map.resolve(convs.get(2))[convs.get(2).outC() - 1][0]);
        assertEquals(MultiplierConfig.EXACT, map.resolve(convs.get(0))[0][0]);
        // energy: half of conv1's multiplications at roup-p1r2, half of conv2's at roup-p2r0, the rest exact
        double exact = 0;
        for (ConvLayer l : oracle.network().weightedLayers()) {
            exact += l.macs() * energy.pj(l.name(), MultiplierConfig.EXACT);
        }
        ConvLayer conv2 = convs.get(2);
        double pj = exact + conv1.macs() / 2.0 * (energy.pj("conv1", configs.get(1)) - energy.pj("conv1", MultiplierConfig.EXACT))
                + conv2.macs() / 2.0 * (energy.pj("conv2", configs.get(2)) - energy.pj("conv2", MultiplierConfig.EXACT));
        Explorer.Point p = new Explorer(oracle, maps -> maps.stream().map(oracle::score).toList(), energy,
                new Explorer.Settings(4, 1, 1)).point(space, genome);
        assertEquals(pj, p.pj(), 1e-9 * pj);
    }

    /** Every conv layer's filters fall in two halves, each with one configuration for all its kernels. */
    private static void assertGroupsOfTwo(ApproxMap map) {
        for (ConvLayer l : oracle.network().weightedLayers()) {
            MultiplierConfig[][] c = map.resolve(l);
            for (int oc = 0; oc < l.outC(); oc++) {
                MultiplierConfig first = c[oc * 2 / l.outC() * l.outC() / 2][0];
                for (MultiplierConfig k : c[oc]) {
                    assertEquals(first, k, l.name() + " filter " + oc + " differs from its group");
                }
            }
        }
    }
}
