package org.maxdnn.explore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntConsumer;
import org.maxdnn.energy.EnergyTable;
import org.maxdnn.energy.MapEnergy;
import org.maxdnn.map.ApproxMap;

/**
 * Searches one {@link MapSpace} with NSGA-II for the Pareto front of (network multiplier energy,
 * errors on the image set): seeded with the space's heuristic points, deterministic for a seed,
 * evaluations spread over the threads.
 */
public final class Explorer {
    /** Search effort. */
    public record Settings(int population, int generations, long seed, int threads) {
    }

    /** One evaluated map. Loss is in percentage points of accuracy against the exact model. */
    public record Point(String approach, int[] genome, ApproxMap map, double pj, double savingPct,
                        AccuracyOracle.Score score, double lossPts) {
    }

    /** An approach's front from the all-exact end (highest energy) down, with what it cost to find. */
    public record Front(MapSpace space, List<Point> points, int evaluations, double seconds) {
        /** The largest saving among points losing at most {@code maxLossPts}, or 0 (the exact map). */
        public Point best(double maxLossPts) {
            return points.stream().filter(p -> p.lossPts() <= maxLossPts + 1e-9)
                    .max(Comparator.comparingDouble(Point::savingPct)).orElse(null);
        }
    }

    private final AccuracyOracle oracle;
    private final EnergyTable energy;
    private final Settings settings;

    public Explorer(AccuracyOracle oracle, EnergyTable energy, Settings settings) {
        this.oracle = oracle;
        this.energy = energy;
        this.settings = settings;
    }

    public Point point(MapSpace space, int[] genome) {
        ApproxMap map = space.map(genome);
        MapEnergy.Breakdown e = MapEnergy.of(oracle.network(), map, energy);
        AccuracyOracle.Score s = oracle.score(map);
        double loss = 100.0 * (oracle.exact().correct() - s.correct()) / s.images();
        return new Point(space.name(), genome.clone(), map, e.pj(), e.savingPct(), s, loss);
    }

    /**
     * @param heuristicSeeds genomes from the heuristic, tried first
     * @param onGeneration   progress: the generation just finished
     */
    public Front explore(MapSpace space, List<int[]> heuristicSeeds, IntConsumer onGeneration) {
        long t0 = System.nanoTime();
        Nsga2.Problem problem = new Nsga2.Problem() {
            @Override
            public int genes() {
                return space.genes();
            }

            @Override
            public int alleles(int gene) {
                return space.alleles(gene);
            }

            @Override
            public double[] evaluate(int[] genome) {
                Point p = point(space, genome);
                return new double[] {p.pj(), -p.score().correct()};
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, settings.threads()), r -> {
            Thread t = new Thread(r, "maxdnn-explore");
            t.setDaemon(true);
            return t;
        });
        try {
            Nsga2 nsga = new Nsga2(problem, new Nsga2.Settings(settings.population(), settings.generations(),
                    0.9, 1.0 / Math.max(1, space.genes()), settings.seed()), pool);
            List<int[]> seeds = new ArrayList<>(spreadSeeds(heuristicSeeds, settings.population() * 3 / 4));
            seeds.addAll(spreadSeeds(space.seeds(), settings.population() - seeds.size()));
            List<Nsga2.Individual> front = nsga.run(seeds, onGeneration);
            List<Point> points = new ArrayList<>();
            for (Nsga2.Individual i : front) {
                points.add(point(space, i.genome()));
            }
            points.sort(Comparator.comparingDouble(Point::pj).reversed());
            return new Front(space, List.copyOf(points), nsga.evaluations(), (System.nanoTime() - t0) / 1e9);
        } finally {
            pool.shutdownNow();
        }
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
