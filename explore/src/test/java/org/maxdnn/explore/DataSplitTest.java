package org.maxdnn.explore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.maxdnn.Assets;
import org.maxdnn.BundledModel;
import org.maxdnn.data.DataSet;
import org.maxdnn.data.DataSets;
import org.maxdnn.infer.Network;
import org.maxdnn.task.AnomalyDetection;

/** The search/validation split: deterministic, stratified by label, anomaly files kept whole. */
class DataSplitTest {
    @Test
    void eachLabelAlternatesBetweenSearchAndValidation() {
        // labels 3,3,1,3,1,1,1: label 3 → S,V,S; label 1 → S,V,S,V
        assertArrayEquals(new int[] {0, 1, 0, 0, 1, 0, 1}, DataSplit.parts(new int[] {3, 3, 1, 3, 1, 1, 1}));
    }

    @Test
    void anomalyFilesSplitByLabelWithThinnedWindows() {
        Assets assets = Assets.fromEnvironment();
        Network net = Network.load(BundledModel.AD.model(assets));
        DataSet all = DataSets.read(BundledModel.AD.samples(assets), net, 0);
        DataSplit split = DataSplit.of(all, 14);
        AnomalyDetection whole = (AnomalyDetection) all.task();
        AnomalyDetection search = (AnomalyDetection) split.search().task();
        AnomalyDetection validation = (AnomalyDetection) split.validation().task();
        assertEquals(whole.files().size(), search.files().size() + validation.files().size());
        long anomalies = whole.files().stream().filter(f -> f.label() == 1).count();
        long searchAnomalies = search.files().stream().filter(f -> f.label() == 1).count();
        assertEquals((anomalies + 1) / 2, searchAnomalies, "anomalous files split half and half");
        // 196 windows a file thinned to every 14th: 14 windows, the k-th starting 14·k windows in
        AnomalyDetection.File first = search.files().get(0);
        assertEquals(14, first.windows());
        assertEquals(14 * whole.step(), search.step());
        assertEquals(split.search().inputs().size(), search.files().stream().mapToInt(AnomalyDetection.File::windows).sum());
        assertEquals(all.inputs().get(whole.files().get(0).firstInput() + 14 * 3), split.search().inputs().get(3));
        // the thinned window's error is computed on its own float values: the same as in the whole set
        int[] zeros = new int[whole.windowLength()];
        assertEquals(whole.perInput(whole.files().get(0).firstInput() + 14 * 3, zeros), search.perInput(3, zeros), 0);
        List<String> again = DataSplit.of(all, 14).validation().inputs().stream().map(i -> i.name()).toList();
        assertEquals(split.validation().inputs().stream().map(i -> i.name()).toList(), again);
    }
}
