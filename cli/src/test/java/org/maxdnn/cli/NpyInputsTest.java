package org.maxdnn.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maxdnn.Assets;
import org.maxdnn.data.NpyFolder;
import org.maxdnn.data.RandomInputs;
import org.maxdnn.infer.Network;
import org.maxdnn.io.NpyFiles;
import org.maxdnn.model.ElementType;
import org.maxdnn.model.OpType;
import org.maxdnn.model.tflite.TfliteBuilder;
import org.maxdnn.model.tflite.TfliteBuilder.Options;
import org.maxdnn.model.tflite.TfliteBuilder.Quant;

/**
 * {@code --images DIR} of .npy samples as a user gives them: the same figures and outputs as the same
 * inputs given by {@code --random}, {@code eval --save-outputs} files read back as inputs, two-input
 * naming, and files that do not fit the model refused (exit 2) naming the file.
 */
class NpyInputsTest {
    private static final String SINE = Assets.fromEnvironment().root().resolve("models/outside/hello_world_int8.tflite")
            .toString();

    @TempDir
    Path tmp;

    /** eval's JSON without its timing. */
    private static ObjectNode figures(Path json) throws IOException {
        ObjectNode n = (ObjectNode) new ObjectMapper().readTree(json.toFile());
        n.remove(List.of("seconds", "inputs_per_second"));
        return n;
    }

    /** Every file of {@code dir} by name, with its bytes. */
    private static void assertSameFiles(Path expected, Path actual) throws IOException {
        try (Stream<Path> e = Files.list(expected); Stream<Path> a = Files.list(actual)) {
            List<Path> ef = e.sorted().toList();
            List<String> names = ef.stream().map(p -> p.getFileName().toString()).toList();
            assertEquals(names, a.map(p -> p.getFileName().toString()).sorted().toList());
            for (Path f : ef) {
                assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(actual.resolve(f.getFileName())), f.toString());
            }
        }
    }

    /** Writes {@code --random n --seed seed}'s inputs of {@code model} as .npy samples into a new folder. */
    private Path randomAsNpy(String model, int n, int seed) throws IOException {
        Network net = Network.load(Path.of(model));
        Path dir = Files.createDirectories(tmp.resolve("in-" + Path.of(model).getFileName()));
        RandomInputs.of(net, n, seed).forEach(s -> NpyFolder.write(dir, net, s, true));
        return dir;
    }

    /** eval on the .npy folder and eval --random: the same JSON figures and the same saved outputs. */
    private void assertEvalEqualsRandom(String model, Path npy, int n, int seed, String... more) throws IOException {
        List<List<String>> runs = List.of(List.of("--images", npy.toString()),
                List.of("--random", Integer.toString(n), "--seed", Integer.toString(seed)));
        for (int r = 0; r < 2; r++) {
            List<String> args = new java.util.ArrayList<>(List.of("eval", "--model", model, "--json",
                    tmp.resolve("e" + r + ".json").toString(), "--save-outputs", tmp.resolve("out" + r).toString()));
            args.addAll(runs.get(r));
            args.addAll(List.of(more));
            MainTest.Outcome o = MainTest.run(args.toArray(String[]::new));
            assertEquals(0, o.code(), args + ": " + o.err());
        }
        assertEquals(figures(tmp.resolve("e1.json")), figures(tmp.resolve("e0.json")));
        assertSameFiles(tmp.resolve("out1"), tmp.resolve("out0"));
    }

    @Test
    void anNpyFolderGivesWhatTheSameInputsGiveThroughRandom() throws IOException {
        Path map = Files.writeString(tmp.resolve("map.json"), "{\"layers\": {\"fc0\": {\"multiplier\": \"roup-p3r4\"}, "
                + "\"fc1\": {\"multiplier\": \"roup-p2r4\"}}}");
        Path npy = randomAsNpy(SINE, 12, 4);
        assertEvalEqualsRandom(SINE, npy, 12, 4, "--map", map.toString());
        ObjectNode e = figures(tmp.resolve("e0.json"));
        assertTrue(e.get("value").asDouble() < 1, "the map changes the outputs: " + e);

        // the saved outputs (int8 [1,1], as the input) are inputs in turn: NAME.0.npy is input 0 of NAME
        Path again = tmp.resolve("again");
        MainTest.Outcome o = MainTest.run("eval", "--model", SINE, "--images", tmp.resolve("out0").toString(),
                "--limit", "5", "--save-outputs", again.toString());
        assertEquals(0, o.code(), o.err());
        try (Stream<Path> s = Files.list(again)) {
            assertEquals(List.of("random0.0.npy", "random1.0.npy", "random2.0.npy", "random3.0.npy", "random4.0.npy"),
                    s.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void aTwoInputModelTakesNameDotIDotNpy() throws IOException {
        TfliteBuilder b = new TfliteBuilder();
        int x = b.tensor("x", ElementType.INT8, new int[] {1, 2, 2, 3}, Quant.of(0.02f, -128));
        int y = b.tensor("y", ElementType.INT8, new int[] {1, 2, 2, 3}, Quant.of(0.05f, 127));
        int z = b.tensor("z", ElementType.INT8, new int[] {1, 2, 2, 3}, Quant.of(0.06f, 9));
        b.operator(OpType.ADD, new int[] {x, y}, new int[] {z}, new Options(11).int8(0, 0));
        Path model = Files.write(tmp.resolve("add.tflite"), b.inputs(x, y).outputs(z).build());
        Path npy = randomAsNpy(model.toString(), 6, 9);
        try (Stream<Path> s = Files.list(npy)) {
            assertEquals(12, s.filter(p -> p.getFileName().toString().matches("random\\d\\.[01]\\.npy")).count());
        }
        assertEvalEqualsRandom(model.toString(), npy, 6, 9);

        Files.delete(npy.resolve("random3.1.npy"));
        MainTest.Outcome missing = MainTest.run("eval", "--model", model.toString(), "--images", npy.toString());
        assertEquals(2, missing.code(), missing.err());
        assertTrue(missing.err().contains(npy + ": sample random3 has no input 1 (random3.1.npy, |i1 (1, 2, 2, 3))"),
                missing.err());
    }

    @Test
    void filesThatDoNotFitTheModelAreBadInputNamingTheFile() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("bad"));
        Path f = dir.resolve("s.npy");
        NpyFiles.write(f, ElementType.FLOAT32, new int[] {1, 1}, new byte[4]);
        MainTest.Outcome dtype = MainTest.run("eval", "--model", SINE, "--images", dir.toString());
        assertEquals(2, dtype.code(), dtype.err());
        assertTrue(dtype.err().contains(f + ": <f4 (1, 1), but input 0 of ") && dtype.err().contains("is |i1 (1, 1)"),
                dtype.err());
        NpyFiles.write(f, ElementType.INT8, new int[] {1, 1}, new byte[1]);
        MainTest.Outcome labels = MainTest.run("eval", "--model", SINE, "--images", dir.toString(), "--task", "labels");
        assertEquals(2, labels.code(), labels.err());
        assertTrue(labels.err().contains("the .npy samples of " + dir + " have no labels"), labels.err());
        MainTest.Outcome output = MainTest.run("eval", "--model", SINE, "--images", dir.toString(), "--json",
                dir.resolve("x.npy").toString());
        assertEquals(1, output.code(), "an output into the sample folder: " + output.err());
    }
}
