package org.maxdnn.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class Nsga2Test {
    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    /**
     * A small trade-off with a front that brute force can enumerate: 6 genes of 0..3, "cost" =
     * Σ weighted g and "loss" = Σ (3 − g)² weighted differently, so the front is not trivial.
     */
    static final class Toy implements Nsga2.Problem {
        static final int[] COST = {1, 2, 3, 1, 2, 5};
        static final int[] LOSS = {4, 1, 2, 3, 1, 1};

        @Override
        public int genes() {
            return 6;
        }

        @Override
        public int alleles(int gene) {
            return 4;
        }

        @Override
        public double[] evaluate(int[] g) {
            double cost = 0;
            double loss = 0;
            for (int i = 0; i < g.length; i++) {
                cost += COST[i] * g[i];
                loss += LOSS[i] * (3 - g[i]) * (3 - g[i]);
            }
            return new double[] {cost, loss};
        }
    }

    private static List<double[]> bruteForceFront(Nsga2.Problem p) {
        List<double[]> all = new ArrayList<>();
        int[] g = new int[p.genes()];
        for (int code = 0; code < 1 << (2 * p.genes()); code++) {
            for (int i = 0; i < g.length; i++) {
                g[i] = (code >> (2 * i)) & 3;
            }
            all.add(p.evaluate(g));
        }
        return ParetoFront.of(all, o -> o);
    }

    @Test
    void findsTheTrueFrontOfASmallProblem() {
        Toy toy = new Toy();
        List<double[]> truth = bruteForceFront(toy);
        Nsga2 search = new Nsga2(toy, new Nsga2.Settings(40, 40, 0.9, 1.0 / 6, 7), pool);
        List<Nsga2.Individual> found = search.run(List.of(), gen -> { });
        int onTrueFront = 0;
        for (Nsga2.Individual i : found) {
            boolean dominatedByTruth = truth.stream().anyMatch(t -> ParetoFront.dominates(t, i.objectives()));
            onTrueFront += dominatedByTruth ? 0 : 1;
        }
        assertTrue(onTrueFront >= 0.8 * found.size(), onTrueFront + " of " + found.size() + " on the true front");
        assertTrue(found.size() >= 0.6 * truth.size(), found.size() + " found of " + truth.size());
        assertTrue(search.evaluations() < 4096, "it searched, it did not enumerate");
    }

    @Test
    void sameSeedSameFront() {
        List<Nsga2.Individual> a = new Nsga2(new Toy(), new Nsga2.Settings(20, 10, 0.9, 0.2, 42), pool).run(List.of(), g -> { });
        List<Nsga2.Individual> b = new Nsga2(new Toy(), new Nsga2.Settings(20, 10, 0.9, 0.2, 42), pool).run(List.of(), g -> { });
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertTrue(Arrays.equals(a.get(i).genome(), b.get(i).genome()));
        }
    }

    @Test
    void seedsAreKept() {
        int[] cheapest = new int[6];
        List<Nsga2.Individual> front = new Nsga2(new Toy(), new Nsga2.Settings(8, 1, 0.9, 0.2, 1), pool)
                .run(List.of(cheapest), g -> { });
        assertTrue(front.stream().anyMatch(i -> Arrays.equals(i.genome(), cheapest)), "the zero-cost seed is on the front");
    }
}
