package org.maxdnn.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.maxdnn.data.LabeledImage;
import org.maxdnn.energy.EnergyTable;
import org.maxdnn.infer.CalibrationStatistics;
import org.maxdnn.infer.ConvLayer;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.mult.RoupConfig;
import org.maxdnn.task.Task;

/**
 * The MAx-DNN approaches over both ROUP families (layer, filter groups, ranked filters, ranked
 * kernels) and the ALWANN baseline, each searched with NSGA-II under the same accuracy oracle and
 * energy table.
 */
public final class Exploration {
    /**
     * What to explore. {@code alwannTables}: EvoApprox stems for the baseline (empty: no baseline).
     * {@code compensate}: every approach, the baseline included, is also searched with bias
     * compensation ({@link CompensatedSpace}), calibrated on the oracle's images.
     */
    public record Plan(List<String> levels, List<String> alwannTables, int filterGroups, Explorer.Settings settings,
                       int sensitivityImages, boolean compensate) {
        /** Without compensation. */
        public Plan(List<String> levels, List<String> alwannTables, int filterGroups, Explorer.Settings settings,
                    int sensitivityImages) {
            this(levels, alwannTables, filterGroups, settings, sensitivityImages, false);
        }
    }

    /** Whether an approach is the ALWANN baseline, compensated or not. */
    public static boolean isBaseline(String approach) {
        return approach.equals("alwann") || approach.equals("alwann" + CompensatedSpace.SUFFIX);
    }

    /**
     * Fronts in the order explored, each compensated approach after its plain one, the ALWANN ones last; {@code metric} names the task's metric,
     * {@code exact} is the exact model's score on the search data of {@code task}, {@code validationExact} on the
     * validation data and {@code validationMethod} its statistics (both null until {@link #validate});
     * {@code searchSources} each search input's source sample when the search data holds variants
     * ({@link Variants.Pool#source}: the search bounds are clustered by it, {@link LossBound#of}), else null.
     */
    public record Result(List<Explorer.Front> fronts, String metric, AccuracyOracle.Score exact,
                         AccuracyOracle.Score validationExact, String validationMethod, Task task, int[] searchSources) {
        /** The same fronts, the search inputs from the sources {@code sources} (null: each its own). */
        public Result withSearchSources(int[] sources) {
            return new Result(fronts, metric, exact, validationExact, validationMethod, task, sources);
        }

        /** How the choice is made ({@link Selection#rule}), and how the search bounds are clustered. */
        public String rule(double maxLossPts) {
            return Selection.rule(task, maxLossPts) + (searchSources == null ? "" : "; " + LossBound.clusteredMethod(task));
        }

        /** A point's loss bounds on the search data, clustered by source sample when it holds variants. */
        public LossBound searchBound(Explorer.Point p) {
            return LossBound.of(task, p.score(), exact, searchSources);
        }

        public Explorer.Front front(String approach) {
            return fronts.stream().filter(f -> f.space().name().equals(approach)).findFirst().orElse(null);
        }

        public List<Explorer.Front> maxDnnFronts() {
            return fronts.stream().filter(f -> !isBaseline(f.space().name())).toList();
        }

        /** The MAx-DNN map kept within {@code maxLossPts} with the uncertainty ({@link Selection}). */
        public Selection chosen(double maxLossPts) {
            return Selection.of(maxDnnFronts(), this::searchBound, maxLossPts);
        }

        /** The ALWANN baseline's map (its uncompensated front) picked the same way, or null when not searched. */
        public Selection baseline(double maxLossPts) {
            Explorer.Front alwann = front("alwann");
            return alwann == null ? null : Selection.of(List.of(alwann), this::searchBound, maxLossPts);
        }
    }

    private Exploration() {
    }

    /**
     * Runs the plan. {@code progress} receives (phase, generation) as the searches advance.
     */
    public static Result run(AccuracyOracle oracle, MapEvaluator evaluator, EnergyTable energy, Plan plan,
                             BiConsumer<String, Integer> progress) {
        // every approximable layer: conv, depthwise and fully connected (SPEC §12)
        List<ConvLayer> convs = oracle.network().weightedLayers();
        List<String> names = convs.stream().map(ConvLayer::name).toList();
        List<LabeledImage> probeImages = oracle.images().subList(0, Math.min(plan.sensitivityImages(), oracle.images().size()));
        List<MultiplierConfig> allRoup = ConfigCatalog.roup(oracle.registry()).stream()
                .filter(c -> names.stream().allMatch(n -> energy.has(n, c))).toList();
        HeuristicSeeds roupHeuristic = HeuristicSeeds.measure(convs, allRoup, energy, oracle.network(), probeImages,
                oracle.registry());
        List<MultiplierConfig> roup = roupHeuristic.efficientConfigs();
        Explorer explorer = new Explorer(oracle, evaluator, energy, plan.settings());
        List<MapSpace> spaces = new ArrayList<>();
        List<List<int[]>> seeds = new ArrayList<>();
        Map<String, Sensitivity.LayerScores> scores = null;
        for (String level : plan.levels()) {
            switch (level) {
                case "layer" -> {
                    spaces.add(new LayerSpace("layer", names, roup));
                    seeds.add(roupHeuristic.layerLadder(roup));
                }
                case "filter" -> {
                    spaces.add(new FilterGroupSpace(convs, roup, plan.filterGroups()));
                    seeds.add(roupHeuristic.groupLadder(roup, plan.filterGroups()));
                    scores = scores != null ? scores : sensitivity(oracle, probeImages);
                    spaces.add(new RankedSpace(RankedSpace.Unit.FILTER, convs, roup, scores));
                    seeds.add(roupHeuristic.rankedLadder(roup));
                }
                case "kernel" -> {
                    scores = scores != null ? scores : sensitivity(oracle, probeImages);
                    spaces.add(new RankedSpace(RankedSpace.Unit.KERNEL, convs, roup, scores));
                    seeds.add(roupHeuristic.rankedLadder(roup));
                }
                default -> throw new IllegalArgumentException("unknown level " + level);
            }
        }
        if (!plan.alwannTables().isEmpty()) {
            List<MultiplierConfig> tables = ConfigCatalog.alwann(plan.alwannTables()).stream()
                    .filter(c -> names.stream().allMatch(n -> energy.has(n, c))).toList();
            HeuristicSeeds alwannHeuristic = HeuristicSeeds.measure(convs, tables, energy, oracle.network(), probeImages,
                    oracle.registry());
            List<MultiplierConfig> efficient = alwannHeuristic.efficientConfigs();
            spaces.add(new LayerSpace("alwann", names, efficient));
            seeds.add(alwannHeuristic.layerLadder(efficient));
        }
        if (plan.compensate()) {
            // calibrated on the oracle's images: the search part (ExploreMaps), never the validation part
            CalibrationStatistics calibration = CalibrationStatistics.collect(oracle.network(),
                    oracle.images().stream().map(LabeledImage::pixels).toList(), oracle.registry());
            for (int i = spaces.size() - 1; i >= 0; i--) {
                spaces.add(i + 1, new CompensatedSpace(spaces.get(i), calibration, oracle.registry()));
                seeds.add(i + 1, seeds.get(i));
            }
        }
        List<Explorer.Front> fronts = new ArrayList<>();
        for (int i = 0; i < spaces.size(); i++) {
            MapSpace s = spaces.get(i);
            fronts.add(explorer.explore(s, seeds.get(i), gen -> progress.accept(s.name(), gen)));
        }
        return new Result(fronts, oracle.task().metricName(), oracle.exact(), null, null, oracle.task(), null);
    }

    /**
     * Every front point's figure on held-out data ({@link DataSplit}): its maps scored by
     * {@code evaluator} as one batch on {@code validation}'s data, with the interval and paired test
     * of {@link Validation}. The fronts, their order and the chosen point stay those of the search.
     */
    public static Result validate(Result searched, AccuracyOracle validation, MapEvaluator evaluator) {
        List<ApproxMap> maps = new ArrayList<>();
        searched.fronts().forEach(f -> f.points().forEach(p -> maps.add(p.map())));
        List<AccuracyOracle.Score> scores = maps.isEmpty() ? List.of() : evaluator.scores(maps);
        AccuracyOracle.Score exact = validation.exact();
        List<Explorer.Front> fronts = new ArrayList<>();
        int k = 0;
        for (Explorer.Front f : searched.fronts()) {
            List<Explorer.Point> points = new ArrayList<>();
            for (Explorer.Point p : f.points()) {
                points.add(p.withValidation(Validation.of(validation.task(), scores.get(k++), exact)));
            }
            fronts.add(f.withPoints(points));
        }
        return new Result(fronts, searched.metric(), searched.exact(), exact, Validation.method(validation.task()),
                searched.task(), searched.searchSources());
    }

    /** Probe multiplier for the ranking: a mid-strength configuration of the roup family. */
    static final MultiplierConfig PROBE = RoupConfig.roup(1, 2);

    private static Map<String, Sensitivity.LayerScores> sensitivity(AccuracyOracle oracle, List<LabeledImage> images) {
        return Sensitivity.measure(oracle.network(), images, oracle.registry().get(PROBE), oracle.registry());
    }
}
