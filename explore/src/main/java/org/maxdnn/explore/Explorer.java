package org.maxdnn.explore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntConsumer;
import org.maxdnn.energy.EnergyTable;
import org.maxdnn.energy.MapEnergy;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.task.Classification;

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

    /** Search effort, objective and sequential evaluation ({@link StoppingRule}; off: every map on every input). */
    public record Settings(int population, int generations, long seed, Objective objective,
                           StoppingRule.Settings sequential) {
        public Settings(int population, int generations, long seed) {
            this(population, generations, seed, Objective.METRIC);
        }

        public Settings(int population, int generations, long seed, Objective objective) {
            this(population, generations, seed, objective, StoppingRule.Settings.OFF);
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
     * An approach's front from the all-exact end (highest energy) down, with what it cost to find
     * ({@code evaluations} distinct maps, {@code stopped} of them stopped early by the
     * {@link StoppingRule}, {@code inputsRun} inferences of the search inputs over them all) and its
     * {@link #HYPERVOLUME hypervolume}.
     */
    public record Front(MapSpace space, List<Point> points, int evaluations, int stopped, long inputsRun, double seconds,
                        double hypervolume) {
        /** Without a count of the inferences run. */
        public Front(MapSpace space, List<Point> points, int evaluations, int stopped, double seconds, double hypervolume) {
            this(space, points, evaluations, stopped, 0, seconds, hypervolume);
        }

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
            return new Front(space, List.copyOf(validated), evaluations, stopped, inputsRun, seconds, hypervolume);
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
    private final double[] exactClasses;
    /**
     * Complete scores by {@link ApproxMap#digest} (not the JSON: a kernel map's JSON grows with the
     * network, 70 MB per MobileNetV2 candidate): the front's points and maps shared by approaches are
     * scored once.
     */
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
        this.exactClasses = oracle.exactPerInput();
    }

    public Point point(MapSpace space, int[] genome) {
        return points(space, List.of(genome)).get(0);
    }

    /** The points of several genomes, each scored in full; the maps not scored before go to the evaluator as one batch. */
    public List<Point> points(MapSpace space, List<int[]> genomes) {
        return points(space, genomes, null);
    }

    /**
     * The points of several genomes. Within a {@code search} (null: none, every map in full) a new map
     * is scored under a {@link StoppingRule} against the search's best complete map with no more
     * energy, and a stopped map's partial score stays in that search only.
     */
    private List<Point> points(MapSpace space, List<int[]> genomes, Search search) {
        List<ApproxMap> maps = genomes.stream().map(space::map).toList();
        List<String> keys = maps.stream().map(ApproxMap::digest).toList();
        List<MapEnergy.Breakdown> energies = maps.stream().map(m -> MapEnergy.of(oracle.network(), m, energy)).toList();
        Map<String, Integer> fresh = new LinkedHashMap<>();
        for (int i = 0; i < maps.size(); i++) {
            if (!scored.containsKey(keys.get(i)) && (search == null || !search.partial.containsKey(keys.get(i)))) {
                fresh.putIfAbsent(keys.get(i), i);
            }
        }
        List<ApproxMap> todo = fresh.values().stream().map(maps::get).toList();
        List<StoppingRule> rules = fresh.values().stream()
                .map(i -> search == null ? null : search.rule(energies.get(i).pj())).toList();
        List<AccuracyOracle.Score> scores = todo.isEmpty() ? List.of() : evaluator.scores(todo, rules);
        List<String> freshKeys = List.copyOf(fresh.keySet());
        for (int i = 0; i < freshKeys.size(); i++) {
            AccuracyOracle.Score s = scores.get(i);
            (s.complete() ? scored : search.partial).put(freshKeys.get(i), s);
            if (search != null) {
                search.inputsRun += inputsRun(s);
            }
        }
        List<Point> out = new ArrayList<>();
        for (int i = 0; i < genomes.size(); i++) {
            ApproxMap map = maps.get(i);
            MapEnergy.Breakdown e = energies.get(i);
            AccuracyOracle.Score s = scored.containsKey(keys.get(i)) ? scored.get(keys.get(i)) : search.partial.get(keys.get(i));
            out.add(new Point(space.name(), genomes.get(i).clone(), map, e.pj(), e.savingPct(), s,
                    s.lossPts(oracle.exact()), null));
            if (search != null && s.complete()) {
                search.reference(e.pj(), settings.objective().value(s), s.perInput());
            }
        }
        return out;
    }

    /**
     * One approach's search under sequential evaluation: its complete maps (the references a new map
     * is stopped against) and its stopped maps' partial scores.
     */
    private final class Search {
        private final TreeMap<Double, Reference> bestByEnergy = new TreeMap<>();
        private final Map<String, AccuracyOracle.Score> partial = new HashMap<>();
        /** Inferences of search inputs its new maps ran. */
        private long inputsRun;

        private record Reference(double objective, double[] classes) {
        }

        /** A complete map's energy, objective and classes; the best objective per energy is kept. */
        void reference(double pj, double objective, double[] classes) {
            Reference r = bestByEnergy.get(pj);
            if (classes != null && (r == null || objective < r.objective())) {
                bestByEnergy.put(pj, new Reference(objective, classes));
            }
        }

        /** The rule of a new map of {@code pj}, or null when the search is not sequential. */
        StoppingRule rule(double pj) {
            StoppingRule.Settings seq = settings.sequential();
            if (!seq.on() || !(oracle.task() instanceof Classification c)) {
                return null;
            }
            Reference best = null;
            for (Reference r : bestByEnergy.headMap(pj, true).values()) {
                best = best == null || r.objective() < best.objective() ? r : best;
            }
            return new StoppingRule(seq, settings.objective(), c.labels(), exactClasses,
                    best == null ? null : best.classes());
        }
    }

    /**
     * @param heuristicSeeds genomes from the heuristic, tried first
     * @param onGeneration   progress: the generation just finished
     */
    public Front explore(MapSpace space, List<int[]> heuristicSeeds, IntConsumer onGeneration) {
        long t0 = System.nanoTime();
        Search search = new Search();
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
                return points(space, genomes, search).stream()
                        .map(p -> new double[] {p.pj(), settings.objective().value(p.score())}).toList();
            }
        };
        List<int[]> seeds = new ArrayList<>(spreadSeeds(heuristicSeeds, settings.population() * 3 / 4));
        seeds.addAll(spreadSeeds(space.seeds(), settings.population() - seeds.size()));
        Nsga2Search.Result found = Nsga2Search.run(problem, new Nsga2Search.Settings(settings.population(),
                settings.generations(), 0.9, 1.0 / Math.max(1, space.genes()), settings.seed()), seeds, onGeneration);
        // the front of the complete maps: a stopped map's partial figures never make a front point
        List<Nsga2Search.Individual> complete = found.all().stream()
                .filter(i -> !search.partial.containsKey(space.map(i.genome()).digest())).toList();
        List<Point> points = new ArrayList<>(points(space, ParetoFront.of(complete, Nsga2Search.Individual::objectives)
                .stream().map(Nsga2Search.Individual::genome).toList()));
        points.sort(Comparator.comparingDouble(Point::pj).reversed());
        return new Front(space, List.copyOf(points), found.evaluations(), found.evaluations() - complete.size(), search.inputsRun,
                (System.nanoTime() - t0) / 1e9, hypervolume(points));
    }

    /**
     * The inputs a score's map was run on: those before its stop, every input when complete, none for
     * the all-exact map (the oracle's own exact score, nothing run).
     */
    private long inputsRun(AccuracyOracle.Score s) {
        if (s == oracle.exact()) {
            return 0;
        }
        return s.complete() ? (s.perInput() != null ? s.perInput().length : s.samples()) : s.stoppedAfter();
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
