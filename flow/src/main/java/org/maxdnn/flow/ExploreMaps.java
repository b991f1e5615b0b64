package org.maxdnn.flow;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.maxdnn.data.DataSet;
import org.maxdnn.energy.EnergyTable;
import org.maxdnn.explore.AccuracyOracle;
import org.maxdnn.explore.ConfigCatalog;
import org.maxdnn.explore.DataSplit;
import org.maxdnn.explore.Exploration;
import org.maxdnn.explore.ExploreReport;
import org.maxdnn.explore.Explorer;
import org.maxdnn.explore.MapEvaluator;
import org.maxdnn.explore.Selection;
import org.maxdnn.explore.StoppingRule;
import org.maxdnn.explore.Variants;
import org.maxdnn.infer.Network;
import org.maxdnn.report.AlignedText;
import org.maxdnn.task.AnomalyDetection;
import org.maxdnn.task.Classification;
import org.maxdnn.task.Task;

/**
 * Stage 2, the exploration: the data set split into search and validation parts ({@link DataSplit}),
 * the MAx-DNN approaches of the chosen levels and the ALWANN baseline each searched with NSGA-II on
 * the search part for its (energy, metric) Pareto front, every front point then scored on the
 * validation part. Writes the fronts, their maps, plots, the summary and {@code report.html} into
 * the output folder.
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
     * @param quick       a small search ({@link Profile#QUICK}: fewer filter groups, sensitivity images and windows)
     * @param compensate  also search every approach with bias compensation ({@code APPROACH+comp})
     * @param sequential  score a classifier's candidates sequentially and stop the clearly dominated or
     *                    clearly out of the bound ({@link StoppingRule.Settings#forBound})
     * @param variants    label-preserving variants per search sample ({@link Variants}; anomaly detection:
     *                    any number searches every window); 0: the samples alone
     */
    public record Settings(List<String> levels, boolean alwann, double maxLossPts, int population, int generations,
                           long seed, boolean quick, boolean compensate, Explorer.Objective objective,
                           boolean sequential, int variants) {
        public Settings {
            levels = List.copyOf(levels);
            if (!LEVELS.containsAll(levels)) {
                throw new IllegalArgumentException("levels are some of " + LEVELS + ": " + levels);
            }
        }

        /** With sequential evaluation. */
        public Settings(List<String> levels, boolean alwann, double maxLossPts, int population, int generations,
                        long seed, boolean quick, boolean compensate, Explorer.Objective objective) {
            this(levels, alwann, maxLossPts, population, generations, seed, quick, compensate, objective, true, 0);
        }

        /** The stopping rule's settings these ask for. */
        public StoppingRule.Settings stopping() {
            return sequential ? StoppingRule.Settings.forBound(maxLossPts) : StoppingRule.Settings.OFF;
        }

        /** Without compensation, searching on the task's metric. */
        public Settings(List<String> levels, boolean alwann, double maxLossPts, int population, int generations,
                        long seed, boolean quick) {
            this(levels, alwann, maxLossPts, population, generations, seed, quick, false, Explorer.Objective.METRIC);
        }

        /** The same search, with or without compensation. */
        public Settings withCompensate(boolean on) {
            return new Settings(levels, alwann, maxLossPts, population, generations, seed, quick, on, objective,
                    sequential, variants);
        }
    }

    /**
     * @param alwannTables EvoApprox stems for the baseline ({@link EvoApproxTables}); ignored
     *                     unless {@link Settings#alwann()}
     * @param evaluators   what scores the candidates ({@link MapEvaluator.Factory#IN_PROCESS} or a Spark cluster)
     */
    public record Request(Workload work, EnergyTable energy, List<String> alwannTables, Settings settings, int threads,
                          MapEvaluator.Factory evaluators, Path out, Clean clean) {
        /** Without a clean set. */
        public Request(Workload work, EnergyTable energy, List<String> alwannTables, Settings settings, int threads,
                       MapEvaluator.Factory evaluators, Path out) {
            this(work, energy, alwannTables, settings, threads, evaluators, out, null);
        }
    }

    /**
     * A labelled set the picked maps are also scored on, whole ({@link CleanFigures}): the clean
     * images beside the JPEG copies the CIFAR-10 networks explore on; {@code set} says what it is.
     */
    public record Clean(Workload work, String set) {
    }

    /**
     * What the exploration found; {@code chosen}'s point is null when no approximate map kept within
     * the bound {@code maxLossPts}; {@code clean} the picked maps on the clean set, null without one;
     * {@code net} the network explored.
     */
    public record Explored(Exploration.Result result, ExploreReport.Summary summary, Selection chosen,
                           CleanFigures clean, double seconds, Path report, Network net, double maxLossPts) {
    }

    /**
     * What the search minimises, in words. Anomaly detection has no top-1 predictions to agree on,
     * so {@code --objective agreement} searches its metric there, and says so.
     */
    static String objective(Settings s, Task task) {
        if (s.objective() != Explorer.Objective.AGREEMENT) {
            return "1 − the task's metric";
        }
        return task instanceof Classification ? "1 − top-1 agreement with the exact model"
                : "1 − " + task.metricName() + " (--objective agreement needs top-1 predictions, and a "
                + task.metricName() + " task has none: the metric is searched instead)";
    }

    private ExploreMaps() {
    }

    /**
     * Which data and task the exploration scores maps with, in words: the sample set (its source,
     * count and input format: a model's own data, a folder, or {@code --random} inputs) and the
     * metric, with what it compares against (the data's labels or the exact model's outputs).
     */
    static String dataAndTask(DataSet d) {
        Task t = d.task();
        String against = t instanceof Classification c
                ? (c.agreement() ? " with the exact model's classes (no labels)" : " accuracy against the data's labels")
                : t instanceof AnomalyDetection ? " on the data's normal/anomalous labels"
                : " of every output against the exact model's (no labels)";
        return String.format(Locale.ROOT, "data: %d samples%s%s; task: %s%s", d.samples(),
                d.source() == null ? "" : " of " + d.source(), d.format() == null ? "" : " (" + d.format().description() + ")",
                t.metricName(), against);
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /**
     * The search part, with {@code variants} variants of each sample when asked ({@link Variants}: as
     * many as its input format has; anomaly detection: every window of its files), with each input's
     * source sample when a classifier's samples have variants (else null: the bounds need no clusters,
     * and an anomaly file's windows are one sample already).
     */
    static Variants.Pool searchPool(Workload w, DataSplit split, int variants, Profile profile, int threads,
                              FlowListener listener) {
        if (variants == 0) {
            return new Variants.Pool(split.search(), null);
        }
        if (w.dataSet().task() instanceof AnomalyDetection) {
            listener.note("variants: every window of each search file (validation: every " + profile.windowStride() + ")");
            return new Variants.Pool(DataSplit.of(w.dataSet(), 1).search(), null);
        }
        List<String> kinds = Variants.of(w.dataSet().format(), w.net().inputShape());
        int n = Math.min(variants, kinds.size());
        listener.note("variants of each search sample: " + (n == 0 ? "none for " + w.dataSet().format().description()
                : String.join(", ", kinds.subList(0, n))) + " (the validation part has none)");
        return Variants.pool(split.search(), w.net(), n, threads);
    }

    public static Explored run(Request q, FlowListener listener) {
        Settings s = q.settings();
        Workload w = q.work();
        List<String> tables = s.alwann() ? q.alwannTables() : List.of();
        long t0 = System.nanoTime();
        Profile profile = Profile.of(s.quick());
        DataSplit split = DataSplit.of(w.dataSet(), profile.windowStride());
        Variants.Pool pool = searchPool(w, split, s.variants(), profile, q.threads(), listener);
        DataSet searchPool = pool.data();
        AccuracyOracle oracle = new AccuracyOracle(w.net(), searchPool, w.registry(), q.threads());
        AccuracyOracle validation = new AccuracyOracle(w.net(), split.validation(), w.registry(), q.threads());
        listener.note(dataAndTask(w.dataSet()));
        listener.note(String.format(Locale.ROOT, "exploring %s%s; search on %d of %d samples (%d inputs, exact %s %.2f%%), "
                        + "validation on %d (exact %.2f%%); NSGA-II population %d x %d generations, seed %d, minimising %s",
                String.join(",", s.levels()), (tables.isEmpty() ? "" : " + ALWANN (" + tables.size() + " tables)")
                        + (s.compensate() ? ", each also bias-compensated (calibrated on the search part)" : ""),
                split.search().samples(), split.search().samples() + split.validation().samples(),
                searchPool.inputs().size(), oracle.task().metricName(), 100 * oracle.exact().metric(),
                split.validation().samples(), 100 * validation.exact().metric(), s.population(), s.generations(),
                s.seed(), objective(s, w.dataSet().task())));
        Exploration.Plan plan = new Exploration.Plan(s.levels(), tables, profile.filterGroups(),
                new Explorer.Settings(s.population(), s.generations(), s.seed(), s.objective(), s.stopping()), profile.sensitivityImages(),
                s.compensate());
        Exploration.Result result;
        try (MapEvaluator evaluator = q.evaluators().open(oracle, q.threads())) {
            result = Exploration.run(oracle, evaluator, q.energy(), plan,
                    (approach, gen) -> listener.progress("explore " + approach, gen, s.generations()))
                    .withSearchSources(pool.source());
        }
        if (s.stopping().on() && w.dataSet().task() instanceof Classification) {
            int maps = result.fronts().stream().mapToInt(Explorer.Front::evaluations).sum();
            int stopped = result.fronts().stream().mapToInt(Explorer.Front::stopped).sum();
            long run = result.fronts().stream().mapToLong(Explorer.Front::inputsRun).sum();
            listener.note(String.format(Locale.ROOT, "sequential evaluation: %d of %d maps stopped early (clearly dominated, "
                    + "or clearly above %.1f pts; looks from %d inputs, z = %.1f); %,d inferences of search inputs run, "
                    + "%.0f%% of every map on every input", stopped, maps, s.stopping().capPts(),
                    s.stopping().firstLook(), s.stopping().z(), run, 100.0 * run / ((long) maps * searchPool.inputs().size())));
        }
        listener.note("scoring every front point on the validation part");
        try (MapEvaluator evaluator = q.evaluators().open(validation, q.threads())) {
            result = Exploration.validate(result, validation, evaluator);
        }
        String settings = String.format(Locale.ROOT, "%s. NSGA-II (MOEA Framework: uniform crossover, uniform mutation), "
                + "population %d, %d generations, seed %d, objectives (network multiplier energy, %s on "
                + "the search part); %d "
                + "configurations searched per gene for ROUP (both families, duplicates removed); ALWANN: one "
                + "ALWANN-tuned EvoApprox table per layer.", capitalised(dataAndTask(w.dataSet())), s.population(),
                s.generations(), s.seed(), objective(s, w.dataSet().task()),
                ConfigCatalog.roup(w.registry()).size());
        Selection chosen = result.chosen(s.maxLossPts());
        CleanFigures clean = null;
        if (q.clean() != null) {
            listener.note("scoring the picked maps on the " + q.clean().work().images().size() + " " + q.clean().set());
            Map<String, Explorer.Point> picked = new LinkedHashMap<>();
            picked.put("chosen", chosen.chosen());
            if (chosen.naive() != null && chosen.naive() != chosen.chosen()) {
                picked.put("search loss alone", chosen.naive());
            }
            Selection baseline = result.baseline(s.maxLossPts());
            if (baseline != null) {
                picked.put("ALWANN's", baseline.chosen());
            }
            clean = CleanFigures.of(q.clean().work(), q.clean().set(), picked, q.threads());
        }
        ExploreReport.Written written = ExploreReport.write(q.out(), w.net(), result, q.energy(), s.maxLossPts(), settings,
                clean == null ? List.of() : List.of(clean.section()));
        AlignedText.lines(written.report()).forEach(listener::note);
        Explored x = new Explored(result, written.summary(), chosen, clean, (System.nanoTime() - t0) / 1e9,
                q.out().resolve("report.html"), w.net(), s.maxLossPts());
        listener.note(String.format(Locale.ROOT, "chosen within %.1f pts with 95%% confidence: %s%s%s", s.maxLossPts(),
                chosen.text(), clean == null ? "" : "; " + clean.text("chosen"),
                " -> " + q.out().resolve("chosen-map.json")));
        listener.note(String.format(Locale.ROOT, "explored in %.0f s (%s); report %s", x.seconds(),
                dataAndTask(w.dataSet()), x.report()));
        return x;
    }
}
