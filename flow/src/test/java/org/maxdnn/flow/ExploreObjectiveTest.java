package org.maxdnn.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.maxdnn.explore.Explorer;
import org.maxdnn.task.AnomalyDetection;
import org.maxdnn.task.Classification;

/** What the exploration says it minimises: --objective agreement on anomaly detection says it searches the AUC. */
class ExploreObjectiveTest {
    private static ExploreMaps.Settings settings(Explorer.Objective o) {
        return new ExploreMaps.Settings(List.of("layer"), false, 4, 4, 1, 1, true, false, o);
    }

    @Test
    void agreementWithoutTop1SaysTheMetricIsSearched() {
        Classification top1 = new Classification(new int[] {0, 1});
        AnomalyDetection auc = new AnomalyDetection(List.of(), 640, 128, 1f, 0);
        assertEquals("1 − the task's metric", ExploreMaps.objective(settings(Explorer.Objective.METRIC), auc));
        assertEquals("1 − top-1 agreement with the exact model",
                ExploreMaps.objective(settings(Explorer.Objective.AGREEMENT), top1));
        assertEquals("1 − ROC AUC (--objective agreement needs top-1 predictions, and a ROC AUC task has none: the "
                + "metric is searched instead)", ExploreMaps.objective(settings(Explorer.Objective.AGREEMENT), auc));
    }
}
