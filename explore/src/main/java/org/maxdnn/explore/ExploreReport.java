package org.maxdnn.explore;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.maxdnn.report.HtmlPage;
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

    /** Writes every output under {@code dir} and returns the summary. */
    public static Summary write(Path dir, Network net, Exploration.Result result, EnergyTable energy,
                                double maxLossPts, String settingsText) {
        for (Explorer.Front f : result.fronts()) {
            writeFront(dir.resolve(f.space().name()), f);
        }
        List<TradeoffChart.Series> series = new ArrayList<>();
        for (Explorer.Front f : result.fronts()) {
            series.add(new TradeoffChart.Series(f.space().name(),
                    f.points().stream().mapToDouble(Explorer.Point::savingPct).toArray(),
                    f.points().stream().mapToDouble(Explorer.Point::lossPts).toArray()));
        }
        ChartFiles.write(TradeoffChart.create(result.metric() + " loss on search data vs multiplier energy saving ("
                + result.exact().samples() + " samples)", series), dir, "tradeoff", 900, 600);
        Explorer.Point chosen = result.chosen(maxLossPts);
        if (chosen != null) {
            chosen.map().write(dir.resolve("chosen-map.json"));
            writeHeatMap(dir, net, chosen);
        }
        MultiplierConfig unsignedExact = TableConfig.lut("mul8u_1JFF");
        boolean known = net.weightedLayers().stream().allMatch(l -> energy.has(l.name(), unsignedExact));
        double unsignedPj = known ? MapEnergy.of(net, ApproxMap.uniform(unsignedExact), energy).pj() : Double.NaN;
        Summary summary = summary(result, unsignedPj);
        writeSummary(dir, summary, result, chosen, maxLossPts);
        writeHtml(dir, net, result, summary, chosen, energy, maxLossPts, settingsText);
        return summary;
    }

    private static void writeFront(Path dir, Explorer.Front f) {
        StringBuilder csv = new StringBuilder("point,saving_pct,energy_pj,search_metric_pct,search_loss_pts,agreement_pct,"
                + "search_samples,validation_metric_pct,validation_loss_pts,validation_ci_low_pct,validation_ci_high_pct,"
                + "validation_p_value,validation_samples,map\n");
        ArrayNode json = JSON.createArrayNode();
        for (int i = 0; i < f.points().size(); i++) {
            Explorer.Point p = f.points().get(i);
            String mapFile = "maps/p" + String.format(Locale.ROOT, "%02d", i) + ".json";
            p.map().write(dir.resolve(mapFile));
            Validation v = p.validation();
            csv.append(String.format(Locale.ROOT, "%d,%.3f,%.1f,%.3f,%.3f,%s,%d,", i, p.savingPct(), p.pj(),
                    100 * p.score().metric(), p.lossPts(), pct(p.score().agreement()), p.score().samples()));
            csv.append(v == null ? ",,,,,," : String.format(Locale.ROOT, "%.3f,%.3f,%.3f,%.3f,%.4g,%d,",
                    100 * v.score().metric(), v.lossPts(), 100 * v.interval().low(), 100 * v.interval().high(),
                    v.pValue(), v.score().samples()));
            csv.append(mapFile).append('\n');
            ObjectNode o = json.addObject().put("point", i).put("saving_pct", p.savingPct()).put("energy_pj", p.pj())
                    .put("search_metric", p.score().metric()).put("search_loss_pts", p.lossPts())
                    .put("search_samples", p.score().samples());
            putNumber(o, "agreement", p.score().agreement());
            if (v != null) {
                o.put("validation_metric", v.score().metric()).put("validation_loss_pts", v.lossPts());
                putNumber(o, "validation_ci_low", v.interval().low());
                putNumber(o, "validation_ci_high", v.interval().high());
                putNumber(o, "validation_p_value", v.pValue());
                o.put("validation_samples", v.score().samples());
            }
            o.put("map", mapFile);
            ArrayNode g = o.putArray("genome");
            Arrays.stream(p.genome()).forEach(g::add);
        }
        AtomicFiles.writeString(dir.resolve("pareto.csv"), csv.toString());
        ObjectNode root = JSON.createObjectNode().put("approach", f.space().name())
                .put("description", f.space().description()).put("evaluations", f.evaluations())
                .put("seconds", f.seconds()).put("hypervolume", f.hypervolume())
                .put("hypervolume_definition", Explorer.HYPERVOLUME);
        root.set("points", json);
        AtomicFiles.writeString(dir.resolve("pareto.json"), root.toPrettyString() + "\n");
    }

    /** A share as percent, empty when undefined (agreement of an anomaly detector). */
    private static String pct(double share) {
        return Double.isNaN(share) ? "" : String.format(Locale.ROOT, "%.3f", 100 * share);
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

    private static void writeSummary(Path dir, Summary s, Exploration.Result result, Explorer.Point chosen,
                                     double maxLossPts) {
        StringBuilder csv = new StringBuilder("approach");
        for (double b : LOSS_BOUNDS) {
            csv.append(String.format(Locale.ROOT, ",best_saving_pct_within_%.0f_pts", b));
        }
        csv.append(",hypervolume\n");
        s.bestSaving().forEach((a, v) -> {
            csv.append(a);
            for (double x : v) {
                csv.append(String.format(Locale.ROOT, ",%.3f", x));
            }
            csv.append(String.format(Locale.ROOT, ",%.4f%n", s.hypervolume().get(a)));
        });
        AtomicFiles.writeString(dir.resolve("summary.csv"), csv.toString());
        ObjectNode root = JSON.createObjectNode()
                .put("metric", result.metric())
                .put("search_samples", result.exact().samples())
                .put("exact_search_metric", result.exact().metric())
                .put("max_loss_pts", maxLossPts)
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
        if (chosen != null) {
            ObjectNode c = root.putObject("chosen").put("approach", chosen.approach()).put("saving_pct", chosen.savingPct())
                    .put("search_loss_pts", chosen.lossPts()).put("search_metric", chosen.score().metric());
            putNumber(c, "agreement", chosen.score().agreement());
            Validation v = chosen.validation();
            if (v != null) {
                c.put("validation_metric", v.score().metric()).put("validation_loss_pts", v.lossPts());
                putNumber(c, "validation_ci_low", v.interval().low());
                putNumber(c, "validation_ci_high", v.interval().high());
                putNumber(c, "validation_p_value", v.pValue());
            }
            c.put("map", "chosen-map.json");
        }
        AtomicFiles.writeString(dir.resolve("summary.json"), root.toPrettyString() + "\n");
    }

    private static void writeHtml(Path dir, Network net, Exploration.Result result, Summary s, Explorer.Point chosen,
                                  EnergyTable energy, double maxLossPts, String settingsText) {
        HtmlPage html = new HtmlPage("MAx-DNN exploration: " + net.model().file().getFileName()
                + ", ROUP multipliers vs ALWANN");
        html.paragraph(String.format(Locale.ROOT, "Metric: %s. The search chooses maps on %d search samples, on which "
                + "the exact model scores %.2f%%; loss is in percentage points of the metric against the exact model "
                + "(AUC points ×100 for anomaly detection). Agreement is top-1 agreement with the exact model.",
                result.metric(), result.exact().samples(), 100 * result.exact().metric()));
        if (result.validationExact() != null) {
            html.paragraph(String.format(Locale.ROOT, "Every front point is also scored on %d held-out validation "
                    + "samples (exact model: %.2f%%), a deterministic split stratified by label; the table below and "
                    + "the chosen point's reported figure are on validation data. Statistics: %s.",
                    result.validationExact().samples(), 100 * result.validationExact().metric(),
                    result.validationMethod()));
        }
        html.paragraph("Energy model: network multiplier energy = Σ over layers and kernels of multiplications × pJ per "
                + "multiplication of the kernel's configuration on that layer's own operand stream. Library: "
                + energy.library() + ". Method: " + energy.method() + ". Savings are against the all-exact map on the same table.");
        html.paragraph("Search: " + settingsText);
        html.heading("Best energy saving within a loss bound (" + (result.validationExact() != null ? "validation" : "search")
                + " data)");
        List<String> header = new ArrayList<>(List.of("approach"));
        for (double b : LOSS_BOUNDS) {
            header.add(String.format(Locale.ROOT, "≤ %.0f pts", b));
        }
        header.add("hypervolume");
        List<List<String>> rows = new ArrayList<>();
        s.bestSaving().forEach((a, v) -> {
            List<String> r = new ArrayList<>(List.of(a));
            for (double x : v) {
                r.add(String.format(Locale.ROOT, "%.1f%%", x));
            }
            r.add(String.format(Locale.ROOT, "%.4f", s.hypervolume().get(a)));
            rows.add(r);
        });
        List<String> ratio = new ArrayList<>(List.of("MAx-DNN best / ALWANN"));
        for (double r : s.ratio()) {
            ratio.add(Double.isNaN(r) ? "n/a" : String.format(Locale.ROOT, "%.2fx", r));
        }
        ratio.add("");
        rows.add(ratio);
        if (s.alwannVsUnsignedExact() != null) {
            List<String> own = new ArrayList<>(List.of("ALWANN vs its own exact unsigned multiplier (mul8u_1JFF everywhere)"));
            for (double x : s.alwannVsUnsignedExact()) {
                own.add(String.format(Locale.ROOT, "%.1f%%", x));
            }
            own.add("");
            rows.add(own);
        }
        html.table(header, rows);
        html.paragraph("Hypervolume: " + Explorer.HYPERVOLUME + ".");
        html.paragraph("Savings are against the all-exact map of this project's signed radix-4 Booth multiplier. ALWANN's "
                + "tables multiply unsigned codes (activation + 128, weight + 128, the TFApprox mapping); on the real "
                + "operand streams the exact unsigned multiplier itself costs more than the signed one, which the first "
                + "ALWANN row includes and the last row leaves out.");
        html.figure("tradeoff", "Pareto fronts of every approach (PNG; click for SVG)");
        if (chosen != null) {
            html.heading("Chosen point");
            html.paragraph(String.format(Locale.ROOT, "Largest MAx-DNN saving within %.1f points on search data: %s, "
                    + "saving %.1f%%, search %.2f%% (loss %.2f pts)%s.", maxLossPts, chosen.approach(),
                    chosen.savingPct(), 100 * chosen.score().metric(), chosen.lossPts(), validationText(chosen)));
            html.link("chosen-map.json", "chosen-map.json");
            html.figure("chosen-heatmap", "Configuration per filter (majority over its kernels)");
        }
        for (Explorer.Front f : result.fronts()) {
            html.heading("Approach: " + f.space().name());
            html.paragraph(f.space().description() + String.format(Locale.ROOT,
                    ". %d maps evaluated in %.0f s; hypervolume %.4f.", f.evaluations(), f.seconds(), f.hypervolume()));
            List<List<String>> pts = new ArrayList<>();
            for (int i = 0; i < f.points().size(); i++) {
                Explorer.Point p = f.points().get(i);
                Validation v = p.validation();
                pts.add(List.of(Integer.toString(i), String.format(Locale.ROOT, "%.1f%%", p.savingPct()),
                        String.format(Locale.ROOT, "%.2f", p.lossPts()),
                        Double.isNaN(p.score().agreement()) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * p.score().agreement()),
                        v == null ? "" : String.format(Locale.ROOT, "%.2f", v.lossPts()),
                        v == null ? "" : String.format(Locale.ROOT, "%.1f–%.1f%%", 100 * v.interval().low(), 100 * v.interval().high()),
                        v == null ? "" : String.format(Locale.ROOT, "%.3g", v.pValue()),
                        f.space().name() + "/maps/p" + String.format(Locale.ROOT, "%02d", i) + ".json"));
            }
            html.table(List.of("point", "saving", "search loss (pts)", "agreement", "validation loss (pts)",
                    "validation 95% interval", "p vs exact", "map"), pts);
            html.link(f.space().name() + "/pareto.csv", f.space().name() + "/pareto.csv");
        }
        html.write(dir.resolve("report.html"));
    }

    /** ", validation 84.00% (loss 1.33 pts, 95% interval 77.1–89.4%, p = 0.25 vs exact)", or "" when not validated. */
    public static String validationText(Explorer.Point p) {
        Validation v = p.validation();
        return v == null ? "" : String.format(Locale.ROOT, ", validation %.2f%% (loss %.2f pts, 95%% interval %.1f–%.1f%%, "
                + "p = %.3g vs exact)", 100 * v.score().metric(), v.lossPts(), 100 * v.interval().low(),
                100 * v.interval().high(), v.pValue());
    }
}
