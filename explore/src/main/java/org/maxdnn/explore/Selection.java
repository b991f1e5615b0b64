package org.maxdnn.explore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.maxdnn.task.Task;

/**
 * The map a front promises to keep within {@code --max-loss L}, picked with the uncertainty (SPEC
 * §9.1): from the largest saving down, a point is kept when the {@link LossBound one-sided 95% upper
 * bound} of its loss on the search data that chose it is within L, and it is chosen when its
 * validation confirms it: the upper bound of its validation loss within L too. A point the
 * validation does not confirm (its validation loss may be, or is significantly, worse than L) is
 * rejected and the next one is tried; when none is confirmed the choice is the exact map.
 * The point picked by the search figure alone (the largest saving whose search loss is within L,
 * the old rule) is kept beside it for reports.
 *
 * @param chosen   the chosen point, or null: the exact map
 * @param bound    the chosen point's bounds on search data (null when none is chosen)
 * @param rejected points kept on search data whose validation did not confirm them, largest saving first
 * @param naive    the point the search loss alone would pick, or null
 */
public record Selection(Explorer.Point chosen, LossBound bound, List<Rejected> rejected, Explorer.Point naive,
                        double maxLossPts) {
    /** A point kept on search data but not confirmed on validation data, with its search bounds. */
    public record Rejected(Explorer.Point point, LossBound search) {
        /** Whether its validation loss is significantly worse than the bound (its lower bound above it). */
        public boolean significantlyWorse(double maxLossPts) {
            return point.validation().bound().lowPts() > maxLossPts + 1e-9;
        }
    }

    /** How the choice is made, for reports. */
    public static String rule(Task task, double maxLossPts) {
        return String.format(Locale.ROOT, "the largest saving whose loss's upper bound is within %.1f points on the "
                + "search part, confirmed by its upper bound within %.1f points on the validation part (%s); a point "
                + "the validation does not confirm is skipped for the next one, and with none the exact map is used",
                maxLossPts, maxLossPts, LossBound.method(task));
    }

    /**
     * Picks from every point of {@code fronts}; {@code searchTask} and {@code searchExact} are the
     * search part's task and the exact model's score on it (the points' own scores are on it too).
     */
    public static Selection of(List<Explorer.Front> fronts, Task searchTask, AccuracyOracle.Score searchExact,
                               double maxLossPts) {
        return of(fronts, p -> LossBound.of(searchTask, p.score(), searchExact), maxLossPts);
    }

    /** The same, each point's search bounds from {@code searchBound} ({@link Exploration.Result#searchBound}). */
    public static Selection of(List<Explorer.Front> fronts, Function<Explorer.Point, LossBound> searchBound,
                               double maxLossPts) {
        List<Explorer.Point> points = new ArrayList<>();
        fronts.forEach(f -> points.addAll(f.points()));
        // largest saving first; of equal savings the earlier front's point
        points.sort(Comparator.comparingDouble(Explorer.Point::savingPct).reversed());
        Explorer.Point naive = points.stream().filter(p -> p.lossPts() <= maxLossPts + 1e-9).findFirst().orElse(null);
        List<Rejected> rejected = new ArrayList<>();
        for (Explorer.Point p : points) {
            if (p.lossPts() > maxLossPts + 1e-9) {
                continue; // its upper bound is above its loss, so above the bound too
            }
            LossBound search = searchBound.apply(p);
            if (search.highPts() > maxLossPts + 1e-9) {
                continue;
            }
            if (p.validation() == null || p.validation().bound().highPts() <= maxLossPts + 1e-9) {
                return new Selection(p, search, List.copyOf(rejected), naive, maxLossPts);
            }
            rejected.add(new Rejected(p, search));
        }
        return new Selection(null, null, List.copyOf(rejected), naive, maxLossPts);
    }

    /**
     * The choice in one line: the chosen point's validation loss with its bound and interval, the
     * search figure beside it, and what was rejected; or why the exact map is used.
     */
    public String text() {
        String skipped = rejected.isEmpty() ? "" : String.format(Locale.ROOT, "; %d larger saving(s) kept on search data "
                + "were not confirmed on validation data (%s)", rejected.size(), rejectedText(rejected.get(0)));
        if (chosen == null) {
            return String.format(Locale.ROOT, "no approximate map keeps within %.1f points with 95%% confidence: the exact "
                    + "map is used%s", maxLossPts, skipped);
        }
        return String.format(Locale.ROOT, "%s, saving %.1f%%, %s; search loss %.2f pts (upper bound %.2f)%s",
                chosen.approach(), chosen.savingPct(), validationText(chosen), chosen.lossPts(), bound.highPts(), skipped);
    }

    private String rejectedText(Rejected r) {
        Validation v = r.point().validation();
        return String.format(Locale.ROOT, "the largest: %s, saving %.1f%%, search loss %.2f pts (upper bound %.2f), "
                        + "validation loss %.2f pts (bounds %.2f to %.2f)%s", r.point().approach(), r.point().savingPct(),
                r.point().lossPts(), r.search().highPts(), v.lossPts(), v.bound().lowPts(), v.bound().highPts(),
                r.significantlyWorse(maxLossPts) ? ", significantly worse than the bound" : "");
    }

    /**
     * "validation loss 1.33 pts (upper bound 2.10; 84.00%, 95% interval 77.1–89.4%, p = 0.25 vs exact)",
     * or "not validated".
     */
    public static String validationText(Explorer.Point p) {
        Validation v = p.validation();
        return v == null ? "not validated" : String.format(Locale.ROOT, "validation loss %.2f pts (upper bound %.2f; "
                + "%.2f%%, 95%% interval %.1f–%.1f%%, p = %.3g vs exact)", v.lossPts(), v.bound().highPts(),
                100 * v.score().metric(), 100 * v.interval().low(), 100 * v.interval().high(), v.pValue());
    }
}
