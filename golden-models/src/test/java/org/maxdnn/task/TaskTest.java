package org.maxdnn.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.maxdnn.data.LabeledImage;

/** The task metrics on hand-computed cases. */
class TaskTest {
    @Test
    void rocAucCountsCorrectlyOrderedPairsAndHalfTies() {
        // positives 0.8, 0.4, 0.6; negatives 0.1, 0.4, 0.7: pairs ordered right 3 + 1 + 2 = 6, one tie (0.4, 0.4)
        int[] labels = {1, 1, 1, 0, 0, 0};
        double[] scores = {0.8, 0.4, 0.6, 0.1, 0.4, 0.7};
        assertEquals((6 + 0.5) / 9, RocAuc.of(labels, scores), 1e-12);
        assertEquals(1.0, RocAuc.of(new int[] {0, 1}, new double[] {1, 2}));
        assertEquals(0.0, RocAuc.of(new int[] {1, 0}, new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> RocAuc.of(new int[] {1, 1}, new double[] {1, 2}));
        // NaN equals nothing, not even itself: refused instead of a tie run that never ends
        assertThrows(IllegalArgumentException.class, () -> RocAuc.of(new int[] {0, 1, 1}, new double[] {1, Double.NaN, 2}));
        assertEquals(0.875, RocAuc.of(new int[] {0, 1, 0, 1}, new double[] {1, Double.POSITIVE_INFINITY, 2, 2}));
    }

    @Test
    void anAnomalyScoreIsTheMeanWindowErrorOfTheDequantisedOutput() throws Exception {
        // two files of 4 values, windows of 2 stepping by 2 (2 windows each); output scale 0.5, zero point 10
        AnomalyDetection task = new AnomalyDetection(List.of(
                new AnomalyDetection.File("normal", 0, 0, 2, new float[] {1, 2, 3, 4}),
                new AnomalyDetection.File("odd", 1, 2, 2, new float[] {0, 0, 0, 0})), 2, 2, 0.5f, 10);
        // output codes 12, 14 dequantise to 1, 2: window 0 of "normal" is reconstructed exactly
        assertEquals(0.0, task.perInput(0, new int[] {12, 14}));
        // window 1 of "normal" is (3, 4): codes 12, 14 miss by 2 each, MSE 4
        assertEquals(4.0, task.perInput(1, new int[] {12, 14}));
        assertEquals(0.5, task.perInput(2, new int[] {12, 10})); // (1² + 0²) / 2
        double[] errors = {0, 4, 1, 9};
        assertArrayEquals(new double[] {2, 5}, task.fileScores(errors));
        assertEquals(1.0, task.metric(errors));
        StringWriter w = new StringWriter();
        task.writePredictions(w, List.of(), null, errors);
        assertEquals("file,label,score\nnormal,0,2.0\nodd,1,5.0\n", w.toString());
    }

    @Test
    void classificationIsTop1WithTheFirstIndexOnTies() throws Exception {
        List<LabeledImage> inputs = List.of(new LabeledImage("a", 2, new byte[0]), new LabeledImage("b", 0, new byte[0]));
        Classification task = Classification.of(inputs);
        double[] classes = {task.perInput(0, new int[] {1, 5, 5}), task.perInput(1, new int[] {-3, -3, -4})};
        assertArrayEquals(new double[] {1, 0}, classes);
        assertEquals(0.5, task.metric(classes));
        assertEquals("1/2 = 50.00%", task.describe(classes));
        assertEquals(0.5, Classification.agreement(classes, new double[] {1, 2}));
        StringWriter w = new StringWriter();
        task.writePredictions(w, inputs, new int[][] {{1, 5, 5}, {-3, -3, -4}}, classes);
        assertEquals("file,label,pred,fc_out\na,2,1,1;5;5\nb,0,0,-3;-3;-4\n", w.toString());
    }
}
