package org.maxdnn.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.maxdnn.data.DataSet;
import org.maxdnn.data.InputFormat;
import org.maxdnn.explore.Explorer;
import org.maxdnn.task.AnomalyDetection;
import org.maxdnn.task.Classification;

/**
 * What the exploration says it minimises (--objective agreement on anomaly detection says it searches the AUC) and
 * which data and task it scores maps with.
 */
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

    @Test
    void theDataAndTaskAreNamed() {
        DataSet random = new DataSet(Path.of("random inputs (seed 1)"), InputFormat.RANDOM, 4, List.of(),
                new Classification(new int[] {0, 1, 2, 3}, true));
        assertEquals("data: 4 samples of random inputs (seed 1) (deterministic random inputs over each input tensor's "
                + "range); task: top-1 agreement with the exact model's classes (no labels)", ExploreMaps.dataAndTask(random));
        DataSet labelled = new DataSet(Path.of("cifar10"), InputFormat.UINT8_IMAGE, 2, List.of(),
                new Classification(new int[] {0, 1}));
        assertEquals("data: 2 samples of cifar10 (HWC uint8 images (int8 = byte - 128)); task: top-1 accuracy against "
                + "the data's labels", ExploreMaps.dataAndTask(labelled));
        // what explore passes: the workload's data set keeps the source and format read
        Workload w = Workload.of(null, random, null);
        assertEquals(ExploreMaps.dataAndTask(random), ExploreMaps.dataAndTask(w.dataSet()));
        assertEquals(ExploreMaps.dataAndTask(random), ExploreMaps.dataAndTask(w.first(1).dataSet()));
        assertEquals("data: 4 samples; task: top-1 agreement with the exact model's classes (no labels)",
                ExploreMaps.dataAndTask(new Workload(null, List.of(), random.task(), null, null).dataSet()));
    }
}
