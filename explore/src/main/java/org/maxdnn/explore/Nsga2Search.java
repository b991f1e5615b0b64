package org.maxdnn.explore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.moeaframework.algorithm.NSGAII;
import org.moeaframework.core.PRNG;
import org.moeaframework.core.Solution;
import org.moeaframework.core.initialization.InjectedInitialization;
import org.moeaframework.core.operator.CompoundVariation;
import org.moeaframework.core.operator.UniformCrossover;
import org.moeaframework.core.operator.real.UM;
import org.moeaframework.core.variable.EncodingUtils;
import org.moeaframework.problem.AbstractProblem;

/**
 * NSGA-II from MOEA Framework over integer genomes, objectives minimised. A gene with n alleles is
 * MOEA's integer encoding ({@link EncodingUtils#newInt}: a real in [0, n) read by its floor); the
 * variation is uniform crossover (each gene from either parent) and uniform mutation (a gene drawn
 * anew), which suit genes that name configurations rather than order them.
 *
 * <p>Evaluation is by batches: each generation's new genomes go to {@link Problem#evaluate} at once,
 * so the problem can spread them over threads or machines ({@link MapEvaluator}).
 *
 * <p>Deterministic for a seed: MOEA draws every random number from its one {@link PRNG}, seeded
 * here and used only on the calling thread; evaluations are pure functions of the genome,
 * memoised so a genome is evaluated once.
 */
public final class Nsga2Search {
    /** What is searched: a genome of {@link #genes()} genes, gene i taking values 0..alleles(i)−1. */
    public interface Problem {
        int genes();

        int alleles(int gene);

        /** How many objectives {@link #evaluate} returns. */
        int objectives();

        /**
         * The objectives of each genome, all minimised, in the order given. Must be a pure function
         * of the genome.
         */
        List<double[]> evaluate(List<int[]> genomes);
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

    /**
     * The non-dominated individuals among everything evaluated (sorted by the first objective),
     * how many distinct genomes were evaluated, and all of them (in genome order).
     */
    public record Result(List<Individual> front, int evaluations, List<Individual> all) {
    }

    private Nsga2Search() {
    }

    /**
     * Runs the search from {@code seeds} (known good genomes, e.g. the heuristics' points; at most a
     * population's worth is used) plus random genomes.
     *
     * @param onGeneration called with the generation number after each one (progress)
     */
    public static Result run(Problem problem, Settings settings, List<int[]> seeds, IntConsumer onGeneration) {
        Memo memo = new Memo(problem);
        Adapter adapter = new Adapter(problem);
        PRNG.setSeed(settings.seed());
        List<Solution> injected = new ArrayList<>();
        for (int[] s : seeds.subList(0, Math.min(seeds.size(), settings.population()))) {
            Solution solution = adapter.newSolution();
            EncodingUtils.setInt(solution, s);
            injected.add(solution);
        }
        NSGAII nsga = new BatchNsga2(adapter, memo);
        nsga.setInitialPopulationSize(settings.population());
        nsga.setInitialization(new InjectedInitialization(adapter, injected));
        nsga.setVariation(new CompoundVariation(new UniformCrossover(settings.crossoverRate()),
                new UM(settings.mutationRate())));
        nsga.step(); // the initial population
        for (int gen = 1; gen <= settings.generations(); gen++) {
            nsga.step();
            onGeneration.accept(gen);
        }
        List<Individual> all = memo.individuals();
        all.sort(Comparator.comparing(i -> Arrays.toString(i.genome())));
        return new Result(ParetoFront.of(all, Individual::objectives), all.size(), List.copyOf(all));
    }

    /** NSGA-II that hands each generation's genomes to the problem as one batch. */
    private static final class BatchNsga2 extends NSGAII {
        private final Memo memo;

        BatchNsga2(AbstractProblem problem, Memo memo) {
            super(problem);
            this.memo = memo;
        }

        @Override
        public void evaluateAll(Iterable<Solution> solutions) {
            List<Solution> batch = new ArrayList<>();
            solutions.forEach(batch::add);
            List<double[]> objectives = memo.objectives(batch.stream().map(EncodingUtils::getInt).toList());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).setObjectives(objectives.get(i));
            }
            numberOfEvaluations += batch.size();
        }
    }

    /** Objectives by genome: each distinct genome is evaluated once, the new ones of a batch together. */
    private static final class Memo {
        private final Problem problem;
        private final Map<String, Individual> byGenome = new LinkedHashMap<>();

        Memo(Problem problem) {
            this.problem = problem;
        }

        List<double[]> objectives(List<int[]> genomes) {
            Map<String, int[]> fresh = new LinkedHashMap<>();
            for (int[] g : genomes) {
                String key = Arrays.toString(g);
                if (!byGenome.containsKey(key)) {
                    fresh.putIfAbsent(key, g.clone());
                }
            }
            List<int[]> todo = List.copyOf(fresh.values());
            List<double[]> found = todo.isEmpty() ? List.of() : problem.evaluate(todo);
            for (int i = 0; i < todo.size(); i++) {
                byGenome.put(Arrays.toString(todo.get(i)), new Individual(todo.get(i), found.get(i)));
            }
            return genomes.stream().map(g -> byGenome.get(Arrays.toString(g)).objectives()).toList();
        }

        List<Individual> individuals() {
            return new ArrayList<>(byGenome.values());
        }
    }

    /** The problem as MOEA sees it: one integer variable per gene. */
    private static final class Adapter extends AbstractProblem {
        private final Problem problem;

        Adapter(Problem problem) {
            super(problem.genes(), problem.objectives());
            this.problem = problem;
        }

        /** Never called: {@link BatchNsga2} evaluates whole batches. */
        @Override
        public void evaluate(Solution solution) {
            throw new UnsupportedOperationException("solutions are evaluated in batches");
        }

        @Override
        public Solution newSolution() {
            Solution s = new Solution(problem.genes(), problem.objectives());
            for (int g = 0; g < problem.genes(); g++) {
                s.setVariable(g, EncodingUtils.newInt(0, problem.alleles(g) - 1));
            }
            return s;
        }
    }
}
