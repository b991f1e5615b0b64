package org.maxdnn.explore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.maxdnn.energy.EnergyTable;
import org.maxdnn.energy.MapEnergy;
import org.maxdnn.map.ApproxMap;

/**
 * Searches one {@link MapSpace} with NSGA-II ({@link Nsga2Search}) for the Pareto front of
 * (network multiplier energy, 1 − the task's metric on the search data, or 1 − agreement with the
 * exact model: {@link Objective}): seeded with the space's heuristic points,
 * deterministic for a seed, each generation's maps scored as one batch by the {@link MapEvaluator}.
 */
public final class Explorer {
    /**
     * What the search minimises besides energy, on the search data. {@code METRIC}: 1 − the task's
     * metric. {@code AGREEMENT}: 1 − top-1 agreement with the exact model (classifiers; the metric for
     * anomaly detection, which has no top-1), so every changed prediction counts as a loss, also one
     * that happens to turn a wrong answer right: on a small search set such lucky changes are what a
     * long metric-driven search collects, and they do not carry over to held-out data.
     */
    public enum Objective {
        METRIC, AGREEMENT;

        double value(AccuracyOracle.Score s) {
            return this == AGREEMENT && !Double.isNaN(s.agreement()) ? 1 - s.agreement() : 1 - s.metric();
        }
    }

    /** Search effort and objective. */
    public record Settings(int population, int generations, long seed, Objective objective) {
        public Settings(int population, int generations, long seed) {
            this(population, generations, seed, Objective.METRIC);
        }
    }

    /**
     * One evaluated map. {@code score} and {@code lossPts} (percentage points of the task's metric
     * against the exact model; AUC points ×100 for anomaly detection) are on the search data;
     * {@code validation} is its figure on the held-out data, null until {@link Exploration#validate}.
     */
    public record Point(String approach, int[] genome, ApproxMap map, double pj, double savingPct,
                        AccuracyOracle.Score score, double lossPts, Validation validation) {
        /** Energy (pJ per inference) and 1 − metric, both minimised: what the hypervolume measures. */
        double[] objectives() {
            return new double[] {pj, 1 - score.metric()};
        }

        public Point withValidation(Validation v) {
            return new Point(approach, genome, map, pj, savingPct, score, lossPts, v);
        }

        /** The loss the summary table ranks by: on validation data when validated, else on search data. */
        public double reportedLossPts() {
            return validation != null ? validation.lossPts() : lossPts;
        }
    }

    /**
     * An approach's front from the all-exact end (highest energy) down, with what it cost to find and
     * its {@link #HYPERVOLUME hypervolume}.
     */
    public record Front(MapSpace space, List<Point> points, int evaluations, double seconds, double hypervolume) {
        /** The largest saving among points losing at most {@code maxLossPts} on search data (how a map is chosen), or null. */
        public Point best(double maxLossPts) {
            return best(maxLossPts, Point::lossPts);
        }

        /** The largest saving among points losing at most {@code maxLossPts} by {@link Point#reportedLossPts}, or null. */
        public Point bestReported(double maxLossPts) {
            return best(maxLossPts, Point::reportedLossPts);
        }

        private Point best(double maxLossPts, java.util.function.ToDoubleFunction<Point> loss) {
            return points.stream().filter(p -> loss.applyAsDouble(p) <= maxLossPts + 1e-9)
                    .max(Comparator.comparingDouble(Point::savingPct)).orElse(null);
        }

        public Front withPoints(List<Point> validated) {
            return new Front(space, List.copyOf(validated), evaluations, seconds, hypervolume);
        }
    }

    /** How {@link Front#hypervolume()} is measured, for reports. */
    public static final String HYPERVOLUME = "hypervolume of the front with energy normalised by the all-exact map's "
            + "(0 = free, 1 = exact) and 1 − the task's metric on the search data (top-1 errors as a share, or 1 − AUC), "
            + "reference point (1, 1): the area under the front's metric-vs-saving staircase, 1 at most";

    private final AccuracyOracle oracle;
    private final MapEvaluator evaluator;
    private final EnergyTable energy;
    private final Settings settings;
    private final double exactPj;
    /** Scores by map JSON: the front's points and maps shared by approaches are scored once. */
    private final Map<String, AccuracyOracle.Score> scored = new HashMap<>();

    /**
     * @param oracle    the data set and the exact model's score (losses are against it)
     * @param evaluator scores the candidate maps (in process, or distributed)
     */
    public Explorer(AccuracyOracle oracle, MapEvaluator evaluator, EnergyTable energy, Settings settings) {
        this.oracle = oracle;
        this.evaluator = evaluator;
        this.energy = energy;
        this.settings = settings;
        this.exactPj = MapEnergy.of(oracle.network(), ApproxMap.exact(), energy).pj();
    }

    public Point point(MapSpace space, int[] genome) {
        return points(space, List.of(genome)).get(0);
    }

    /** The points of several genomes; the maps not scored before go to the evaluator as one batch. */
    public List<Point> points(MapSpace space, List<int[]> genomes) {
        List<ApproxMap> maps = genomes.stream().map(space::map).toList();
        List<String> keys = maps.stream().map(ApproxMap::toJson).toList();
        Map<String, ApproxMap> fresh = new LinkedHashMap<>();
        for (int i = 0; i < maps.size(); i++) {
            if (!scored.containsKey(keys.get(i))) {
                fresh.putIfAbsent(keys.get(i), maps.get(i));
            }
        }
        List<AccuracyOracle.Score> scores = fresh.isEmpty() ? List.of() : evaluator.scores(List.copyOf(fresh.values()));
        List<String> freshKeys = List.copyOf(fresh.keySet());
        for (int i = 0; i < freshKeys.size(); i++) {
            scored.put(freshKeys.get(i), scores.get(i));
        }
        List<Point> out = new ArrayList<>();
        for (int i = 0; i < genomes.size(); i++) {
            ApproxMap map = maps.get(i);
            MapEnergy.Breakdown e = MapEnergy.of(oracle.network(), map, energy);
            AccuracyOracle.Score s = scored.get(keys.get(i));
            out.add(new Point(space.name(), genomes.get(i).clone(), map, e.pj(), e.savingPct(), s,
                    s.lossPts(oracle.exact()), null));
        }
        return out;
    }

    /**
     * @param heuristicSeeds genomes from the heuristic, tried first
     * @param onGeneration   progress: the generation just finished
     */
    public Front explore(MapSpace space, List<int[]> heuristicSeeds, IntConsumer onGeneration) {
        long t0 = System.nanoTime();
        Nsga2Search.Problem problem = new Nsga2Search.Problem() {
            @Override
            public int genes() {
                return space.genes();
            }

            @Override
            public int alleles(int gene) {
                return space.alleles(gene);
            }

            @Override
            public int objectives() {
                return 2;
            }

            @Override
            public List<double[]> evaluate(List<int[]> genomes) {
                return points(space, genomes).stream()
                        .map(p -> new double[] {p.pj(), settings.objective().value(p.score())}).toList();
            }
        };
        List<int[]> seeds = new ArrayList<>(spreadSeeds(heuristicSeeds, settings.population() * 3 / 4));
        seeds.addAll(spreadSeeds(space.seeds(), settings.population() - seeds.size()));
        Nsga2Search.Result found = Nsga2Search.run(problem, new Nsga2Search.Settings(settings.population(),
                settings.generations(), 0.9, 1.0 / Math.max(1, space.genes()), settings.seed()), seeds, onGeneration);
        List<Point> points = new ArrayList<>(points(space, found.front().stream().map(Nsga2Search.Individual::genome)
                .toList()));
        points.sort(Comparator.comparingDouble(Point::pj).reversed());
        return new Front(space, List.copyOf(points), found.evaluations(), (System.nanoTime() - t0) / 1e9,
                hypervolume(points));
    }

    /** See {@link #HYPERVOLUME}. */
    double hypervolume(List<Point> points) {
        return ParetoFront.hypervolume(points.stream().map(Point::objectives).toList(), new double[] {0, 0},
                new double[] {exactPj, 1});
    }

    /** At most {@code n} seeds, the first (all-exact) always, the rest evenly spread over the list. */
    static List<int[]> spreadSeeds(List<int[]> seeds, int n) {
        if (n <= 0) {
            return List.of();
        }
        if (seeds.size() <= n) {
            return seeds;
        }
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(seeds.get((int) ((long) i * (seeds.size() - 1) / Math.max(1, n - 1))));
        }
        return out;
    }
}
