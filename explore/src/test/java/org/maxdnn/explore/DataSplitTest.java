package org.maxdnn.explore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.maxdnn.Assets;
import org.maxdnn.MaxdnnException;
import org.maxdnn.BundledModel;
import org.maxdnn.data.DataSet;
import org.maxdnn.data.DataSets;
import org.maxdnn.data.InputFormat;
import org.maxdnn.data.LabeledImage;
import org.maxdnn.infer.Network;
import org.maxdnn.task.AnomalyDetection;
import org.maxdnn.task.Classification;
import org.maxdnn.task.Fidelity;

/** The search/validation split: deterministic, stratified by label, anomaly files kept whole. */
class DataSplitTest {
    @Test
    void eachLabelAlternatesBetweenSearchAndValidation() {
        // labels 3,3,1,3,1,1,1: label 3 → S,V,S; label 1 → S,V,S,V
        assertArrayEquals(new int[] {0, 1, 0, 0, 1, 0, 1}, DataSplit.parts(new int[] {3, 3, 1, 3, 1, 1, 1}));
    }

    @Test
    void theReportSaysWhatTheSplitWasStratifiedBy() {
        assertEquals("a deterministic split stratified by label", DataSplit.describe(new Classification(new int[] {0, 1, 0})));
        assertEquals("a deterministic split stratified by the exact model's class",
                DataSplit.describe(new Classification(new int[] {0, 1, 0}).withAgreement()));
        String alternately = "a deterministic split, the samples alternately in file order (no labels to stratify by)";
        assertEquals(alternately, DataSplit.describe(new Classification(new int[] {-1, -1, -1})));
        assertEquals(alternately, DataSplit.describe(new Fidelity(new int[][] {{1, 2}, {3, 4}}, 1f, 0)));
        assertTrue(DataSplit.describe(new AnomalyDetection(List.of(), 640, 128, 1f, 0)).contains("each whole"));
    }

    @Test
    void aBalancedSubsetTakesEachLabelInTurnAndKeepsFileOrder() {
        int[] labels = {0, 0, 0, 0, 1, 1, 2};
        List<LabeledImage> images = new java.util.ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            images.add(new LabeledImage("i" + i, labels[i], new byte[] {(byte) i}));
        }
        DataSet all = new DataSet(Path.of("sorted"), InputFormat.UINT8_IMAGE, images.size(), images, Classification.of(images));
        // rounds: i0, i4, i6 | i1, i5 | i2, ...
        assertEquals(List.of("i0", "i1", "i4", "i5", "i6"), DataSplit.balancedFirst(all, 5).inputs().stream()
                .map(LabeledImage::name).toList());
        assertEquals(List.of("i0", "i4"), DataSplit.balancedFirst(all, 2).inputs().stream().map(LabeledImage::name).toList());
        assertEquals(all, DataSplit.balancedFirst(all, 7));
    }

    /** The JPEG CIFAR-10 test images, ResNet-8's default exploration data: 2,486 and 2,478, every label in both. */
    @Test
    void theJpegTestImagesSplitInHalvesWithEveryLabel() {
        Assets assets = Assets.fromEnvironment();
        Network net = Network.load(BundledModel.RESNET8.model(assets));
        DataSet all = DataSets.read(BundledModel.RESNET8.explorationSamples(assets), net, 0);
        assertEquals(4964, all.samples());
        DataSplit split = DataSplit.of(all, 1);
        assertEquals(2486, split.search().samples());
        assertEquals(2478, split.validation().samples());
        for (DataSet part : List.of(split.search(), split.validation())) {
            assertEquals(10, java.util.Arrays.stream(part.task().sampleLabels()).distinct().count());
        }
        DataSet quick = DataSplit.balancedFirst(all, 500);
        int[] perLabel = new int[10];
        java.util.Arrays.stream(quick.task().sampleLabels()).forEach(l -> perLabel[l]++);
        assertArrayEquals(new int[] {50, 50, 50, 50, 50, 50, 50, 50, 50, 50}, perLabel);
    }

    @Test
    void samplesWithoutLabelsSplitWithTheirExactOutputsAndKeepTheirTask() {
        List<LabeledImage> in = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            in.add(new LabeledImage("random" + i, -1, new byte[] {(byte) i}));
        }
        Fidelity f = new Fidelity(new int[][] {{1}, {2}, {3}, {4}, {5}}, 1f, 0);
        DataSplit split = DataSplit.of(new DataSet(null, InputFormat.RANDOM, 5, in, f), 1);
        assertEquals(List.of(1, 3, 5), java.util.Arrays.stream(((Fidelity) split.search().task()).exact())
                .map(r -> r[0]).toList());
        assertEquals(List.of(2, 4), java.util.Arrays.stream(((Fidelity) split.validation().task()).exact())
                .map(r -> r[0]).toList());
        assertEquals(List.of(in.get(1), in.get(3)), split.validation().inputs());

        List<LabeledImage> labelled = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            labelled.add(new LabeledImage("random" + i, i % 2, new byte[] {(byte) i}));
        }
        DataSplit agreement = DataSplit.of(new DataSet(null, InputFormat.RANDOM, 4, labelled,
                Classification.of(labelled).withAgreement()), 1);
        assertTrue(((Classification) agreement.search().task()).agreement());
        assertTrue(((Classification) agreement.validation().task()).agreement());
        assertThrows(MaxdnnException.class, () -> DataSplit.of(new DataSet(null, InputFormat.RANDOM, 1, in.subList(0, 1),
                new Fidelity(new int[][] {{1}}, 1f, 0)), 1));
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

    /**
     * A split whose part cannot give the metric is refused, saying what each part needs: ad's first 87
     * files are anomalous (no AUC in either part), and 3 files with 2 normal give a validation part
     * without one; 4 images of 4 labels leave the validation part empty.
     */
    @Test
    void aSplitWithoutTheMetricInAPartIsRefused() {
        Assets assets = Assets.fromEnvironment();
        Network ad = Network.load(BundledModel.AD.model(assets));
        DataSet anomalous = DataSets.read(BundledModel.AD.samples(assets), ad, 4);
        MaxdnnException e = assertThrows(MaxdnnException.class, () -> DataSplit.of(anomalous, 14));
        assertEquals(MaxdnnException.BAD_INPUT, e.exitCode());
        assertTrue(e.getMessage().contains("the search part would hold 0 normal and 2 anomalous files")
                && e.getMessage().contains("at least 2 of each"), e.getMessage());
        assertThrows(MaxdnnException.class, () -> DataSplit.check(anomalous, "ad"));

        DataSet images = new DataSet(Path.of("four"), InputFormat.UINT8_IMAGE, 4, List.of(image(0), image(1),
                image(2), image(3)), Classification.of(List.of(image(0), image(1), image(2), image(3))));
        e = assertThrows(MaxdnnException.class, () -> DataSplit.check(images, "four"));
        assertTrue(e.getMessage().startsWith("four: 4 samples are too few") && e.getMessage().contains(
                "the validation part would hold no image") && e.getMessage().contains("2 images of one label"),
                e.getMessage());
        List<LabeledImage> five = List.of(image(0), image(1), image(2), image(3), image(0));
        assertEquals(1, DataSplit.of(new DataSet(Path.of("five"), InputFormat.UINT8_IMAGE, 5, five,
                Classification.of(five)), 1).validation().samples());
    }

    private static LabeledImage image(int label) {
        return new LabeledImage("i" + label, label, new byte[] {0});
    }
}
