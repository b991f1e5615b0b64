package org.maxdnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maxdnn.Assets;
import org.maxdnn.data.ImageSets;
import org.maxdnn.data.LabeledImage;
import org.maxdnn.infer.ConvLayer;
import org.maxdnn.infer.Evaluation;
import org.maxdnn.infer.InferencePlan;
import org.maxdnn.infer.Network;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.mult.MultiplierRegistry;

/** {@code maxdnn compensate}, and {@code eval} with the map it writes, on ResNet-8. */
class CompensateCommandTest {
    @TempDir
    Path tmp;

    @Test
    void evalWithACompensatedMapEqualsTheGoldenModelWithTheCorrectedBiases() throws Exception {
        Path map = tmp.resolve("map.json");
        Files.writeString(map, "{\"default\": \"roup-p2r0\", \"layers\": {\"fc\": {\"multiplier\": \"roup-p1r0\"}}}");
        Path comp = tmp.resolve("comp.json");
        MainTest.Outcome o = MainTest.run("compensate", "--map", map.toString(), "--out", comp.toString(),
                "--limit", "30");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("on 30 inputs") && o.out().contains("conv8") && o.out().contains("wrote"), o.out());

        // the file as a user reads it: per layer one int per output channel, subtracted from the bias
        Network net = Network.load(Assets.fromEnvironment().model());
        JsonNode c = new ObjectMapper().readTree(comp.toFile()).get("compensation");
        Map<String, int[]> biases = new LinkedHashMap<>();
        for (ConvLayer l : net.weightedLayers()) {
            JsonNode a = c.get(l.name());
            assertEquals(l.outC(), a.size(), l.name());
            int[] b = l.bias().clone();
            for (int oc = 0; oc < b.length; oc++) {
                b[oc] -= a.get(oc).intValue();
            }
            biases.put(l.name(), b);
        }
        Path predictions = tmp.resolve("pred.csv");
        o = MainTest.run("eval", "--map", comp.toString(), "--limit", "40", "--predictions", predictions.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("(bias-compensated)"), o.out());

        List<LabeledImage> images = ImageSets.readFolder(Assets.fromEnvironment().images(), 40);
        MultiplierRegistry registry = new MultiplierRegistry(null);
        ApproxMap uncompensated = ApproxMap.read(map);
        Evaluation.Result golden = Evaluation.run(InferencePlan.compile(net.withBiases(biases), uncompensated, registry),
                images, 2, null);
        Evaluation.Result plain = Evaluation.run(InferencePlan.compile(net, uncompensated, registry), images, 2, null);
        List<String> lines = Files.readAllLines(predictions);
        List<String> logits = new ArrayList<>();
        boolean differs = false;
        for (int i = 0; i < images.size(); i++) {
            String row = lines.get(i + 1);
            logits.add(row.substring(row.lastIndexOf(',') + 1));
            differs |= !java.util.Arrays.equals(golden.logits()[i], plain.logits()[i]);
        }
        for (int i = 0; i < images.size(); i++) {
            String expected = java.util.Arrays.stream(golden.logits()[i]).mapToObj(Integer::toString)
                    .reduce((a, b) -> a + ";" + b).orElseThrow();
            assertEquals(expected, logits.get(i), "image " + i);
        }
        assertTrue(differs, "compensation changes some logits");
    }

    @Test
    void badCompensationEntriesExitTwoNamingThePlace() throws Exception {
        Path map = tmp.resolve("bad.json");
        Files.writeString(map, "{\"default\": \"roup-p1r0\", \"compensation\": {\"conv3\": [1, 2, 3]}}");
        for (String command : List.of("eval", "energy", "cosim")) {
            MainTest.Outcome o = MainTest.run(command, "--map", map.toString(), "--limit", "1");
            assertEquals(2, o.code(), command + ": " + o.out() + o.err());
            assertTrue(o.err().contains(map.toString()) && o.err().contains("compensation.conv3")
                    && o.err().contains("32 output channels"), command + ": " + o.err());
        }
        Files.writeString(map, "{\"compensation\": {\"conv0\": [\"a\"]}}");
        Path out = tmp.resolve("out.json");
        MainTest.Outcome o = MainTest.run("compensate", "--map", map.toString(), "--out", out.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("compensation.conv0[0]: expected an int32"), o.err());
        assertFalse(Files.exists(out));
        assertEquals(1, MainTest.run("compensate", "--map", map.toString()).code());
    }
}
