package org.maxdnn.flow;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.maxdnn.Assets;
import org.maxdnn.BundledModel;
import org.maxdnn.MaxdnnException;
import org.maxdnn.array.ArrayConfig;
import org.maxdnn.energy.ArrayEnergy;
import org.maxdnn.explore.ChartFiles;
import org.maxdnn.explore.DataSplit;
import org.maxdnn.explore.Explorer;
import org.maxdnn.explore.MapEvaluator;
import org.maxdnn.explore.Selection;
import org.maxdnn.io.AtomicFiles;
import org.maxdnn.infer.Network;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.mult.MultiplierRegistry;
import org.maxdnn.report.Markdown;
import org.maxdnn.report.Report;

/**
 * The five-network table (SPEC §12, {@code maxdnn run --all}): every network's workload read, one
 * energy table per network (one characterisation shared by all: the circuits are the same, only
 * the layers' operands differ), then stage 2 ({@link ExploreMaps}) on every network in turn, each
 * into a folder of its own, then one summary: per network and approach the best multiplier-energy
 * saving within 1, 2 and 4 points of loss in the network's metric (AUC points ×100 for anomaly
 * detection) on validation data, the whole array's saving it amounts to, and the time each network
 * took ({@link AllNetworksSections}): {@code report.html}, {@code summary.md}, a CSV per table
 * ({@code summary.csv}, {@code networks.csv}) and the chart {@code summary.png}/{@code .svg} ({@link SummaryChart}).
 *
 * <p>The array-level figure holds every action but the multiplications at the exact map's counts:
 * one sample of each network is cosimulated with toggle counting on the array, priced with the
 * energy per action ({@link EstimateArrayEnergy}), and a map's multiplier saving is scaled by the
 * multipliers' share of that whole. It leaves out what an approximate map changes elsewhere (fewer
 * partial-sum toggles, the configurable PE's code register), which {@code maxdnn run} measures for
 * the map it picks. The exact map is priced on today's plain array and on the energy-proportional
 * (gated, SPEC §6.1) one of the same size: per network the plain array's exact map, the gated
 * array's, and the gated array under the best map within 2 points, MAx-DNN's and ALWANN's
 * ({@link AllNetworksSections#gatedArray}).
 */
public final class ExploreAllNetworks {
    /** One network: its short name and how to read its data (timed as part of the network). */
    public record Job(String name, Supplier<ExplorationData> data) {
        /** A network explored on {@code work} alone, nothing beside it. */
        public static Job of(String name, Supplier<Workload> work) {
            return new Job(name, () -> ExplorationData.of(work.get()));
        }
    }

    /**
     * @param energy the energy tables of the networks, by name, from their workloads (a shared
     *               characterisation, {@link CharacteriseEnergy#runShared}, or files)
     * @param array  the array whose whole energy the array-level column prices; null for none
     *               (then the energy's action table may be null too)
     */
    public record Request(List<Job> jobs, Function<Map<String, Workload>, CharacteriseEnergy.Shared> energy,
                          List<String> alwannTables, ExploreMaps.Settings search, ArrayConfig array, int threads,
                          Path out) {
        public Request {
            jobs = List.copyOf(jobs);
        }
    }

    /**
     * A network's exact map priced on the plain and on the gated array of the same size: pJ per
     * inference and the multipliers' share of it.
     */
    public record ArrayFigures(double plainPj, double plainShare, double gatedPj, double gatedShare) {
        /** The gated array's saving against the plain one, percent. */
        public double gatingSavingPct() {
            return 100 * (1 - gatedPj / plainPj);
        }

        /**
         * The gated array's saving against the plain array's exact map under a map saving
         * {@code multiplierSavingPct} of the multipliers' energy, its other actions at the exact map's.
         */
        public double gatedSavingPct(double multiplierSavingPct) {
            return 100 * (1 - gatedPj * (1 - gatedShare * multiplierSavingPct / 100) / plainPj);
        }
    }

    /**
     * One row of the table: a network's approach, its best multiplier savings per
     * {@link org.maxdnn.explore.ExploreReport#LOSS_BOUNDS} bound, and the exact map's whole array
     * energy on that network, plain and gated (null when no array was priced).
     */
    public record Row(String network, String metric, double exactValidation, int validationSamples, String approach,
                      boolean compensated, double[] bestSavingPct, ArrayFigures array) {
        /** The multipliers' share of the plain array's energy under the exact map (NaN when not priced). */
        public double multiplierShare() {
            return array == null ? Double.NaN : array.plainShare();
        }

        /** The plain array's saving at each bound: the multiplier saving × the multipliers' share. */
        public double[] arraySavingPct() {
            double[] a = new double[bestSavingPct.length];
            for (int i = 0; i < a.length; i++) {
                a[i] = bestSavingPct[i] * multiplierShare();
            }
            return a;
        }
    }

    /**
     * A network's chosen map ({@link Selection}) with its data's exact validation metric, and its
     * picked maps on the clean set beside its data (null when none: the CIFAR-10 networks have one).
     */
    public record Chosen(String network, Selection selection, CleanFigures clean) {
    }

    /**
     * Every row; the networks and each one's seconds, in job order; the shared characterisation's
     * seconds; the search and the array that priced the array-level column (null for none); the
     * summary files ({@code summary.md}, {@code summary.csv}); each network's chosen map, in job order.
     */
    public record Result(List<Row> rows, List<String> networks, List<Double> seconds, double energySeconds,
                         ExploreMaps.Settings search, ArrayConfig array, Path markdown, Path csv, List<Chosen> chosen) {
    }

    private ExploreAllNetworks() {
    }

    /**
     * The bundled networks {@code models} (SPEC §12) each on the default data {@code explore} and
     * {@code run} use ({@link ExplorationData#bundled}): the CIFAR-10 networks on their JPEG test
     * images (the first {@code limit}, else {@code profile}'s share) with the clean images beside,
     * the others on the first {@code limit} samples of their own set (0: all).
     */
    public static List<Job> bundled(List<BundledModel> models, Assets assets, int limit, Profile profile,
                                    MultiplierRegistry registry) {
        List<Job> jobs = new ArrayList<>();
        for (BundledModel m : models) {
            jobs.add(new Job(m.shortName(), () -> ExplorationData.bundled(m, assets, Network.load(m.model(assets)), limit,
                    profile, UnaryOperator.identity(), registry)));
        }
        return jobs;
    }

    /**
     * The energy tables as one characterisation of every network's layers
     * ({@link CharacteriseEnergy#runShared}): the operands of each network's first
     * {@link CharacteriseEnergy#OPERAND_IMAGES} images, {@code pairs} per layer, into {@code out}.
     */
    public static Function<Map<String, Workload>, CharacteriseEnergy.Shared> sharedCharacterisation(int pairs,
            Path liberty, Assets assets, int threads, Path out, FlowListener listener) {
        return works -> {
            Map<String, Workload> operands = new LinkedHashMap<>();
            works.forEach((name, w) -> operands.put(name, w.first(CharacteriseEnergy.OPERAND_IMAGES)));
            return CharacteriseEnergy.runShared(new CharacteriseEnergy.Request(operands.values().iterator().next(), pairs,
                    liberty, assets, threads, out), operands, listener);
        };
    }

    public static Result run(Request q, FlowListener listener) {
        List<Job> jobs = q.jobs();
        Map<String, ExplorationData> data = new LinkedHashMap<>();
        Map<String, Workload> operands = new LinkedHashMap<>();
        List<Double> seconds = new ArrayList<>();
        for (Job job : jobs) {
            long t0 = System.nanoTime();
            ExplorationData d = job.data().get();
            data.put(job.name(), d);
            operands.put(job.name(), d.operands());
            // every network's split, before the characterisation
            DataSplit.check(d.work().dataSet(), job.name() + "'s samples");
            seconds.add((System.nanoTime() - t0) / 1e9);
        }
        listener.stage("energy characterisation of every network");
        long e0 = System.nanoTime();
        CharacteriseEnergy.Shared energy = q.energy().apply(operands);
        double energySeconds = (System.nanoTime() - e0) / 1e9;
        List<Row> rows = new ArrayList<>();
        List<Chosen> chosen = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            String name = jobs.get(i).name();
            listener.stage(String.format(Locale.ROOT, "%d/%d %s", i + 1, jobs.size(), name));
            long t0 = System.nanoTime();
            Workload work = data.get(name).work();
            ExploreMaps.Explored x = ExploreMaps.run(new ExploreMaps.Request(work, energy.tables().get(name),
                    q.alwannTables(), q.search(), q.threads(), MapEvaluator.Factory.IN_PROCESS, q.out().resolve(name),
                    data.get(name).clean()), listener);
            chosen.add(new Chosen(name, x.chosen(), x.clean()));
            ArrayFigures array = q.array() == null ? null
                    : arrayFigures(work, energy, name, q.array(), q.threads(), q.out().resolve(name).resolve("array"),
                    listener);
            seconds.set(i, seconds.get(i) + (System.nanoTime() - t0) / 1e9);
            for (Explorer.Front f : x.result().fronts()) {
                rows.add(new Row(name, x.result().metric(), x.result().validationExact().metric(),
                        x.result().validationExact().samples(), f.space().name(), f.space().compensated(),
                        x.summary().bestSaving().get(f.space().name()), array));
            }
            listener.note(String.format(Locale.ROOT, "%s read and explored in %.0f s", name, seconds.get(i)));
        }
        ChartFiles.write(SummaryChart.create(rows, 2), q.out(), "summary", 900, 500);
        Result r = new Result(rows, jobs.stream().map(Job::name).toList(), seconds, energySeconds, q.search(), q.array(),
                q.out().resolve("summary.md"), q.out().resolve(AllNetworksSections.SUMMARY_TABLE + ".csv"), List.copyOf(chosen));
        Report report = WriteReport.write("MAx-DNN on every bundled network", r, AllNetworksSections.ALL,
                q.out().resolve("report.html"), listener);
        AtomicFiles.writeString(r.markdown(), String.join("\n", Markdown.lines(report)) + "\n");
        listener.note("wrote " + q.out().resolve("report.html") + ", " + r.markdown() + ", " + r.csv()
                + " and summary.png/.svg (the savings within 2 points)");
        return r;
    }

    /**
     * The whole array's energy for the exact map on {@code name}'s first sample, on the plain and on
     * the gated array of {@code array}'s size: each cosimulated with toggle and gate counting
     * (bit-exact, or an error), priced per action.
     */
    private static ArrayFigures arrayFigures(Workload work, CharacteriseEnergy.Shared energy, String name,
                                             ArrayConfig array, int threads, Path out, FlowListener listener) {
        ArrayEnergy.Breakdown plain = exactOnArray(work, energy, name, array.withGating(false), threads,
                out.resolve("plain"), listener);
        ArrayEnergy.Breakdown gated = exactOnArray(work, energy, name, array.withGating(true), threads,
                out.resolve("gated"), listener);
        ArrayFigures f = new ArrayFigures(plain.totalPj(), plain.multiplierShare(), gated.totalPj(),
                gated.multiplierShare());
        listener.note(String.format(Locale.ROOT, "%s: the gated array %.1f%% below the plain one", name,
                f.gatingSavingPct()));
        return f;
    }

    private static ArrayEnergy.Breakdown exactOnArray(Workload work, CharacteriseEnergy.Shared energy, String name,
                                                      ArrayConfig array, int threads, Path out, FlowListener listener) {
        if (energy.actions() == null) {
            throw new IllegalArgumentException("an array-level column needs the energy per action");
        }
        String kind = array.gated() ? "gated" : "plain";
        listener.note(String.format(Locale.ROOT, "cosimulating the exact map of %s on one sample on the %dx%d %s array "
                + "for the array's other actions", name, array.rows(), array.cols(), kind));
        Cosimulate.Outcome c = Cosimulate.run(Cosimulate.Request.of(ApproxMap.exact(), "exact", array, null, threads, out)
                .withToggles(out.resolve("toggles.csv")).withoutVcd(), work.first(1), listener);
        if (!c.passed()) {
            throw new MaxdnnException(MaxdnnException.MISMATCH, "the exact map of " + name + " did not cosimulate "
                    + "bit-exactly on the " + kind + " array: " + c.failure() + " (see " + c.reportFile() + ")");
        }
        double exactPj = EstimateEnergy.of(work.net(), ApproxMap.exact(), energy.tables().get(name)).exactPj();
        ArrayEnergy.Breakdown b = EstimateArrayEnergy.of("exact", c, array, exactPj, energy.actions()).energy();
        listener.note(String.format(Locale.ROOT, "%s: whole %s array %.3f uJ per inference, multipliers %.1f%% of it; %s",
                name, kind, b.totalPj() / 1e6, 100 * b.multiplierShare(), String.join(", ", b.actionPj().entrySet().stream()
                        .map(x -> String.format(Locale.ROOT, "%s %.3f uJ", x.getKey(), x.getValue() / 1e6)).toList())));
        return b;
    }
}
