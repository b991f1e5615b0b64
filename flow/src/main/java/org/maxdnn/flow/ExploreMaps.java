package org.maxdnn.flow;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.maxdnn.energy.EnergyTable;
import org.maxdnn.explore.AccuracyOracle;
import org.maxdnn.explore.ConfigCatalog;
import org.maxdnn.explore.Exploration;
import org.maxdnn.explore.ExploreReport;
import org.maxdnn.explore.Explorer;
import org.maxdnn.explore.MapEvaluator;

/**
 * Stage 2, the exploration: the MAx-DNN approaches of the chosen levels and the ALWANN baseline,
 * each searched with NSGA-II for its (energy, accuracy) Pareto front. Writes the fronts, their
 * maps, plots, the summary and {@code report.html} into the output folder.
 */
public final class ExploreMaps {
    /** The approaches MAx-DNN has: {@code layer}, {@code filter} (groups and ranked), {@code kernel}. */
    public static final List<String> LEVELS = List.of("layer", "filter", "kernel");

    /**
     * How to search.
     *
     * @param levels      some of {@link #LEVELS}
     * @param alwann      whether to search the ALWANN baseline too
     * @param maxLossPts  the accuracy-loss bound of the chosen point, percentage points
     * @param quick       a small search: two filter groups and two images for the sensitivity probe
     * @param compensate  also search every approach with bias compensation ({@code APPROACH+comp})
     */
    public record Settings(List<String> levels, boolean alwann, double maxLossPts, int population, int generations,
                           long seed, boolean quick, boolean compensate) {
        public Settings {
            levels = List.copyOf(levels);
            if (!LEVELS.containsAll(levels)) {
                throw new IllegalArgumentException("levels are some of " + LEVELS + ": " + levels);
            }
        }

        /** Without compensation. */
        public Settings(List<String> levels, boolean alwann, double maxLossPts, int population, int generations,
                        long seed, boolean quick) {
            this(levels, alwann, maxLossPts, population, generations, seed, quick, false);
        }
    }

    /**
     * @param alwannTables EvoApprox stems for the baseline ({@link EvoApproxTables}); ignored
     *                     unless {@link Settings#alwann()}
     * @param evaluators   what scores the candidates ({@link MapEvaluator.Factory#IN_PROCESS} or a Spark cluster)
     */
    public record Request(Workload work, EnergyTable energy, List<String> alwannTables, Settings settings, int threads,
                          MapEvaluator.Factory evaluators, Path out) {
    }

    /** What the exploration found; {@code chosen} is null when no approximate map kept within the bound. */
    public record Explored(Exploration.Result result, ExploreReport.Summary summary, Explorer.Point chosen,
                           double seconds, Path report) {
    }

    private ExploreMaps() {
    }

    public static Explored run(Request q, FlowListener listener) {
        Settings s = q.settings();
        Workload w = q.work();
        List<String> tables = s.alwann() ? q.alwannTables() : List.of();
        long t0 = System.nanoTime();
        AccuracyOracle oracle = new AccuracyOracle(w.net(), w.images(), w.registry(), q.threads());
        listener.note(String.format(Locale.ROOT, "exploring %s%s on %d images (exact %d/%d), NSGA-II population %d x %d "
                        + "generations, seed %d", String.join(",", s.levels()),
                (tables.isEmpty() ? "" : " + ALWANN (" + tables.size() + " tables)")
                        + (s.compensate() ? ", each also bias-compensated" : ""), w.images().size(),
                oracle.exact().correct(), w.images().size(), s.population(), s.generations(), s.seed()));
        Exploration.Plan plan = new Exploration.Plan(s.levels(), tables, s.quick() ? 2 : 4,
                new Explorer.Settings(s.population(), s.generations(), s.seed()), s.quick() ? 2 : 4, s.compensate());
        Exploration.Result result;
        try (MapEvaluator evaluator = q.evaluators().open(oracle, q.threads())) {
            result = Exploration.run(oracle, evaluator, q.energy(), plan,
                    (approach, gen) -> listener.progress("explore " + approach, gen, s.generations()));
        }
        String settings = String.format(Locale.ROOT, "NSGA-II (MOEA Framework: uniform crossover, uniform mutation), "
                + "population %d, %d generations, seed %d, objectives (network multiplier energy, labelled errors); %d "
                + "configurations searched per gene for ROUP (both families, duplicates removed); ALWANN: one "
                + "ALWANN-tuned EvoApprox table per layer.", s.population(), s.generations(), s.seed(),
                ConfigCatalog.roup(w.registry()).size());
        ExploreReport.Summary summary = ExploreReport.write(q.out(), w.net(), result, q.energy(), s.maxLossPts(), settings);
        Explorer.Point chosen = result.chosen(s.maxLossPts());
        Explored x = new Explored(result, summary, chosen, (System.nanoTime() - t0) / 1e9, q.out().resolve("report.html"));
        summaryLines(x, s.maxLossPts(), q.out()).forEach(listener::note);
        return x;
    }

    /** The console summary: best savings within 1, 2 and 4 points and hypervolume per approach, the chosen point. */
    static List<String> summaryLines(Explored x, double maxLossPts, Path out) {
        ExploreReport.Summary summary = x.summary();
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%-20s %10s %10s %10s %12s", "approach", "<=1 pt", "<=2 pts", "<=4 pts",
                "hypervolume"));
        summary.bestSaving().forEach((a, v) -> lines.add(String.format(Locale.ROOT, "%-20s %9.1f%% %9.1f%% %9.1f%% %12.4f",
                a, v[0], v[1], v[2], summary.hypervolume().get(a))));
        double[] r = summary.ratio();
        lines.add(String.format(Locale.ROOT, "%-20s %10s %10s %10s", "MAx-DNN/ALWANN", ratio(r[0]), ratio(r[1]), ratio(r[2])));
        double[] own = summary.alwannVsUnsignedExact();
        if (own != null) {
            lines.add(String.format(Locale.ROOT, "%-20s %9.1f%% %9.1f%% %9.1f%%  (ALWANN against its own exact unsigned "
                    + "multiplier)", "alwann/1JFF", own[0], own[1], own[2]));
        }
        lines.add("hypervolume: " + Explorer.HYPERVOLUME);
        Explorer.Point chosen = x.chosen();
        if (chosen != null) {
            lines.add(String.format(Locale.ROOT, "chosen (largest saving within %.1f pts): %s, saving %.1f%%, accuracy "
                            + "%.2f%% (loss %.2f pts) -> %s", maxLossPts, chosen.approach(), chosen.savingPct(),
                    100 * chosen.score().accuracy(), chosen.lossPts(), out.resolve("chosen-map.json")));
        }
        lines.add(String.format(Locale.ROOT, "explored in %.0f s; report %s", x.seconds(), x.report()));
        return lines;
    }

    private static String ratio(double r) {
        return Double.isNaN(r) ? "n/a" : String.format(Locale.ROOT, "%.2fx", r);
    }
}
