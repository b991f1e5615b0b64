package org.maxdnn.flow;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.maxdnn.energy.EnergyTable;
import org.maxdnn.explore.ExploreReport;
import org.maxdnn.explore.Explorer;
import org.maxdnn.explore.MapEvaluator;
import org.maxdnn.io.AtomicFiles;

/**
 * The five-network table (SPEC §12, {@code maxdnn run --all}): every network's workload read, one
 * energy table per network (one characterisation shared by all: the circuits are the same, only
 * the layers' operands differ), then stage 2 ({@link ExploreMaps}) on every network in turn, each
 * into a folder of its own, then one summary: per network and approach the best multiplier-energy
 * saving within 1, 2 and 4 points of loss in the network's metric (AUC points ×100 for anomaly
 * detection) on validation data, and the time each network took. Writes {@code summary.md} and
 * {@code summary.csv}.
 */
public final class ExploreAllNetworks {
    /** One network: its short name and how to read its workload (timed as part of the network). */
    public record Job(String name, Supplier<Workload> work) {
    }

    /** One row of the table: a network's approach, its best savings per {@link ExploreReport#LOSS_BOUNDS} bound. */
    public record Row(String network, String metric, double exactValidation, int validationSamples, String approach,
                      boolean compensated, double[] bestSavingPct) {
    }

    /** Every row, each network's seconds (in job order), the shared characterisation's, and the summary files. */
    public record Result(List<Row> rows, List<Double> seconds, double energySeconds, Path markdown, Path csv) {
    }

    private ExploreAllNetworks() {
    }

    /**
     * @param energy the energy table of each network, by name, from its workload (a shared
     *               characterisation, {@link CharacteriseEnergy#runShared}, or files)
     */
    public static Result run(List<Job> jobs, Function<Map<String, Workload>, Map<String, EnergyTable>> energy,
                             List<String> alwannTables, ExploreMaps.Settings search, int threads, Path out,
                             FlowListener listener) {
        Map<String, Workload> works = new LinkedHashMap<>();
        List<Double> seconds = new ArrayList<>();
        for (Job job : jobs) {
            long t0 = System.nanoTime();
            works.put(job.name(), job.work().get());
            seconds.add((System.nanoTime() - t0) / 1e9);
        }
        listener.stage("energy characterisation of every network");
        long e0 = System.nanoTime();
        Map<String, EnergyTable> tables = energy.apply(works);
        double energySeconds = (System.nanoTime() - e0) / 1e9;
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            String name = jobs.get(i).name();
            listener.stage(String.format(Locale.ROOT, "%d/%d %s", i + 1, jobs.size(), name));
            long t0 = System.nanoTime();
            ExploreMaps.Explored x = ExploreMaps.run(new ExploreMaps.Request(works.get(name), tables.get(name),
                    alwannTables, search, threads, MapEvaluator.Factory.IN_PROCESS, out.resolve(name)), listener);
            seconds.set(i, seconds.get(i) + (System.nanoTime() - t0) / 1e9);
            for (Explorer.Front f : x.result().fronts()) {
                rows.add(new Row(name, x.result().metric(), x.result().validationExact().metric(),
                        x.result().validationExact().samples(), f.space().name(), f.space().compensated(),
                        x.summary().bestSaving().get(f.space().name())));
            }
            listener.note(String.format(Locale.ROOT, "%s read and explored in %.0f s", name, seconds.get(i)));
        }
        Path md = out.resolve("summary.md");
        Path csv = out.resolve("summary.csv");
        List<String> table = markdown(rows, jobs, seconds, energySeconds, search);
        AtomicFiles.writeString(md, String.join("\n", table) + "\n");
        AtomicFiles.writeString(csv, csv(rows, jobs, seconds));
        table.forEach(listener::note);
        listener.note("wrote " + md + " and " + csv);
        return new Result(rows, seconds, energySeconds, md, csv);
    }

    /** The table as Markdown, a row per network and approach, and the time per network. */
    static List<String> markdown(List<Row> rows, List<Job> jobs, List<Double> seconds, double energySeconds,
                                 ExploreMaps.Settings s) {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "Best multiplier-energy saving within a loss bound, on validation data "
                + "(NSGA-II population %d x %d generations, seed %d%s):", s.population(), s.generations(), s.seed(),
                s.quick() ? ", --quick" : ""));
        out.add("");
        out.add("| network | metric (exact, validation) | approach | compensated | ≤ 1 pt | ≤ 2 pts | ≤ 4 pts |");
        out.add("|---|---|---|---|---:|---:|---:|");
        for (Row r : rows) {
            out.add(String.format(Locale.ROOT, "| %s | %s %.2f%% (%d) | %s | %s | %.1f%% | %.1f%% | %.1f%% |", r.network(),
                    r.metric(), 100 * r.exactValidation(), r.validationSamples(), r.approach(),
                    r.compensated() ? "yes" : "no", r.bestSavingPct()[0], r.bestSavingPct()[1], r.bestSavingPct()[2]));
        }
        out.add("");
        out.add("| network | time (s) |");
        out.add("|---|---:|");
        out.add(String.format(Locale.ROOT, "| energy characterisation (shared) | %.0f |", energySeconds));
        double total = energySeconds;
        for (int i = 0; i < seconds.size(); i++) {
            out.add(String.format(Locale.ROOT, "| %s | %.0f |", jobs.get(i).name(), seconds.get(i)));
            total += seconds.get(i);
        }
        out.add(String.format(Locale.ROOT, "| total | %.0f |", total));
        return out;
    }

    private static String csv(List<Row> rows, List<Job> jobs, List<Double> seconds) {
        StringBuilder b = new StringBuilder("network,metric,exact_validation_metric,validation_samples,approach,compensated");
        for (double bound : ExploreReport.LOSS_BOUNDS) {
            b.append(String.format(Locale.ROOT, ",best_saving_pct_within_%.0f_pts", bound));
        }
        b.append(",network_seconds\n");
        for (Row r : rows) {
            double s = seconds.get(jobs.stream().map(Job::name).toList().indexOf(r.network()));
            b.append(String.format(Locale.ROOT, "%s,%s,%.5f,%d,%s,%b", r.network(), r.metric(), r.exactValidation(),
                    r.validationSamples(), r.approach(), r.compensated()));
            for (double v : r.bestSavingPct()) {
                b.append(String.format(Locale.ROOT, ",%.3f", v));
            }
            b.append(String.format(Locale.ROOT, ",%.1f%n", s));
        }
        return b.toString();
    }
}
