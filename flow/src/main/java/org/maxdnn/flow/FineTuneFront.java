package org.maxdnn.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.maxdnn.MaxdnnException;
import org.maxdnn.explore.ChartFiles;
import org.maxdnn.explore.ExploreReport;
import org.maxdnn.explore.TradeoffChart;
import org.maxdnn.io.AtomicFiles;
import org.maxdnn.map.ApproxMap;

/**
 * The fronts of an exploration with fine-tuning: from each approach's post-training front
 * ({@code APPROACH/pareto.json} of {@code explore}) the most promising maps — the largest savings whose
 * post-training validation loss is still within reach — are fine-tuned with one schedule, beside the
 * same schedule's fine-tuned exact baseline, and the front is redrawn with both kinds of point:
 * post-training (loss of the original model under the map against the original model) and fine-tuned
 * (loss of the fine-tuned model under the map against the fine-tuned exact baseline), on the first
 * grading set. {@code front.csv} has every point on every grading set, {@code front-summary.csv} the
 * best fine-tuned saving within 1, 2 and 4 points per approach and grading set.
 */
public final class FineTuneFront {
    private FineTuneFront() {
    }

    /** One front point to fine-tune: its approach, map and post-training figures from the exploration. */
    public record Candidate(String approach, int point, Path map, double savingPct, double postLossPts) {
        public String name() {
            return approach + String.format(Locale.ROOT, "-p%02d", point);
        }
    }

    /** A fine-tuned candidate. */
    public record Point(Candidate candidate, FineTune.Result result) {
    }

    /**
     * Per approach folder of {@code exploreDir}, its {@code perApproach} front points of largest saving
     * whose validation loss (search loss when there is no validation part) is at most {@code maxLossPts}.
     */
    public static List<Candidate> promising(Path exploreDir, int perApproach, double maxLossPts) {
        List<Candidate> out = new ArrayList<>();
        ObjectMapper om = new ObjectMapper();
        List<Path> fronts;
        try (Stream<Path> s = Files.list(exploreDir)) {
            fronts = s.map(d -> d.resolve("pareto.json")).filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw MaxdnnException.badInput("cannot list exploration folder " + exploreDir + ": " + e.getMessage(), e);
        }
        if (fronts.isEmpty()) {
            throw MaxdnnException.badInput("exploration folder " + exploreDir + " has no APPROACH/pareto.json (the "
                    + "output folder of maxdnn explore)");
        }
        for (Path f : fronts) {
            JsonNode root;
            try {
                root = om.readTree(f.toFile());
            } catch (IOException e) {
                throw MaxdnnException.badInput("cannot read " + f + ": " + e.getMessage(), e);
            }
            List<Candidate> all = new ArrayList<>();
            for (JsonNode p : root.path("points")) {
                double loss = p.has("validation_loss_pts") ? p.get("validation_loss_pts").asDouble()
                        : p.path("search_loss_pts").asDouble();
                if (loss <= maxLossPts && p.get("saving_pct").asDouble() > 0) {
                    all.add(new Candidate(root.path("approach").asText(f.getParent().getFileName().toString()),
                            p.get("point").asInt(), f.getParent().resolve(p.get("map").asText()),
                            p.get("saving_pct").asDouble(), loss));
                }
            }
            all.stream().sorted(Comparator.comparingDouble(Candidate::savingPct).reversed()).limit(perApproach)
                    .forEach(out::add);
        }
        return out;
    }

    /**
     * Fine-tunes each candidate with {@code template}'s model, data, schedule and baseline (the
     * fine-tuned exact model), each into {@code out/NAME}, then writes the front.
     */
    public static List<Point> run(List<Candidate> candidates, FineTune.Request template, Trainer trainer,
                                  FlowListener listener) {
        List<Point> points = new ArrayList<>();
        for (Candidate c : candidates) {
            listener.stage(String.format(Locale.ROOT, "%s: saving %.1f%%, post-training validation loss %.2f pts",
                    c.name(), c.savingPct(), c.postLossPts()));
            FineTune.Request r = template.withMap(c.map(), ApproxMap.read(c.map())).withOut(template.out().resolve(c.name()));
            points.add(new Point(c, FineTune.run(r, trainer, listener)));
        }
        write(points, template.out());
        return points;
    }

    /** {@code front.csv}, {@code front-summary.csv} and {@code front.png}/{@code .svg} in {@code out}. */
    static void write(List<Point> points, Path out) {
        StringBuilder csv = new StringBuilder("approach,point,saving_pct,post_training_validation_loss_pts,set,samples,"
                + "original_exact_pct,original_map_pct,finetuned_map_pct,finetuned_map_ci_low_pct,"
                + "finetuned_map_ci_high_pct,baseline_exact_pct,loss_vs_baseline_pts,loss_vs_original_pts,map\n");
        Map<String, List<double[]>> post = new LinkedHashMap<>();
        Map<String, List<double[]>> tuned = new LinkedHashMap<>();
        Map<String, double[]> best = new LinkedHashMap<>();
        for (Point p : points) {
            Candidate c = p.candidate();
            for (int g = 0; g < p.result().grades().size(); g++) {
                FineTune.Grade grade = p.result().grades().get(g);
                double loss = grade.baselineExact() != null ? grade.lossVsBaselinePts() : grade.lossVsOriginalPts();
                csv.append(String.format(Locale.ROOT, "%s,%d,%.3f,%.3f,%s,%d,%.3f,%.3f,%.3f,%.3f,%.3f,%s,%s,%.3f,%s%n",
                        c.approach(), c.point(), c.savingPct(), c.postLossPts(), grade.set(),
                        grade.finetunedMap().samples(), grade.originalExact().pct(), grade.originalMap().pct(),
                        grade.finetunedMap().pct(), 100 * grade.finetunedMap().interval().low(),
                        100 * grade.finetunedMap().interval().high(),
                        grade.baselineExact() == null ? "" : String.format(Locale.ROOT, "%.3f", grade.baselineExact().pct()),
                        grade.baselineExact() == null ? "" : String.format(Locale.ROOT, "%.3f", grade.lossVsBaselinePts()),
                        grade.lossVsOriginalPts(), c.map()));
                double[] b = best.computeIfAbsent(c.approach() + "," + grade.set(),
                        k -> new double[ExploreReport.LOSS_BOUNDS.length]);
                for (int i = 0; i < b.length; i++) {
                    if (loss <= ExploreReport.LOSS_BOUNDS[i]) {
                        b[i] = Math.max(b[i], c.savingPct());
                    }
                }
                if (g == 0) {
                    post.computeIfAbsent(c.approach(), k -> new ArrayList<>())
                            .add(new double[] {c.savingPct(), grade.originalExact().pct() - grade.originalMap().pct()});
                    tuned.computeIfAbsent(c.approach(), k -> new ArrayList<>()).add(new double[] {c.savingPct(), loss});
                }
            }
        }
        AtomicFiles.writeString(out.resolve("front.csv"), csv.toString());
        StringBuilder summary = new StringBuilder("approach,set");
        for (double b : ExploreReport.LOSS_BOUNDS) {
            summary.append(String.format(Locale.ROOT, ",best_saving_within_%.0f_pts", b));
        }
        summary.append('\n');
        best.forEach((k, v) -> {
            summary.append(k);
            for (double s : v) {
                summary.append(String.format(Locale.ROOT, ",%.1f", s));
            }
            summary.append('\n');
        });
        AtomicFiles.writeString(out.resolve("front-summary.csv"), summary.toString());
        List<TradeoffChart.Series> series = new ArrayList<>();
        post.forEach((a, pts) -> series.add(series(a + " post-training", pts)));
        tuned.forEach((a, pts) -> series.add(series(a + " fine-tuned", pts)));
        ChartFiles.write(TradeoffChart.create("Post-training and fine-tuned", series), out, "front", 900, 600);
    }

    private static TradeoffChart.Series series(String name, List<double[]> pts) {
        List<double[]> sorted = pts.stream().sorted(Comparator.comparingDouble(p -> p[0])).toList();
        return new TradeoffChart.Series(name, sorted.stream().mapToDouble(p -> p[0]).toArray(),
                sorted.stream().mapToDouble(p -> p[1]).toArray());
    }
}
