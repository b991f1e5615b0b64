package org.maxdnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maxdnn.Assets;

/** {@code maxdnn model} and {@code maxdnn eval} as a user runs them, on the shared assets. */
class InferenceCommandsTest {
    @TempDir
    Path tmp;

    private static MainTest.Outcome run(String... args) {
        return MainTest.run(args);
    }

    @Test
    void modelListsTheNineConvLayersAndFc() throws Exception {
        Path json = tmp.resolve("model.json");
        MainTest.Outcome o = run("model", "--json", json.toString());
        assertEquals(0, o.code(), o.err());
        for (String l : List.of("conv0", "conv8", "fc", "AVERAGE_POOL_2D", "12,501,632")) {
            assertTrue(o.out().contains(l), l + " in\n" + o.out());
        }
        assertTrue(Files.readString(json).contains("\"total_macs\" : 12501632"));
    }

    /** A model file without data is refused, never given a bundled set; --random gives it inputs and a task. */
    @Test
    void aModelFileWithoutDataTakesRandomInputsScoredAgainstTheExactModel() throws Exception {
        Path outside = Assets.fromEnvironment().root().resolve("models/outside");
        String sine = outside.resolve("hello_world_int8.tflite").toString();
        MainTest.Outcome none = run("eval", "--model", sine);
        assertEquals(2, none.code(), none.err());
        assertTrue(none.err().contains("has no sample set of its own") && none.err().contains("--random N"), none.err());
        MainTest.Outcome seedAlone = run("eval", "--model", sine, "--images", tmp.toString(), "--seed", "2");
        assertEquals(1, seedAlone.code(), seedAlone.err());
        assertTrue(seedAlone.err().contains("--seed"), seedAlone.err());
        MainTest.Outcome noClasses = run("eval", "--model", sine, "--random", "2", "--task", "agreement");
        assertEquals(2, noClasses.code(), noClasses.err());
        assertTrue(noClasses.err().contains("top-1 agreement needs class scores"), noClasses.err());

        Path map = tmp.resolve("map.json");
        Files.writeString(map, "{\"layers\": {\"fc0\": {\"multiplier\": \"roup-p3r4\"}, \"fc1\": {\"multiplier\": "
                + "\"roup-p3r4\"}, \"fc2\": {\"multiplier\": \"roup-p3r4\"}}}");
        Path json = tmp.resolve("eval.json");
        MainTest.Outcome sqnr = run("eval", "--model", sine, "--random", "16", "--map", map.toString(), "--json",
                json.toString());
        assertEquals(0, sqnr.code(), sqnr.err());
        assertTrue(sqnr.out().contains("no labels: SQNR ") && sqnr.out().contains(" dB against the exact outputs"),
                sqnr.out());
        assertTrue(Files.readString(json).contains("\"sqnr_db\""), Files.readString(json));
        MainTest.Outcome kws = run("eval", "--model", outside.resolve("ds_cnn_s_arm.tflite").toString(), "--random", "3");
        assertEquals(0, kws.code(), kws.err());
        assertTrue(kws.out().contains("no labels: top-1 agreement with the exact model 3/3 = 100.00%"), kws.out());
    }

    @Test
    void evalWritesPredictionsIdenticalToTheReference() throws Exception {
        Path predictions = tmp.resolve("pred.csv");
        MainTest.Outcome o = run("eval", "--predictions", predictions.toString(), "--threads", "2");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("accuracy 128/150 = 85.33%"), o.out());
        List<String> expected = Files.readAllLines(Assets.fromEnvironment().referenceFcOutputs());
        assertEquals(expected.stream().map(String::strip).toList(), Files.readAllLines(predictions));
    }

    @Test
    void evalUnderAMapReportsLossAndAgreement() throws Exception {
        Path map = tmp.resolve("map.json");
        Files.writeString(map, "{\"default\": \"roupc-p0r4\"}");
        Path json = tmp.resolve("eval.json");
        MainTest.Outcome o = run("eval", "--map", map.toString(), "--limit", "20", "--json", json.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("agreement with the exact model"), o.out());
        assertTrue(Files.readString(json).contains("\"images\" : 20"));
    }

    /**
     * Exact accuracy in the reference rounding equals an independent implementation's on the shared
     * sets (SPEC §12: ResNet-8 128/150, the wider ResNet-8 138/150, KWS 726/800, VWW 680/800, AD AUC 0.882).
     */
    @Test
    void evalRunsEveryBundledNetworkOnItsOwnSamples() throws Exception {
        Map<String, String> expected = Map.of("resnet8-large", "accuracy 138/150 = 92.00%",
                "kws", "accuracy 726/800 = 90.75%", "vww", "accuracy 680/800 = 85.00%", "ad", "ROC AUC 0.8820");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            MainTest.Outcome o = run("eval", "--model", e.getKey());
            assertEquals(0, o.code(), o.err());
            assertTrue(o.out().contains(e.getValue()), e.getKey() + ":\n" + o.out());
        }
        Path predictions = tmp.resolve("ad.csv");
        Path json = tmp.resolve("ad.json");
        MainTest.Outcome o = run("eval", "--model", "ad", "--rounding", "runtime", "--limit", "3",
                "--predictions", predictions.toString(), "--json", json.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("runtime rounding; 3 samples (588 inputs)"), o.out());
        assertTrue(o.out().contains("ROC AUC n/a (it needs normal and anomalous files) (3 files, 3 anomalous)"), o.out());
        // no AUC means no exact AUC and no loss either: nothing printed or written as NaN
        assertFalse(o.out().contains("NaN"), o.out());
        String summary = Files.readString(json);
        assertFalse(summary.contains("NaN"), summary);
        assertTrue(summary.contains("\"value\" : null") && summary.contains("3 anomalous files"), summary);
        List<String> lines = Files.readAllLines(predictions);
        assertEquals("file,label,score", lines.get(0));
        assertEquals(4, lines.size());
        assertTrue(lines.get(1).startsWith("anomaly_id_01_00000003_hist_librosa.bin,1,"), lines.get(1));
    }

    @Test
    void modelListsDepthwiseAndFullyConnectedLayers() {
        MainTest.Outcome o = run("model", "--model", "kws");
        assertEquals(0, o.code(), o.err());
        for (String l : List.of("conv0", "10x4", "2x2", "dw3", "DEPTHWISE_CONV_2D", "64x1", "fc", "12x64", "25x5")) {
            assertTrue(o.out().contains(l), l + " in\n" + o.out());
        }
        o = run("model", "--model", "ad");
        assertTrue(o.out().contains("fc9") && o.out().contains("640x128"), o.out());
        o = run("model", "--model", "lenet");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("lenet"), o.err());
    }

    @Test
    void badInputsExitTwoWithOneLineNamingThePlace() throws Exception {
        Path map = tmp.resolve("map.json");
        Files.writeString(map, "{\"layers\": {\"conv2\": {\"filters\": [\"exact\"]}}}");
        MainTest.Outcome o = run("eval", "--map", map.toString());
        assertEquals(2, o.code());
        assertOneLine(o.err(), "layers.conv2.filters");

        Path model = tmp.resolve("broken.tflite");
        byte[] real = Files.readAllBytes(Assets.fromEnvironment().model());
        Files.write(model, java.util.Arrays.copyOf(real, 5000));
        o = run("model", "--model", model.toString());
        assertEquals(2, o.code());
        assertOneLine(o.err(), model.toString());

        Path images = Files.createDirectory(tmp.resolve("imgs"));
        Files.write(images.resolve("x.bin"), new byte[100]);
        Files.writeString(images.resolve("y_labels.csv"), "x.bin,10,1\n");
        Path predictions = tmp.resolve("p.csv");
        o = run("eval", "--images", images.toString(), "--predictions", predictions.toString());
        assertEquals(2, o.code());
        assertOneLine(o.err(), "x.bin");
        assertFalse(Files.exists(predictions), "nothing written on bad input");
        Files.write(images.resolve("x.bin"), new byte[490]);
        Files.writeString(images.resolve("y_labels.csv"), "x.bin,12,1\ny.bin,12,2\n");
        o = run("eval", "--model", "kws", "--images", images.toString(), "--predictions", predictions.toString());
        assertEquals(2, o.code());
        assertOneLine(o.err(), "y.bin does not exist");
        assertFalse(Files.exists(predictions), "nothing written on bad input");

        o = run("eval", "--limit", "zero");
        assertEquals(1, o.code());
    }

    private static void assertOneLine(String err, String what) {
        assertTrue(err.contains(what), err);
        assertEquals(1, err.strip().lines().count(), err);
    }
}
