package org.maxdnn.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.maxdnn.explore.ExploreReport;
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
        return Section.builder("Best multiplier-energy saving within a loss bound, on validation data")
                .paragraph(String.format(Locale.ROOT, "NSGA-II population %d x %d generations, seed %d%s%s.",
                        s.population(), s.generations(), s.seed(), s.quick() ? ", --quick" : "", !array ? ""
                                : String.format(Locale.ROOT, "; the array columns are the whole %dx%d array's saving, its "
                                + "other actions held at the exact map's", r.array().rows(), r.array().cols())))
                .table(t.build())
                .figure("summary", "Per network the best saving within 2 points of MAx-DNN and ALWANN, without and with "
                        + "compensation")
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
        return Section.builder("Networks").table(t.row("total", null, null, null, null, total).build()).build();
    }

    private static Column saving(String id, String label, double boundPts) {
        return Column.number(String.format(Locale.ROOT, id, boundPts), String.format(Locale.ROOT, label, boundPts), "%",
                "%.1f").csv("%.3f");
    }
}
