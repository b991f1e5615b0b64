package org.maxdnn.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class Nsga2SearchTest {
    /**
     * A small trade-off with a front that brute force can enumerate: 6 genes of 0..3, "cost" =
     * Σ weighted g and "loss" = Σ (3 − g)² weighted differently, so the front is not trivial.
     */
    static final class Toy implements Nsga2Search.Problem {
        static final int[] COST = {1, 2, 3, 1, 2, 5};
        static final int[] LOSS = {4, 1, 2, 3, 1, 1};
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public int genes() {
            return 6;
        }

        @Override
        public int alleles(int gene) {
            return 4;
        }

        @Override
        public int objectives() {
            return 2;
        }

        @Override
        public List<double[]> evaluate(List<int[]> genomes) {
            return genomes.stream().map(this::evaluate).toList();
        }

        double[] evaluate(int[] g) {
            calls.incrementAndGet();
            double cost = 0;
            double loss = 0;
            for (int i = 0; i < g.length; i++) {
                assertTrue(g[i] >= 0 && g[i] < alleles(i), "allele in range");
                cost += COST[i] * g[i];
                loss += LOSS[i] * (3 - g[i]) * (3 - g[i]);
            }
            return new double[] {cost, loss};
        }
    }

    private static List<double[]> bruteForceFront(Toy p) {
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
        List<double[]> truth = bruteForceFront(new Toy());
        Nsga2Search.Result found = Nsga2Search.run(toy, new Nsga2Search.Settings(40, 40, 0.9, 1.0 / 6, 7), List.of(),
                gen -> { });
        int onTrueFront = 0;
        for (Nsga2Search.Individual i : found.front()) {
            boolean dominatedByTruth = truth.stream().anyMatch(t -> ParetoFront.dominates(t, i.objectives()));
            onTrueFront += dominatedByTruth ? 0 : 1;
        }
        assertTrue(onTrueFront >= 0.8 * found.front().size(), onTrueFront + " of " + found.front().size() + " on the true front");
        assertTrue(found.front().size() >= 0.6 * truth.size(), found.front().size() + " found of " + truth.size());
        assertTrue(found.evaluations() < 4096, "it searched, it did not enumerate");
        assertEquals(found.evaluations(), toy.calls.get(), "each distinct genome evaluated once");
    }

    @Test
    void sameSeedSameFrontDifferentSeedAnotherSearch() {
        Nsga2Search.Settings s = new Nsga2Search.Settings(20, 10, 0.9, 0.2, 42);
        Nsga2Search.Result a = Nsga2Search.run(new Toy(), s, List.of(), g -> { });
        Nsga2Search.Result b = Nsga2Search.run(new Toy(), s, List.of(), g -> { });
        assertEquals(genomes(a), genomes(b));
        assertEquals(a.evaluations(), b.evaluations());
        Nsga2Search.Result c = Nsga2Search.run(new Toy(), new Nsga2Search.Settings(20, 10, 0.9, 0.2, 43), List.of(),
                g -> { });
        assertTrue(!genomes(a).equals(genomes(c)) || a.evaluations() != c.evaluations(), "the seed drives the search");
    }

    @Test
    void seedsAreKeptAndGenerationsReported() {
        int[] cheapest = new int[6];
        List<Integer> generations = new ArrayList<>();
        Nsga2Search.Result r = Nsga2Search.run(new Toy(), new Nsga2Search.Settings(8, 3, 0.9, 0.2, 1), List.of(cheapest),
                generations::add);
        assertTrue(r.front().stream().anyMatch(i -> Arrays.equals(i.genome(), cheapest)), "the zero-cost seed is on the front");
        assertEquals(List.of(1, 2, 3), generations);
    }

    private static List<String> genomes(Nsga2Search.Result r) {
        return r.front().stream().map(i -> Arrays.toString(i.genome())).toList();
    }
}
