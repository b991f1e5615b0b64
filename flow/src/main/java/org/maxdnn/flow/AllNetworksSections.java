package org.maxdnn.flow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.maxdnn.explore.ExploreReport;
import org.maxdnn.explore.Explorer;
import org.maxdnn.explore.Validation;
import org.maxdnn.report.BarChart;
import org.maxdnn.report.Column;
import org.maxdnn.report.ReportSection;
import org.maxdnn.report.Section;
import org.maxdnn.report.Table;

/** The sections of the five-network table ({@code maxdnn run --all}, {@link ExploreAllNetworks}), in {@link #ALL}'s order. */
public final class AllNetworksSections {
    /** The per-approach table's name and CSV file. */
    static final String SUMMARY_TABLE = "summary";

    public static final List<ReportSection<ExploreAllNetworks.Result>> ALL = List.of(
            AllNetworksSections::savings,
            AllNetworksSections::chosen,
            AllNetworksSections::gatedArray,
            AllNetworksSections::networks);

    private AllNetworksSections() {
    }

    /**
     * Per network and approach (with and without compensation) the best multiplier-energy saving
     * within each loss bound on validation data and, when an array was priced, the whole array's.
     */
    static Section savings(ExploreAllNetworks.Result r) {
        ExploreMaps.Settings s = r.search();
        boolean array = r.array() != null;
        List<Column> columns = new ArrayList<>(List.of(Column.text("network", "network"), Column.text("approach", "approach"),
                Column.text("compensated", "compensated")));
        for (double b : ExploreReport.LOSS_BOUNDS) {
            columns.add(saving("best_saving_pct_within_%.0f_pts", "≤ %.0f pts", b));
        }
        if (array) {
            for (double b : ExploreReport.LOSS_BOUNDS) {
                columns.add(saving("array_saving_pct_within_%.0f_pts", "array ≤ %.0f pts", b));
            }
        }
        Table.Builder t = Table.builder(SUMMARY_TABLE, "", columns.toArray(Column[]::new));
        for (ExploreAllNetworks.Row row : r.rows()) {
            List<Object> cells = new ArrayList<>(List.of(row.network(), row.approach(), row.compensated() ? "yes" : "no"));
            for (double v : row.bestSavingPct()) {
                cells.add(v);
            }
            if (array) {
                for (double v : row.arraySavingPct()) {
                    cells.add(v);
                }
            }
            t.row(cells);
        }
        Table table = t.build();
        Section.Builder section = Section.builder("Best multiplier-energy saving within a loss bound, on validation data")
                .paragraph(String.format(Locale.ROOT, "NSGA-II population %d x %d generations, seed %d%s%s.",
                        s.population(), s.generations(), s.seed(), s.quick() ? ", --quick" : "", !array ? ""
                                : String.format(Locale.ROOT, "; the array columns are the whole %dx%d array's saving, its "
                                + "other actions held at the exact map's", r.array().rows(), r.array().cols())))
                .table(table);
        // a chart per bound, a bar per approach (and compensation) per network, from the table's own columns
        for (double b : ExploreReport.LOSS_BOUNDS) {
            section.chart(BarChart.pivot(String.format(Locale.ROOT, "Best multiplier-energy saving within %.0f points of "
                            + "loss, validation data: a bar per approach, with and without compensation (hover for the "
                            + "figures, click a legend entry to hide it)", b), table, "network",
                    List.of("approach", "compensated"), String.format(Locale.ROOT, "best_saving_pct_within_%.0f_pts", b),
                    "saving vs all-exact (%)"));
        }
        return section.figure("summary", "Per network the best saving within 2 points of MAx-DNN and ALWANN, without and "
                        + "with compensation (for papers)")
                .build();
    }

    /**
     * Per network the map {@code run} would build (the rule of {@link org.maxdnn.explore.Selection#rule}): its saving, its
     * validation loss with the loss's one-sided 95% upper bound, and, for a network explored beside a
     * clean set (the CIFAR-10 networks' JPEG test images), the same map on the clean images with its loss
     * and bounds there, so nobody mistakes the JPEG figures for CIFAR-10 accuracy.
     */
    static Section chosen(ExploreAllNetworks.Result r) {
        Table.Builder t = Table.builder("chosen", "", Column.text("network", "network"), Column.text("approach", "chosen"),
                percent("saving_pct", "saving"),
                Column.number("validation_loss_pts", "validation loss", "pts", "%.2f").csv("%.3f"),
                Column.number("validation_loss_high_pts", "upper bound", "pts", "%.2f").csv("%.3f"),
                Column.text("clean_set", "clean set"),
                Column.number("clean_exact_pct", "exact there", "%", "%.2f").csv("%.3f"),
                Column.number("clean_metric_pct", "chosen there", "%", "%.2f").csv("%.3f"),
                Column.number("clean_loss_pts", "loss there", "pts", "%.2f").csv("%.3f"),
                Column.number("clean_loss_low_pts", "lower bound", "pts", "%.2f").csv("%.3f"),
                Column.number("clean_loss_high_pts", "upper bound", "pts", "%.2f").csv("%.3f"));
        for (ExploreAllNetworks.Chosen c : r.chosen()) {
            Explorer.Point p = c.selection().chosen();
            Validation v = p == null ? null : p.validation();
            List<Object> cells = new ArrayList<>(Arrays.asList(c.network(), p == null ? "exact" : p.approach(),
                    p == null ? 0.0 : p.savingPct(), v == null ? null : v.lossPts(), v == null ? null : v.bound().highPts()));
            CleanFigures.Row clean = c.clean() == null ? null : c.clean().row("chosen");
            if (clean == null) {
                cells.addAll(Arrays.asList(null, null, null, null, null, null));
            } else {
                cells.addAll(List.of(c.clean().samples() + " " + c.clean().set(), c.clean().rows().get(0).metricPct(),
                        clean.metricPct(), clean.loss().lossPts(), clean.loss().lowPts(), clean.loss().highPts()));
            }
            t.row(cells);
        }
        return Section.builder("The chosen map of each network")
                .paragraph(String.format(Locale.ROOT, "Per network the map run would build: the largest saving whose "
                        + "loss's one-sided 95%% upper bound is within %.1f points on the search part, confirmed by its upper "
                        + "bound within %.1f points on the validation part (each network's report says how the bounds are "
                        + "computed), or the exact map. Beside a network's default data, its clean images when it has them "
                        + "(the CIFAR-10 networks explore on JPEG copies of test images): the chosen map's metric there and its "
                        + "loss against the exact model, with one-sided 95%% bounds; each network's report has ALWANN's pick "
                        + "there too.", r.search().maxLossPts(), r.search().maxLossPts()))
                .table(t.build()).build();
    }

    /**
     * Per network (when an array was priced) the three steps of SPEC §6.1: the exact map on today's
     * plain array, on the energy-proportional (gated) array, and the gated array under the best map
     * within 2 points of MAx-DNN and of ALWANN (any space, with or without compensation): energy per
     * inference, the multipliers' share, each step's saving and the saving against the plain array's
     * exact map, beside what the same map saves on the plain array (today's figure).
     */
    static Section gatedArray(ExploreAllNetworks.Result r) {
        if (r.array() == null) {
            return Section.NONE;
        }
        int two = Arrays.binarySearch(ExploreReport.LOSS_BOUNDS, 2.0);
        List<Column> columns = new ArrayList<>(List.of(Column.text("network", "network"),
                Column.number("plain_exact_uj", "plain, exact", "µJ", "%.3f").csv("%.6f"),
                percent("plain_multiplier_share_pct", "multipliers"),
                Column.number("gated_exact_uj", "gated, exact", "µJ", "%.3f").csv("%.6f"),
                percent("gated_multiplier_share_pct", "multipliers"),
                percent("gating_saving_pct", "gating's saving")));
        for (String approach : List.of("maxdnn", "alwann")) {
            String label = approach.equals("alwann") ? "ALWANN" : "MAx-DNN";
            columns.add(percent(approach + "_map_saving_pct", label + " ≤ 2 pts: map's step"));
            columns.add(percent(approach + "_gated_saving_pct", "vs plain exact"));
            columns.add(percent(approach + "_plain_saving_pct", "on the plain array"));
        }
        Table.Builder t = Table.builder("gated-array", "", columns.toArray(Column[]::new));
        for (String name : r.networks()) {
            List<ExploreAllNetworks.Row> mine = r.rows().stream().filter(x -> x.network().equals(name)).toList();
            ExploreAllNetworks.ArrayFigures f = mine.get(0).array();
            List<Object> cells = new ArrayList<>(List.of(name, f.plainPj() / 1e6, 100 * f.plainShare(), f.gatedPj() / 1e6,
                    100 * f.gatedShare(), f.gatingSavingPct()));
            for (boolean alwann : new boolean[] {false, true}) {
                ExploreAllNetworks.Row best = mine.stream().filter(x -> x.approach().startsWith("alwann") == alwann)
                        .max(Comparator.comparingDouble(x -> x.bestSavingPct()[two])).orElse(null);
                if (best == null) {
                    cells.addAll(Arrays.asList(null, null, null));
                } else {
                    double saving = best.bestSavingPct()[two];
                    cells.addAll(List.of(f.gatedShare() * saving, f.gatedSavingPct(saving), best.arraySavingPct()[two]));
                }
            }
            t.row(cells);
        }
        Table table = t.build();
        return Section.builder(String.format(Locale.ROOT, "The energy-proportional %dx%d array", r.array().rows(),
                        r.array().cols()))
                .paragraph("Whole array per inference: the exact map on today's plain array (every PE flip-flop clocked "
                        + "every cycle, 32-bit partial sums), on the energy-proportional (gated) array (SPEC §6.1), and the "
                        + "gated array under the best map within 2 points on validation data, its other actions at the "
                        + "exact map's. The map's step is its saving on the gated array (its multiplier saving × the "
                        + "multipliers' share there); \"vs plain exact\" is the gated array under the map against the plain "
                        + "array's exact map; \"on the plain array\" what the same map saves on today's array.")
                .table(table)
                .chart(BarChart.of("Whole array per inference under the exact map, today's plain array beside the gated "
                        + "one (hover for the figures)", table, "network", List.of("plain_exact_uj", "gated_exact_uj"),
                        false, "µJ per inference"))
                .build();
    }

    /** Per network the exact model's metric on validation data, the multipliers' share of the array, and the time. */
    static Section networks(ExploreAllNetworks.Result r) {
        Table.Builder t = Table.builder("networks", "", Column.text("network", "network"), Column.text("metric", "metric"),
                Column.number("exact_validation_metric_pct", "exact model on validation", "%", "%.2f").csv("%.3f"),
                Column.number("validation_samples", "samples", "", "%d"),
                Column.number("multiplier_share_of_array_pct", "multipliers' share of the array", "%", "%.1f").csv("%.3f"),
                Column.number("seconds", "time", "s", "%.0f").csv("%.1f"));
        t.row("energy characterisation (shared)", null, null, null, null, r.energySeconds());
        double total = r.energySeconds();
        for (int i = 0; i < r.networks().size(); i++) {
            String name = r.networks().get(i);
            ExploreAllNetworks.Row first = r.rows().stream().filter(x -> x.network().equals(name)).findFirst().orElseThrow();
            t.row(name, first.metric(), 100 * first.exactValidation(), first.validationSamples(),
                    100 * first.multiplierShare(), r.seconds().get(i));
            total += r.seconds().get(i);
        }
        Section.Builder s = Section.builder("Networks").table(t.row("total", null, null, null, null, total).build());
        for (String name : r.networks()) {
            s.link(name + "/report.html", name + ": its exploration's report (the Pareto explorer of its fronts and maps)");
        }
        return s.build();
    }

    private static Column percent(String id, String label) {
        return Column.number(id, label, "%", "%.1f").csv("%.3f");
    }

    private static Column saving(String id, String label, double boundPts) {
        return Column.number(String.format(Locale.ROOT, id, boundPts), String.format(Locale.ROOT, label, boundPts), "%",
                "%.1f").csv("%.3f");
    }
}
