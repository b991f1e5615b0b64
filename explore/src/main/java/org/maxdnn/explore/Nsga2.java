package org.maxdnn.explore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * NSGA-II (Deb et al., 2002) over integer genomes: fast non-dominated sorting, crowding distance,
 * binary tournament, uniform crossover and per-gene resampling mutation. Objectives are minimised.
 *
 * <p>Deterministic for a seed: all random draws happen on the calling thread, evaluations run in
 * parallel on the given pool and are stored by genome, and a genome is never evaluated twice.
 */
public final class Nsga2 {
    /** What is searched: a genome of {@link #genes()} genes, gene i taking values 0..alleles(i)−1. */
    public interface Problem {
        int genes();

        int alleles(int gene);

        /** The objectives of a genome, all minimised. Must be a pure function of the genome. */
        double[] evaluate(int[] genome);
    }

    /** Search settings. */
    public record Settings(int population, int generations, double crossoverRate, double mutationRate, long seed) {
        public Settings {
            if (population < 4 || population % 2 != 0) {
                throw new IllegalArgumentException("population must be even and at least 4");
            }
        }
    }

    /** A genome with its objectives. */
    public record Individual(int[] genome, double[] objectives) {
    }

    private final Problem problem;
    private final Settings settings;
    private final ExecutorService pool;
    private final Map<String, double[]> evaluated = new HashMap<>();

    public Nsga2(Problem problem, Settings settings, ExecutorService pool) {
        this.problem = problem;
        this.settings = settings;
        this.pool = pool;
    }

    /**
     * Runs the search from {@code seeds} (known good genomes, e.g. the heuristics' points) plus
     * random genomes, and returns the first non-dominated front of everything evaluated.
     *
     * @param onGeneration called with the generation number after each one (progress)
     */
    public List<Individual> run(List<int[]> seeds, IntConsumer onGeneration) {
        Random rnd = new Random(settings.seed());
        List<int[]> genomes = new ArrayList<>();
        for (int[] s : seeds) {
            if (genomes.size() < settings.population()) {
                genomes.add(s.clone());
            }
        }
        while (genomes.size() < settings.population()) {
            genomes.add(randomGenome(rnd));
        }
        List<Individual> population = evaluateAll(genomes);
        for (int gen = 1; gen <= settings.generations(); gen++) {
            Ranking ranking = rank(population);
            List<int[]> children = new ArrayList<>();
            while (children.size() < settings.population()) {
                int[] a = tournament(population, ranking, rnd).genome();
                int[] b = tournament(population, ranking, rnd).genome();
                int[][] kids = crossover(a, b, rnd);
                children.add(mutate(kids[0], rnd));
                children.add(mutate(kids[1], rnd));
            }
            List<Individual> merged = new ArrayList<>(population);
            merged.addAll(evaluateAll(children));
            population = select(distinct(merged), settings.population());
            onGeneration.accept(gen);
        }
        List<Individual> all = new ArrayList<>();
        evaluated.forEach((k, v) -> all.add(new Individual(parse(k), v)));
        all.sort(Comparator.comparing(i -> Arrays.toString(i.genome())));
        return ParetoFront.of(all, Individual::objectives);
    }

    /** How many distinct genomes were evaluated so far. */
    public int evaluations() {
        return evaluated.size();
    }

    private int[] randomGenome(Random rnd) {
        int[] g = new int[problem.genes()];
        for (int i = 0; i < g.length; i++) {
            g[i] = rnd.nextInt(problem.alleles(i));
        }
        return g;
    }

    private int[][] crossover(int[] a, int[] b, Random rnd) {
        int[] x = a.clone();
        int[] y = b.clone();
        if (rnd.nextDouble() < settings.crossoverRate()) {
            for (int i = 0; i < x.length; i++) {
                if (rnd.nextBoolean()) {
                    x[i] = b[i];
                    y[i] = a[i];
                }
            }
        }
        return new int[][] {x, y};
    }

    private int[] mutate(int[] g, Random rnd) {
        for (int i = 0; i < g.length; i++) {
            if (rnd.nextDouble() < settings.mutationRate()) {
                g[i] = rnd.nextInt(problem.alleles(i));
            }
        }
        return g;
    }

    private List<Individual> evaluateAll(List<int[]> genomes) {
        Map<String, Future<double[]>> pending = new LinkedHashMap<>();
        for (int[] g : genomes) {
            String key = Arrays.toString(g);
            if (!evaluated.containsKey(key) && !pending.containsKey(key)) {
                int[] copy = g.clone();
                pending.put(key, pool.submit(() -> problem.evaluate(copy)));
            }
        }
        try {
            for (Map.Entry<String, Future<double[]>> e : pending.entrySet()) {
                evaluated.put(e.getKey(), e.getValue().get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("search interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        }
        List<Individual> out = new ArrayList<>();
        for (int[] g : genomes) {
            out.add(new Individual(g, evaluated.get(Arrays.toString(g))));
        }
        return out;
    }

    private static List<Individual> distinct(List<Individual> list) {
        Map<String, Individual> byGenome = new LinkedHashMap<>();
        for (Individual i : list) {
            byGenome.putIfAbsent(Arrays.toString(i.genome()), i);
        }
        return new ArrayList<>(byGenome.values());
    }

    private static int[] parse(String key) {
        String body = key.substring(1, key.length() - 1);
        return body.isEmpty() ? new int[0] : Arrays.stream(body.split(", ")).mapToInt(Integer::parseInt).toArray();
    }

    /** Front index and crowding distance of each individual, by position in the list. */
    private record Ranking(int[] front, double[] crowding) {
    }

    private static Ranking rank(List<Individual> pop) {
        List<List<Integer>> fronts = sortFronts(pop);
        int[] front = new int[pop.size()];
        double[] crowding = new double[pop.size()];
        for (int f = 0; f < fronts.size(); f++) {
            for (int i : fronts.get(f)) {
                front[i] = f;
            }
            crowd(pop, fronts.get(f), crowding);
        }
        return new Ranking(front, crowding);
    }

    private static List<List<Integer>> sortFronts(List<Individual> pop) {
        int n = pop.size();
        List<List<Integer>> dominated = new ArrayList<>();
        int[] dominatedBy = new int[n];
        List<Integer> current = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            dominated.add(new ArrayList<>());
            for (int j = 0; j < n; j++) {
                if (ParetoFront.dominates(pop.get(i).objectives(), pop.get(j).objectives())) {
                    dominated.get(i).add(j);
                } else if (ParetoFront.dominates(pop.get(j).objectives(), pop.get(i).objectives())) {
                    dominatedBy[i]++;
                }
            }
            if (dominatedBy[i] == 0) {
                current.add(i);
            }
        }
        List<List<Integer>> fronts = new ArrayList<>();
        while (!current.isEmpty()) {
            fronts.add(current);
            List<Integer> next = new ArrayList<>();
            for (int i : current) {
                for (int j : dominated.get(i)) {
                    if (--dominatedBy[j] == 0) {
                        next.add(j);
                    }
                }
            }
            current = next;
        }
        return fronts;
    }

    private static void crowd(List<Individual> pop, List<Integer> front, double[] crowding) {
        int objectives = pop.get(front.get(0)).objectives().length;
        for (int m = 0; m < objectives; m++) {
            final int obj = m;
            List<Integer> sorted = new ArrayList<>(front);
            sorted.sort(Comparator.comparingDouble(i -> pop.get(i).objectives()[obj]));
            double lo = pop.get(sorted.get(0)).objectives()[m];
            double hi = pop.get(sorted.get(sorted.size() - 1)).objectives()[m];
            crowding[sorted.get(0)] = Double.POSITIVE_INFINITY;
            crowding[sorted.get(sorted.size() - 1)] = Double.POSITIVE_INFINITY;
            if (hi > lo) {
                for (int k = 1; k < sorted.size() - 1; k++) {
                    crowding[sorted.get(k)] += (pop.get(sorted.get(k + 1)).objectives()[m]
                            - pop.get(sorted.get(k - 1)).objectives()[m]) / (hi - lo);
                }
            }
        }
    }

    private static Individual tournament(List<Individual> pop, Ranking r, Random rnd) {
        int a = rnd.nextInt(pop.size());
        int b = rnd.nextInt(pop.size());
        if (r.front()[a] != r.front()[b]) {
            return pop.get(r.front()[a] < r.front()[b] ? a : b);
        }
        return pop.get(r.crowding()[a] >= r.crowding()[b] ? a : b);
    }

    /** The best {@code size} by front, then by crowding distance within the last front taken. */
    private static List<Individual> select(List<Individual> pop, int size) {
        Ranking r = rank(pop);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < pop.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingInt(i -> r.front()[i])
                .thenComparing(i -> -r.crowding()[i])
                .thenComparing(i -> Arrays.toString(pop.get(i).genome())));
        List<Individual> out = new ArrayList<>();
        for (int i = 0; i < Math.min(size, order.size()); i++) {
            out.add(pop.get(order.get(i)));
        }
        return out;
    }
}
