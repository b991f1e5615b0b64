package org.maxdnn.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.maxdnn.explore.AccuracyOracle;
import org.maxdnn.explore.Explorer;
import org.maxdnn.explore.LossBound;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.report.Column;
import org.maxdnn.report.Section;
import org.maxdnn.report.Table;

/**
 * The maps an exploration picked, scored also on a labelled set none of them was chosen on: for the
 * CIFAR-10 networks, whose default search and validation data are the 4,964 JPEG copies of CIFAR-10
 * test images, the clean MLPerf Tiny images. JPEG compression costs the exact ResNet-8 about ten
 * points, so the JPEG figures are not CIFAR-10 accuracy; these are. Each map's metric there, its
 * loss against the exact model and the loss's one-sided 95% bounds ({@link LossBound}).
 *
 * @param set  what the set is, in words
 * @param method how the loss bounds are computed
 * @param rows   the exact map first, then each picked map
 */
public record CleanFigures(String set, int samples, String metric, String method, List<Row> rows) {
    /** One map on the clean set; {@code point} is null for the exact map. */
    public record Row(String name, Explorer.Point point, double metricPct, LossBound loss) {
    }

    /** {@code maps} (name to point, in order; a null point, none picked, is the exact map) scored on {@code clean}'s images. */
    public static CleanFigures of(Workload clean, String set, Map<String, Explorer.Point> maps, int threads) {
        AccuracyOracle oracle = new AccuracyOracle(clean.net(), clean.dataSet(), clean.registry(), threads);
        AccuracyOracle.Score exact = oracle.exact();
        List<Row> rows = new ArrayList<>(List.of(new Row("exact", null, 100 * exact.metric(),
                LossBound.of(oracle.task(), exact, exact))));
        maps.forEach((name, p) -> {
            AccuracyOracle.Score s = oracle.score(p == null ? ApproxMap.exact() : p.map());
            rows.add(new Row(name, p, 100 * s.metric(), LossBound.of(oracle.task(), s, exact)));
        });
        return new CleanFigures(set, exact.samples(), oracle.task().metricName(), LossBound.method(oracle.task()),
                List.copyOf(rows));
    }

    /** The row of {@code name}, or null. */
    public Row row(String name) {
        return rows.stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
    }

    /** "on the 150 clean images: 84.00% (exact 85.33%; loss 1.33 pts, bounds −0.85 to 3.52)", or "" when {@code name} has no row. */
    public String text(String name) {
        Row r = row(name);
        return r == null ? "" : String.format(Locale.ROOT, "on the %d %s: %.2f%% (exact %.2f%%; loss %.2f pts, bounds %.2f "
                + "to %.2f)", samples, set, r.metricPct(), rows.get(0).metricPct(), r.loss().lossPts(), r.loss().lowPts(),
                r.loss().highPts());
    }

    /** The table ({@code clean.csv}) in a section of its own. */
    public Section section() {
        Table.Builder t = Table.builder("clean", "", Column.text("map", "map"), Column.text("approach", "approach"),
                Column.number("saving_pct", "saving", "%", "%.1f").csv("%.3f"),
                Column.number("clean_metric_pct", metric + " on the " + set, "%", "%.2f").csv("%.3f"),
                Column.number("clean_loss_pts", "loss", "pts", "%.2f").csv("%.3f"),
                Column.number("clean_loss_low_pts", "lower bound", "pts", "%.2f").csv("%.3f"),
                Column.number("clean_loss_high_pts", "upper bound", "pts", "%.2f").csv("%.3f"));
        for (Row r : rows) {
            t.row(r.name(), r.point() == null ? "exact" : r.point().approach(), r.point() == null ? 0.0 : r.point().savingPct(),
                    r.metricPct(), r.loss().lossPts(), r.loss().lowPts(), r.loss().highPts());
        }
        return Section.builder("On the " + samples + " " + set).paragraph(String.format(Locale.ROOT, "The picked maps "
                + "scored on the %d %s, which chose none of them: %s, loss against the exact model with %s.", samples, set,
                metric, method)).table(t.build()).build();
    }
}
