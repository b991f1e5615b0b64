package org.maxdnn.explore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.FutureTask;
import java.util.function.IntConsumer;
import org.maxdnn.io.Futures;
import org.moeaframework.algorithm.NSGAII;
import org.moeaframework.core.PRNG;
import org.moeaframework.core.Solution;
import org.moeaframework.core.initialization.InjectedInitialization;
import org.moeaframework.core.operator.CompoundVariation;
import org.moeaframework.core.operator.UniformCrossover;
import org.moeaframework.core.operator.real.UM;
import org.moeaframework.core.variable.EncodingUtils;
import org.moeaframework.parallel.DistributedProblem;
import org.moeaframework.problem.AbstractProblem;

/**
 * NSGA-II from MOEA Framework over integer genomes, objectives minimised. A gene with n alleles is
 * MOEA's integer encoding ({@link EncodingUtils#newInt}: a real in [0, n) read by its floor); the
 * variation is uniform crossover (each gene from either parent) and uniform mutation (a gene drawn
 * anew), which suit genes that name configurations rather than order them.
 *
 * <p>Deterministic for a seed: MOEA draws every random number from its one {@link PRNG}, seeded
 * here and used only on the calling thread; evaluations run in parallel on the given pool but are
 * pure functions of the genome, memoised so a genome is evaluated once.
 */
public final class Nsga2Search {
    /** What is searched: a genome of {@link #genes()} genes, gene i taking values 0..alleles(i)−1. */
    public interface Problem {
        int genes();

        int alleles(int gene);

        /** How many objectives {@link #evaluate} returns. */
        int objectives();

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

    /**
     * The non-dominated individuals among everything evaluated (sorted by the first objective), and
     * how many distinct genomes were evaluated.
     */
    public record Result(List<Individual> front, int evaluations) {
    }

    private Nsga2Search() {
    }

    /**
     * Runs the search from {@code seeds} (known good genomes, e.g. the heuristics' points; at most a
     * population's worth is used) plus random genomes.
     *
     * @param onGeneration called with the generation number after each one (progress)
     */
    public static Result run(Problem problem, Settings settings, List<int[]> seeds, ExecutorService pool,
                             IntConsumer onGeneration) {
        Memo memo = new Memo(problem);
        try (DistributedProblem parallel = new DistributedProblem(new Adapter(problem, memo), pool, false)) {
            PRNG.setSeed(settings.seed());
            List<Solution> injected = new ArrayList<>();
            for (int[] s : seeds.subList(0, Math.min(seeds.size(), settings.population()))) {
                Solution solution = parallel.newSolution();
                EncodingUtils.setInt(solution, s);
                injected.add(solution);
            }
            NSGAII nsga = new NSGAII(parallel);
            nsga.setInitialPopulationSize(settings.population());
            nsga.setInitialization(new InjectedInitialization(parallel, injected));
            nsga.setVariation(new CompoundVariation(new UniformCrossover(settings.crossoverRate()),
                    new UM(settings.mutationRate())));
            nsga.step(); // the initial population
            for (int gen = 1; gen <= settings.generations(); gen++) {
                nsga.step();
                onGeneration.accept(gen);
            }
        }
        List<Individual> all = memo.individuals();
        all.sort(Comparator.comparing(i -> Arrays.toString(i.genome())));
        return new Result(ParetoFront.of(all, Individual::objectives), all.size());
    }

    /** Objectives by genome, each computed once even when two threads ask for it at the same time. */
    private static final class Memo {
        private final Problem problem;
        private final Map<String, Evaluation> byGenome = new ConcurrentHashMap<>();

        private record Evaluation(int[] genome, FutureTask<double[]> objectives) {
        }

        Memo(Problem problem) {
            this.problem = problem;
        }

        double[] objectives(int[] genome) {
            int[] copy = genome.clone();
            Evaluation mine = new Evaluation(copy, new FutureTask<>(() -> problem.evaluate(copy)));
            Evaluation known = byGenome.putIfAbsent(Arrays.toString(copy), mine);
            if (known == null) {
                mine.objectives().run();
                known = mine;
            }
            return Futures.await(known.objectives());
        }

        List<Individual> individuals() {
            List<Individual> out = new ArrayList<>();
            byGenome.values().forEach(e -> out.add(new Individual(e.genome(), Futures.await(e.objectives()))));
            return out;
        }
    }

    /** The problem as MOEA sees it: one integer variable per gene. */
    private static final class Adapter extends AbstractProblem {
        private final Problem problem;
        private final Memo memo;

        Adapter(Problem problem, Memo memo) {
            super(problem.genes(), problem.objectives());
            this.problem = problem;
            this.memo = memo;
        }

        @Override
        public void evaluate(Solution solution) {
            solution.setObjectives(memo.objectives(EncodingUtils.getInt(solution)));
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
