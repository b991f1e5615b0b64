package org.maxdnn.explore;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.maxdnn.energy.EnergyTable;
import org.maxdnn.energy.MapEnergy;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.infer.ConvLayer;
import org.maxdnn.infer.Network;
import org.maxdnn.io.AtomicFiles;
import org.maxdnn.report.Column;
import org.maxdnn.report.Report;
import org.maxdnn.report.ReportSection;
import org.maxdnn.report.Section;
import org.maxdnn.report.Table;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.mult.TableConfig;

/**
 * Writes what an exploration found: per approach {@code pareto.csv}, {@code pareto.json} and the map
 * of every front point, the trade-off chart of all approaches, the heat map of the chosen point, a
 * summary of the best savings within 1, 2 and 4 points of loss in the task's metric (on validation
 * data when the result is validated) with the ratio to ALWANN, and {@code report.html} tying them
 * together.
 */
public final class ExploreReport {
    public static final double[] LOSS_BOUNDS = {1, 2, 4};
    private static final ObjectMapper JSON = new ObjectMapper();

    private ExploreReport() {
    }

    /**
     * Best saving per approach per loss bound (percent), each front's hypervolume
     * ({@link Explorer#HYPERVOLUME}), and MAx-DNN's best over ALWANN's.
     */
    public record Summary(Map<String, double[]> bestSaving, Map<String, Double> hypervolume, double[] maxDnnBest,
                          double[] alwannBest, double[] alwannVsUnsignedExact) {
        public double[] ratio() {
            double[] r = new double[LOSS_BOUNDS.length];
            for (int i = 0; i < r.length; i++) {
                r[i] = alwannBest == null || alwannBest[i] <= 0 ? Double.NaN : maxDnnBest[i] / alwannBest[i];
            }
            return r;
        }
    }

    /**
     * @param unsignedExactPj network energy of the all-exact unsigned multiplier (mul8u_1JFF) map,
     *                        ALWANN's own baseline; NaN when unknown
     */
    public static Summary summary(Exploration.Result result, double unsignedExactPj) {
        Map<String, double[]> best = new LinkedHashMap<>();
        Map<String, Double> hypervolume = new LinkedHashMap<>();
        double[] maxDnn = new double[LOSS_BOUNDS.length];
        double[] alwann = null;
        double[] alwannOwn = null;
        for (Explorer.Front f : result.fronts()) {
            double[] b = new double[LOSS_BOUNDS.length];
            for (int i = 0; i < b.length; i++) {
                Explorer.Point p = f.bestReported(LOSS_BOUNDS[i]);
                b[i] = p == null ? 0 : p.savingPct();
            }
            best.put(f.space().name(), b);
            hypervolume.put(f.space().name(), f.hypervolume());
            if (Exploration.isBaseline(f.space().name())) {
                // ALWANN's best over its plain and compensated fronts, as MAx-DNN's is over all of its own
                alwann = alwann == null ? new double[LOSS_BOUNDS.length] : alwann;
                alwannOwn = alwannOwn == null ? new double[LOSS_BOUNDS.length] : alwannOwn;
                for (int i = 0; i < b.length; i++) {
                    double bound = LOSS_BOUNDS[i];
                    alwann[i] = Math.max(alwann[i], b[i]);
                    alwannOwn[i] = Math.max(alwannOwn[i], f.points().stream().filter(p -> p.reportedLossPts() <= bound + 1e-9)
                            .mapToDouble(p -> 100 * (1 - p.pj() / unsignedExactPj)).max().orElse(0));
                }
            } else {
                for (int i = 0; i < b.length; i++) {
                    maxDnn[i] = Math.max(maxDnn[i], b[i]);
                }
            }
        }
        return new Summary(best, hypervolume, maxDnn, alwann, alwannOwn);
    }

    /** What the report shows: the exploration of {@code net} with its summary, chosen point and settings. */
    public record Input(Network net, Exploration.Result result, Summary summary, Selection chosen,
                        EnergyTable energy, double maxLossPts, String settingsText, Map<Explorer.Point, LossBound> searchBounds) {
    }

    /** The report's sections, in order (each on the page, on the console and a CSV per table). */
    public static final List<ReportSection<Input>> SECTIONS = List.of(ExploreReport::overview,
            ExploreReport::explorer, ExploreReport::bestSavings, ExploreReport::chosenPoint, ExploreReport::fronts);

    /** The summary and the report written. */
    public record Written(Summary summary, Report report) {
    }

    /** Writes every output under {@code dir}: maps, JSON, charts, {@code report.html} and its tables' CSV files. */
    public static Written write(Path dir, Network net, Exploration.Result result, EnergyTable energy,
                                double maxLossPts, String settingsText) {
        return write(dir, net, result, energy, maxLossPts, settingsText, List.of());
    }

    /** The same, with {@code extra} sections at the end of the report. */
    public static Written write(Path dir, Network net, Exploration.Result result, EnergyTable energy,
                                double maxLossPts, String settingsText, List<Section> extra) {
        Map<Explorer.Point, LossBound> bounds = searchBounds(result);
        for (Explorer.Front f : result.fronts()) {
            writeFront(dir.resolve(f.space().name()), f, bounds);
        }
        List<TradeoffChart.Series> series = new ArrayList<>();
        for (Explorer.Front f : result.fronts()) {
            series.add(new TradeoffChart.Series(f.space().name(),
                    f.points().stream().mapToDouble(Explorer.Point::savingPct).toArray(),
                    f.points().stream().mapToDouble(Explorer.Point::lossPts).toArray()));
        }
        ChartFiles.write(TradeoffChart.create(result.metric() + " loss on search data vs multiplier energy saving ("
                + result.exact().samples() + " samples)", series), dir, "tradeoff", 900, 600);
        Selection chosen = result.chosen(maxLossPts);
        // the exact map when nothing keeps within the bound, as run builds it
        (chosen.chosen() != null ? chosen.chosen().map() : ApproxMap.exact()).write(dir.resolve("chosen-map.json"));
        if (chosen.chosen() != null) {
            writeHeatMap(dir, net, chosen.chosen());
        }
        MultiplierConfig unsignedExact = TableConfig.lut("mul8u_1JFF");
        boolean known = net.weightedLayers().stream().allMatch(l -> energy.has(l.name(), unsignedExact));
        double unsignedPj = known ? MapEnergy.of(net, ApproxMap.uniform(unsignedExact), energy).pj() : Double.NaN;
        Summary summary = summary(result, unsignedPj);
        writeSummaryJson(dir, summary, result, chosen, maxLossPts);
        Report report = Report.of("MAx-DNN exploration: " + net.model().file().getFileName() + ", ROUP multipliers vs ALWANN",
                new Input(net, result, summary, chosen, energy, maxLossPts, settingsText, bounds), SECTIONS);
        if (!extra.isEmpty()) {
            List<Section> sections = new ArrayList<>(report.sections());
            sections.addAll(extra);
            report = new Report(report.title(), sections);
        }
        report.write(dir.resolve("report.html"));
        return new Written(summary, report);
    }

    /** Every front point's loss bounds on the search data that chose it ({@link LossBound}), by point. */
    static Map<Explorer.Point, LossBound> searchBounds(Exploration.Result result) {
        Map<Explorer.Point, LossBound> bounds = new IdentityHashMap<>();
        result.fronts().forEach(f -> f.points().forEach(p -> bounds.put(p, result.searchBound(p))));
        return bounds;
    }

    private static void writeFront(Path dir, Explorer.Front f, Map<Explorer.Point, LossBound> bounds) {
        ArrayNode json = JSON.createArrayNode();
        for (int i = 0; i < f.points().size(); i++) {
            Explorer.Point p = f.points().get(i);
            String mapFile = mapFile(i);
            p.map().write(dir.resolve(mapFile));
            Validation v = p.validation();
            ObjectNode o = json.addObject().put("point", i).put("saving_pct", p.savingPct()).put("energy_pj", p.pj())
                    .put("search_metric", p.score().metric()).put("search_loss_pts", p.lossPts())
                    .put("search_loss_upper95_pts", bounds.get(p).highPts())
                    .put("search_samples", p.score().samples());
            putNumber(o, "agreement", p.score().agreement());
            if (v != null) {
                o.put("validation_metric", v.score().metric()).put("validation_loss_pts", v.lossPts());
                putNumber(o, "validation_ci_low", v.interval().low());
                putNumber(o, "validation_ci_high", v.interval().high());
                putNumber(o, "validation_p_value", v.pValue());
                putNumber(o, "validation_loss_lower95_pts", v.bound().lowPts());
                putNumber(o, "validation_loss_upper95_pts", v.bound().highPts());
                o.put("validation_samples", v.score().samples());
            }
            o.put("map", mapFile);
            ArrayNode g = o.putArray("genome");
            Arrays.stream(p.genome()).forEach(g::add);
        }
        ObjectNode root = JSON.createObjectNode().put("approach", f.space().name())
                .put("description", f.space().description()).put("evaluations", f.evaluations())
                .put("seconds", f.seconds()).put("hypervolume", f.hypervolume())
                .put("hypervolume_definition", Explorer.HYPERVOLUME);
        root.set("points", json);
        AtomicFiles.writeString(dir.resolve("pareto.json"), root.toPrettyString() + "\n");
    }

    private static String mapFile(int point) {
        return "maps/p" + String.format(Locale.ROOT, "%02d", point) + ".json";
    }

    /** JSON has no NaN: an undefined figure is null. */
    private static void putNumber(ObjectNode o, String field, double v) {
        if (Double.isNaN(v)) {
            o.putNull(field);
        } else {
            o.put(field, v);
        }
    }

    /** Rows = approximable layers, columns = filters; the level is the filter's (majority) configuration. */
    private static void writeHeatMap(Path dir, Network net, Explorer.Point chosen) {
        List<ConvLayer> convs = net.weightedLayers();
        List<String> names = new ArrayList<>();
        List<String> used = new ArrayList<>(List.of("exact"));
        int[][] levels = new int[convs.size()][];
        for (int y = 0; y < convs.size(); y++) {
            ConvLayer l = convs.get(y);
            names.add(l.name());
            MultiplierConfig[][] c = chosen.map().resolve(l);
            levels[y] = new int[l.outC()];
            for (int oc = 0; oc < l.outC(); oc++) {
                String name = majority(c[oc]).name();
                if (!used.contains(name)) {
                    used.add(name);
                }
                levels[y][oc] = used.indexOf(name);
            }
        }
        ChartFiles.write(ConfigHeatMap.create("Configuration per filter of the chosen map (levels: "
                + String.join(", ", used.subList(0, Math.min(used.size(), 8)))
                + (used.size() > 8 ? ", …" : "") + ")", names, levels, used.size() - 1,
                "configuration #"), dir, "chosen-heatmap", 900, 420);
    }

    private static MultiplierConfig majority(MultiplierConfig[] row) {
        Map<MultiplierConfig, Integer> count = new LinkedHashMap<>();
        for (MultiplierConfig c : row) {
            count.merge(c, 1, Integer::sum);
        }
        return count.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    private static void writeSummaryJson(Path dir, Summary s, Exploration.Result result, Selection selection,
                                         double maxLossPts) {
        Explorer.Point chosen = selection.chosen();
        ObjectNode root = JSON.createObjectNode()
                .put("metric", result.metric())
                .put("search_samples", result.exact().samples())
                .put("exact_search_metric", result.exact().metric())
                .put("max_loss_pts", maxLossPts)
                .put("selection", result.rule(maxLossPts))
                .put("best_saving_on", result.validationExact() != null ? "validation" : "search");
        if (result.validationExact() != null) {
            root.put("validation_samples", result.validationExact().samples())
                    .put("exact_validation_metric", result.validationExact().metric())
                    .put("validation_statistics", result.validationMethod());
        }
        ObjectNode best = root.putObject("best_saving_pct");
        s.bestSaving().forEach((a, v) -> {
            ObjectNode o = best.putObject(a);
            for (int i = 0; i < v.length; i++) {
                o.put(String.format(Locale.ROOT, "within_%.0f_pts", LOSS_BOUNDS[i]), v[i]);
            }
        });
        ObjectNode hv = root.putObject("hypervolume");
        s.hypervolume().forEach(hv::put);
        root.put("hypervolume_definition", Explorer.HYPERVOLUME);
        ObjectNode ratio = root.putObject("maxdnn_over_alwann");
        for (int i = 0; i < LOSS_BOUNDS.length; i++) {
            double r = s.ratio()[i];
            if (Double.isNaN(r)) {
                ratio.putNull(String.format(Locale.ROOT, "within_%.0f_pts", LOSS_BOUNDS[i]));
            } else {
                ratio.put(String.format(Locale.ROOT, "within_%.0f_pts", LOSS_BOUNDS[i]), r);
            }
        }
        if (s.alwannVsUnsignedExact() != null) {
            ObjectNode own = root.putObject("alwann_saving_pct_vs_exact_unsigned");
            for (int i = 0; i < LOSS_BOUNDS.length; i++) {
                own.put(String.format(Locale.ROOT, "within_%.0f_pts", LOSS_BOUNDS[i]), s.alwannVsUnsignedExact()[i]);
            }
        }
        if (chosen == null) {
            root.put("chosen_none", selection.text());
        } else {
            ObjectNode c = root.putObject("chosen").put("approach", chosen.approach()).put("saving_pct", chosen.savingPct())
                    .put("search_loss_pts", chosen.lossPts()).put("search_loss_upper95_pts", selection.bound().highPts())
                    .put("search_metric", chosen.score().metric());
            putNumber(c, "agreement", chosen.score().agreement());
            Validation v = chosen.validation();
            if (v != null) {
                c.put("validation_metric", v.score().metric()).put("validation_loss_pts", v.lossPts());
                putNumber(c, "validation_ci_low", v.interval().low());
                putNumber(c, "validation_ci_high", v.interval().high());
                putNumber(c, "validation_p_value", v.pValue());
                putNumber(c, "validation_loss_lower95_pts", v.bound().lowPts());
                putNumber(c, "validation_loss_upper95_pts", v.bound().highPts());
            }
            c.put("map", "chosen-map.json").put("rejected_before_it", selection.rejected().size());
        }
        AtomicFiles.writeString(dir.resolve("summary.json"), root.toPrettyString() + "\n");
    }

    /** The metric, the validation split, the energy model and the search settings. */
    static Section overview(Input in) {
        Exploration.Result result = in.result();
        Section.Builder s = Section.builder("").paragraph(String.format(Locale.ROOT, "Metric: %s. The search chooses maps on "
                + "%d search samples, on which the exact model scores %.2f%%; loss is in percentage points of the metric "
                + "against the exact model (AUC points ×100 for anomaly detection). Agreement is top-1 agreement with the "
                + "exact model.", result.metric(), result.exact().samples(), 100 * result.exact().metric()));
        if (result.validationExact() != null) {
            s.paragraph(String.format(Locale.ROOT, "Every front point is also scored on %d held-out validation samples "
                    + "(exact model: %.2f%%), %s; the table below and the chosen "
                    + "point's reported figure are on validation data. Statistics: %s.", result.validationExact().samples(),
                    100 * result.validationExact().metric(), DataSplit.describe(result.task()), result.validationMethod()));
        }
        return s.paragraph("Energy model: network multiplier energy = Σ over layers and kernels of multiplications × pJ per "
                        + "multiplication of the kernel's configuration on that layer's own operand stream. Library: "
                        + in.energy().library() + ". Method: " + in.energy().method() + ". Savings are against the all-exact "
                        + "map on the same table.")
                .paragraph("Search: " + in.settingsText()).build();
    }

    /** The interactive explorer of every front and its maps (the page only; the fronts' tables follow). */
    static Section explorer(Input in) {
        return Section.builder("Pareto explorer").chart(ExplorerChart.of(in.net(), in.result(), in.maxLossPts(), null, ""))
                .build();
    }

    /** Per approach the best saving within each bound and the front's hypervolume; MAx-DNN against ALWANN; the chart. */
    static Section bestSavings(Input in) {
        Summary s = in.summary();
        List<Column> columns = new ArrayList<>(List.of(Column.text("approach", "approach")));
        for (double b : LOSS_BOUNDS) {
            columns.add(savingColumn(b));
        }
        columns.add(Column.number("hypervolume", "hypervolume", "", "%.4f"));
        Table.Builder best = Table.builder("summary", "", columns.toArray(Column[]::new));
        s.bestSaving().forEach((a, v) -> {
            List<Object> row = new ArrayList<>(List.of(a));
            Arrays.stream(v).forEach(row::add);
            row.add(s.hypervolume().get(a));
            best.row(row);
        });
        Section.Builder section = Section.builder("Best energy saving within a loss bound ("
                        + (in.result().validationExact() != null ? "validation" : "search") + " data)")
                .table(best.build()).paragraph("Hypervolume: " + Explorer.HYPERVOLUME + ".");
        if (s.alwannBest() != null) {
            Table.Builder versus = Table.builder("versus-alwann", "", Column.text("bound", "loss bound"),
                    Column.number("maxdnn_best_saving_pct", "MAx-DNN best", "%", "%.1f").csv("%.3f"),
                    Column.number("alwann_best_saving_pct", "ALWANN best", "%", "%.1f").csv("%.3f"),
                    Column.number("maxdnn_over_alwann", "MAx-DNN best / ALWANN", "x", "%.2f").csv("%.4f"),
                    Column.number("alwann_saving_pct_vs_exact_unsigned", "ALWANN vs its own exact unsigned multiplier "
                            + "(mul8u_1JFF everywhere)", "%", "%.1f").csv("%.3f"));
            for (int i = 0; i < LOSS_BOUNDS.length; i++) {
                versus.row(String.format(Locale.ROOT, "≤ %.0f pts", LOSS_BOUNDS[i]), s.maxDnnBest()[i], s.alwannBest()[i],
                        s.ratio()[i], s.alwannVsUnsignedExact()[i]);
            }
            section.table(versus.build()).paragraph("Savings are against the all-exact map of this project's signed "
                    + "radix-4 Booth multiplier. ALWANN's tables multiply unsigned codes (activation + 128, weight + 128, "
                    + "the TFApprox mapping); on the real operand streams the exact unsigned multiplier itself costs more "
                    + "than the signed one, which the ALWANN best column includes and the last column leaves out.");
        }
        return section.figure("tradeoff", "Pareto fronts of every approach on search data, for papers (PNG; click for "
                + "SVG); the explorer above has the validation figures").build();
    }

    /**
     * The MAx-DNN map kept within the bound with the uncertainty ({@link Selection}), its map and heat
     * map, what was rejected, and the point the search loss alone would have picked.
     */
    static Section chosenPoint(Input in) {
        Selection sel = in.chosen();
        Section.Builder s = Section.builder("Chosen point").paragraph("Chosen: " + sel.text() + ".")
                .paragraph("Rule: " + in.result().rule(in.maxLossPts()) + ".");
        Explorer.Point naive = sel.naive();
        if (naive != null && naive != sel.chosen()) {
            s.paragraph(String.format(Locale.ROOT, "The search loss alone (largest saving whose search loss is within "
                    + "%.1f points) would pick %s, saving %.1f%%, search loss %.2f pts (upper bound %.2f), %s.",
                    in.maxLossPts(), naive.approach(), naive.savingPct(), naive.lossPts(),
                    in.searchBounds().get(naive).highPts(), Selection.validationText(naive)));
        }
        s.link("chosen-map.json", "chosen-map.json");
        if (sel.chosen() == null) {
            return s.build();
        }
        return s
                .figure("chosen-heatmap", "Configuration per filter (majority over its kernels)").build();
    }

    /** Every front, a table of its points each ({@code APPROACH/pareto.csv}). */
    static Section fronts(Input in) {
        Section.Builder s = Section.builder("Fronts");
        for (Explorer.Front f : in.result().fronts()) {
            s.paragraph("Approach " + f.space().name() + ": " + f.space().description() + String.format(Locale.ROOT,
                    ". %d maps evaluated in %.0f s; hypervolume %.4f.", f.evaluations(), f.seconds(), f.hypervolume()));
            s.table(frontTable(f, in.result().validationExact() == null ? Double.NaN
                    : in.result().validationExact().metric(), in.searchBounds()));
        }
        return s.build();
    }

    /**
     * A front's points: saving, energy, search figures with the search loss's upper bound ({@code
     * bounds}), validation figures with the loss's one-sided bounds, map file. The validation
     * metric's 95% interval is also given as loss against {@code exactValidationMetric} (the exact
     * model's, on the same samples): the explorer's whiskers.
     */
    static Table frontTable(Explorer.Front f, double exactValidationMetric, Map<Explorer.Point, LossBound> bounds) {
        Table.Builder t = Table.builder(f.space().name() + "/pareto", "", Column.number("point", "point", "", "%d"),
                Column.number("saving_pct", "saving", "%", "%.1f").csv("%.3f"),
                Column.number("energy_pj", "energy", "pJ", "%.0f").csv("%.1f"),
                Column.number("search_metric_pct", "search metric", "%", "%.2f").csv("%.3f"),
                Column.number("search_loss_pts", "search loss", "pts", "%.2f").csv("%.3f"),
                Column.number("search_loss_upper95_pts", "upper bound", "pts", "%.2f").csv("%.3f"),
                Column.number("agreement_pct", "agreement", "%", "%.1f").csv("%.3f"),
                Column.number("search_samples", "search samples", "", "%d"),
                Column.number("validation_metric_pct", "validation metric", "%", "%.2f").csv("%.3f"),
                Column.number("validation_loss_pts", "validation loss", "pts", "%.2f").csv("%.3f"),
                Column.number("validation_ci_low_pct", "95% interval low", "%", "%.1f").csv("%.3f"),
                Column.number("validation_ci_high_pct", "high", "%", "%.1f").csv("%.3f"),
                Column.number("validation_p_value", "p vs exact", "", "%.3g").csv("%.4g"),
                Column.number("validation_loss_low_pts", "loss interval low", "pts", "%.2f").csv("%.3f"),
                Column.number("validation_loss_high_pts", "high", "pts", "%.2f").csv("%.3f"),
                Column.number("validation_loss_lower95_pts", "loss one-sided 95% lower bound", "pts", "%.2f").csv("%.3f"),
                Column.number("validation_loss_upper95_pts", "upper bound", "pts", "%.2f").csv("%.3f"),
                Column.number("validation_samples", "validation samples", "", "%d"),
                Column.text("map", "map"));
        for (int i = 0; i < f.points().size(); i++) {
            Explorer.Point p = f.points().get(i);
            Validation v = p.validation();
            t.row(i, p.savingPct(), p.pj(), 100 * p.score().metric(), p.lossPts(), bounds.get(p).highPts(),
                    100 * p.score().agreement(), p.score().samples(), v == null ? null : 100 * v.score().metric(),
                    v == null ? null : v.lossPts(), v == null ? null : 100 * v.interval().low(),
                    v == null ? null : 100 * v.interval().high(), v == null ? null : v.pValue(),
                    v == null ? null : 100 * (exactValidationMetric - v.interval().high()),
                    v == null ? null : 100 * (exactValidationMetric - v.interval().low()),
                    v == null ? null : v.bound().lowPts(), v == null ? null : v.bound().highPts(),
                    v == null ? null : v.score().samples(), mapFile(i));
        }
        return t.build();
    }

    /** The column of the best saving within {@code boundPts}. */
    private static Column savingColumn(double boundPts) {
        return Column.number(String.format(Locale.ROOT, "best_saving_pct_within_%.0f_pts", boundPts),
                String.format(Locale.ROOT, "≤ %.0f pts", boundPts), "%", "%.1f").csv("%.3f");
    }

    /**
     * ", validation 84.00% (loss 1.33 pts, upper bound 2.10 pts, 95% interval 77.1–89.4%, p = 0.25 vs exact)",
     * or "" when not validated.
     */
    public static String validationText(Explorer.Point p) {
        Validation v = p.validation();
        return v == null ? "" : String.format(Locale.ROOT, ", validation %.2f%% (loss %.2f pts, upper bound %.2f pts, 95%% "
                + "interval %.1f–%.1f%%, p = %.3g vs exact)", 100 * v.score().metric(), v.lossPts(), v.bound().highPts(),
                100 * v.interval().low(), 100 * v.interval().high(), v.pValue());
    }
}
