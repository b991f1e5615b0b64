package org.maxdnn.explore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.maxdnn.Assets;
import org.maxdnn.BundledModel;
import org.maxdnn.data.DataSet;
import org.maxdnn.data.DataSets;
import org.maxdnn.energy.EnergyTable;
import org.maxdnn.energy.MapEnergy;
import org.maxdnn.infer.ConvLayer;
import org.maxdnn.infer.Network;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.mult.MultiplierRegistry;

/**
 * The exploration's shortcuts change no score they should not, on the keyword-spotting network and
 * 200 of its samples: prefix reuse gives every input the class of a run from the input,
 * and sequential evaluation gives the fronts that full scores of the same maps give, but for the maps
 * its stopping rule stopped, each of which is, by its full score, dominated or out of the bound.
 */
class ShortcutsTest {
    private static Network net;
    private static MultiplierRegistry registry;
    private static DataSet data;
    private static AccuracyOracle oracle;

    @BeforeAll
    static void setUp() {
        Assets assets = Assets.fromEnvironment();
        net = Network.load(BundledModel.KWS.model(assets));
        registry = new MultiplierRegistry(assets.lutDir());
        data = DataSets.read(BundledModel.KWS.samples(assets), net, 200);
        oracle = new AccuracyOracle(net, data, registry, 2);
    }

    @Test
    void prefixReuseGivesEveryInputTheClassOfAFullRun() {
        AccuracyOracle fromInput = new AccuracyOracle(net, data.inputs(), data.task(), registry, 2, false);
        List<ConvLayer> layers = net.weightedLayers();
        assertArrayEquals(oracle.exact().perInput(), fromInput.exact().perInput());
        // maps whose first approximate layer is the first, a middle and the last weighted layer
        for (ConvLayer first : List.of(layers.get(0), layers.get(layers.size() / 2), layers.get(layers.size() - 1))) {
            Map<String, MultiplierConfig> configs = new java.util.HashMap<>();
            configs.put(layers.get(layers.size() - 1).name(), MultiplierConfig.parse("roupc-p1r3"));
            configs.put(first.name(), MultiplierConfig.parse("roup-p2r2"));
            ApproxMap map = ApproxMap.layerLevel(configs);
            AccuracyOracle.Score reused = oracle.score(map);
            AccuracyOracle.Score full = fromInput.score(map);
            assertArrayEquals(full.perInput(), reused.perInput(), first.name());
            assertArrayEquals(full.perSample(), reused.perSample(), first.name());
            assertEquals(full.metric(), reused.metric(), 0.0);
            assertEquals(full.agreement(), reused.agreement(), 0.0);
        }
    }

    @Test
    void sequentialEvaluationKeepsTheFrontsButForTheStoppedMaps() {
        EnergyTable energy = StandInEnergy.of(net, registry, Map.of());
        LayerSpace space = new LayerSpace("layer", net.weightedLayers().stream().map(ConvLayer::name).toList(),
                ConfigCatalog.roup(registry));
        StoppingRule.Settings rule = new StoppingRule.Settings(true, 25, 3.5, 8);
        for (Explorer.Objective objective : Explorer.Objective.values()) {
            Map<String, AccuracyOracle.Score> seen = new LinkedHashMap<>();
            Map<String, ApproxMap> maps = new LinkedHashMap<>();
            Explorer.Front front;
            try (InProcessEvaluator inner = new InProcessEvaluator(oracle, 2)) {
                MapEvaluator recording = new MapEvaluator() {
                    @Override
                    public List<AccuracyOracle.Score> scores(List<ApproxMap> batch) {
                        throw new AssertionError("a sequential search hands over its stopping rules");
                    }

                    @Override
                    public List<AccuracyOracle.Score> scores(List<ApproxMap> batch, List<StoppingRule> rules) {
                        List<AccuracyOracle.Score> scores = inner.scores(batch, rules);
                        for (int i = 0; i < batch.size(); i++) {
                            assertTrue(seen.put(batch.get(i).toJson(), scores.get(i)) == null, "each map scored once");
                            maps.put(batch.get(i).toJson(), batch.get(i));
                        }
                        return scores;
                    }
                };
                front = new Explorer(oracle, recording, energy, new Explorer.Settings(8, 2, 3, objective, rule))
                        .explore(space, space.seeds(), g -> { });
            }
            List<String> stopped = seen.keySet().stream().filter(k -> !seen.get(k).complete()).toList();
            assertEquals(front.stopped(), stopped.size());
            // the inferences counted: a stopped map's inputs before its stop, every input of the others, none for the all-exact map
            long run = seen.values().stream().mapToLong(s -> s == oracle.exact() ? 0
                    : s.complete() ? data.inputs().size() : s.stoppedAfter()).sum();
            assertEquals(run, front.inputsRun());
            assertTrue(run < (long) seen.size() * data.inputs().size(), run + " inferences");
            assertTrue(stopped.size() > 0 && stopped.size() < seen.size(), stopped.size() + " of " + seen.size()
                    + " stopped: the rule has something to do here");
            // every map the sequential search saw, scored in full
            List<double[]> kept = new ArrayList<>();
            List<double[]> all = new ArrayList<>();
            int checked = 0;
            for (String key : seen.keySet()) {
                // the stopped maps in full; a map that ran to the end has its full score (a few checked again)
                boolean again = stopped.contains(key) || checked++ < 4;
                AccuracyOracle.Score full = again ? oracle.score(maps.get(key)) : seen.get(key);
                double[] point = {MapEnergy.of(net, maps.get(key), energy).pj(), objective.value(full),
                        full.lossPts(oracle.exact())};
                all.add(point);
                if (stopped.contains(key)) {
                    assertTrue(seen.get(key).stoppedAfter() < data.inputs().size());
                } else {
                    // a map that ran to the end has the score it has without the rule, input by input
                    assertArrayEquals(full.perInput(), seen.get(key).perInput(), key);
                    kept.add(point);
                }
            }
            for (int i = 0; i < all.size(); i++) {
                double[] p = all.get(i);
                if (stopped.contains(List.copyOf(seen.keySet()).get(i))) {
                    // by its full score, a stopped map is out of the bound or dominated by a map that ran to the end
                    assertTrue(p[2] > rule.capPts() || kept.stream().anyMatch(q -> dominates(q, p)),
                            "stopped but neither dominated nor out of the bound: " + List.copyOf(seen.keySet()).get(i));
                }
            }
            // the front of the full scores of the maps not stopped is the sequential front
            List<String> sequentialFront = front.points().stream()
                    .map(p -> objectiveKey(p.pj(), objective.value(p.score()))).sorted().toList();
            assertEquals(frontKeys(kept), sequentialFront, objective.name());
            if (objective == Explorer.Objective.METRIC) {
                // with the metric searched, no stopped map would have been on the front within the bound
                assertEquals(frontKeys(all.stream().filter(p -> p[2] <= rule.capPts()).toList()),
                        front.points().stream().filter(p -> p.lossPts() <= rule.capPts())
                                .map(p -> objectiveKey(p.pj(), objective.value(p.score()))).sorted().toList());
            }
        }
    }

    private static boolean dominates(double[] a, double[] b) {
        return ParetoFront.dominates(new double[] {a[0], a[1]}, new double[] {b[0], b[1]});
    }

    private static List<String> frontKeys(List<double[]> points) {
        return ParetoFront.of(points, p -> new double[] {p[0], p[1]}).stream().map(p -> objectiveKey(p[0], p[1]))
                .distinct().sorted().toList();
    }

    private static String objectiveKey(double pj, double objective) {
        return pj + "/" + objective;
    }

    @Test
    void stoppingRuleBoundsAreOneSidedAndShrinkToTheMean() {
        assertEquals(0.5, StoppingRule.lowerBound(50, 50, 100, 100, 3.5), 0.0);
        double early = StoppingRule.lowerBound(50, 50, 100, 1000, 3.5);
        double later = StoppingRule.lowerBound(250, 250, 500, 1000, 3.5);
        assertTrue(early < later && later < 0.5, early + " < " + later + " < 0.5");
        assertEquals(List.of(), java.util.stream.IntStream.of(StoppingRule.order(400)).boxed().distinct()
                .filter(i -> i < 0 || i >= 400).toList());
        assertEquals(400, java.util.stream.IntStream.of(StoppingRule.order(400)).distinct().count());
        assertArrayEquals(StoppingRule.order(400), StoppingRule.order(400));
    }

}
