package org.maxdnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

        o = run("eval", "--limit", "zero");
        assertEquals(1, o.code());
    }

    private static void assertOneLine(String err, String what) {
        assertTrue(err.contains(what), err);
        assertEquals(1, err.strip().lines().count(), err);
    }
}
