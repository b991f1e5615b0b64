package org.maxdnn.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maxdnn.Assets;
import org.maxdnn.BundledModel;

/**
 * The third bad-input campaign's option causes (issue 31), each through its reproduction and a
 * neighbour: every option checked in one place before any work, used by the run or not.
 */
class OptionCheckTest {
    @TempDir
    Path tmp;

    private static void assertUsage(MainTest.Outcome o, String message) {
        assertEquals(1, o.code(), o.err());
        assertTrue(o.err().contains(message), o.err());
        assertEquals(1, o.err().lines().count(), o.err());
    }

    /** bench --repeat x was Integer.parseInt's exit 70; --repeat 0 and absurd clocks ran and printed nonsense. */
    @Test
    void numbersOfEveryCommandAreInRange() {
        assertUsage(MainTest.run("bench", "--repeat", "x"), "--repeat must be a whole number from 1 to 1000, got 'x'");
        assertUsage(MainTest.run("bench", "--repeat", "0", "--only", "multipliers"), "(too small)");
        assertUsage(MainTest.run("cosim", "--clock-mhz", "1e300"), "--clock-mhz must be a number from 0.001 to 100000 MHz");
        assertUsage(MainTest.run("cosim", "--clock-mhz", "NaN"), "(not a number)");
        assertUsage(MainTest.run("cosim", "--processes", "100000"), "--processes must be a whole number from 1 to 256");
        assertUsage(MainTest.run("eval", "--threads", "100000"), "--threads must be a whole number from 1 to 256");
        assertUsage(MainTest.run("layout", "--clock", "1e-300"), "--clock must be a number from 0.01 to 1000000 ns");
        assertUsage(MainTest.run("run", "--layout", "0"), "--layout must be a number from 0.01 to 1000000 ns");
        assertUsage(MainTest.run("explore", "--max-loss", "Infinity"), "--max-loss must be a number from 0 to 100");
        assertUsage(MainTest.run("explore", "--population", "7"), "--population must be an even whole number");
        assertUsage(MainTest.run("explore", "--pairs", "99999999999"), "--pairs must be a whole number from 1 to 1000000");
        assertUsage(MainTest.run("generate", "--target", "accelerator", "--memory-sizes", "64,16,x,8,2"),
                "--memory-sizes must be 5 comma-separated whole numbers");
    }

    /** explore --levels layer,layer ran the whole search, then crashed writing its chart (exit 70). */
    @Test
    void listsAndChoicesAreCheckedDuplicatesIncluded() {
        Path out = tmp.resolve("explore");
        assertUsage(MainTest.run("explore", "--quick", "--levels", "layer,layer", "--out", out.toString()),
                "--levels must be some of layer, filter, kernel, comma-separated, got 'layer,layer' ('layer' twice)");
        assertUsage(MainTest.run("layout", "--target", "exact,pe,exact"), "('exact' twice)");
        assertUsage(MainTest.run("cosim", "--simulator", "Verilator"), "--simulator must be verilator or icarus");
        assertUsage(MainTest.run("eval", "--json", "a.json", "--json", "b.json"), "--json is given 2 times; give it once");
        assertUsage(MainTest.run("eval", "--images", ".", "--cifar", "x.bin"), "an option from this group has already been "
                + "selected: 'images'");
        assertFalse(Files.exists(out));
    }

    /** Spark's own exit 70 for these four; checked before the optional module is even looked for. */
    @Test
    void sparkMastersAreCheckedBeforeTheModuleIsLoaded() {
        for (String master : List.of("local[0]", "local[99999999999]", "spark://", "spark://127.0.0.1:99999", "yarn")) {
            assertUsage(MainTest.run("explore", "--quick", "--spark", master, "--out", tmp.resolve("x").toString()),
                    "--spark must be local, local[N], local[*] or spark://HOST:PORT, got '" + master + "'");
        }
    }

    /** An option the run would not read is refused, not ignored: its value could not matter, or be wrong unseen. */
    @Test
    void optionsARunDoesNotReadAreRefused() throws IOException {
        Path table = Files.writeString(tmp.resolve("t.json"), "{}");
        assertUsage(MainTest.run("explore", "--energy", table.toString(), "--pairs", "50"),
                "--pairs does not apply here: it is read only without --energy");
        assertUsage(MainTest.run("energy", "--table", table.toString(), "--liberty", table.toString()),
                "--liberty does not apply here: it is read only without --table");
        assertUsage(MainTest.run("generate", "--layer", "conv1"), "--layer does not apply here: it is read only with "
                + "--mode fixed");
        assertUsage(MainTest.run("synth", "--target", "pe", "--rows", "4"), "--rows does not apply here");
        assertUsage(MainTest.run("layout", "--target", "pe", "--pairs", "100"), "--pairs does not apply here: it is read "
                + "only for the energies");
        assertUsage(MainTest.run("run", "--all", "--cosim-images", "3"), "--cosim-images does not apply here: it is "
                + "read only without --all");
        assertUsage(MainTest.run("cosim", "--target", "accelerator", "--batch", "2"), "--batch does not apply here");
        assertUsage(MainTest.run("generate", "--memories", "macros"), "--memories does not apply here");
        // a rule reads another option's value: a wrong one is its own error, never the rule's exit 70
        assertUsage(MainTest.run("generate", "--mode", "fixd", "--layer", "conv1"), "--mode must be configurable or fixed");
        MainTest.Outcome badTarget = MainTest.run("layout", "--target", "roup-p9r9", "--rows", "4");
        assertEquals(2, badTarget.code(), badTarget.err());
        assertTrue(badTarget.err().contains("--target 'roup-p9r9': multiplier 'roup-p9r9': P must be 0..3"), badTarget.err());
    }

    /**
     * eval --model M --json M overwrote the model with JSON (exit 0); --predictions D/y_labels.csv the
     * labels, --json D/x.bin a sample. An asset folder of copies here (the kws model, two samples), so
     * that a failing check overwrites nothing shared; the bundled model and its sample folder are
     * inputs whether named or taken by default.
     */
    @Test
    void noOutputIsTheModelOrAFileOfTheSampleFolder() throws IOException {
        Assets shared = Assets.fromEnvironment();
        Path assets = tmp.resolve("assets");
        Path model = assets.resolve(shared.root().relativize(BundledModel.KWS.model(shared)));
        Path samples = assets.resolve(shared.root().relativize(BundledModel.KWS.samples(shared)));
        Files.createDirectories(model.getParent());
        Files.copy(BundledModel.KWS.model(shared), model);
        Files.createDirectories(samples);
        List<String> labels = Files.readAllLines(BundledModel.KWS.samples(shared).resolve("y_labels.csv")).subList(0, 2);
        for (String row : labels) {
            String name = row.split(",")[0];
            Files.copy(BundledModel.KWS.samples(shared).resolve(name), samples.resolve(name));
        }
        Files.write(samples.resolve("y_labels.csv"), labels);
        byte[] modelBytes = Files.readAllBytes(model);
        String m = model.toString();
        String d = samples.toString();
        String a = assets.toString();
        assertUsage(MainTest.run("eval", "--model", m, "--images", d, "--json", m),
                "--model and --json name the same file " + m + " (an output would overwrite an input)");
        assertUsage(MainTest.run("eval", "--assets", a, "--model", "kws", "--json", m),
                "--model and --json name the same file " + m);
        assertUsage(MainTest.run("eval", "--model", m, "--images", d, "--predictions", samples.resolve("y_labels.csv")
                .toString()), "--predictions " + samples.resolve("y_labels.csv") + " is a file of --images " + d);
        assertUsage(MainTest.run("eval", "--assets", a, "--model", "kws", "--predictions",
                samples.resolve("y_labels.csv").toString()), "is a file of the sample folder " + samples);
        String sample = samples.resolve(labels.get(0).split(",")[0]).toString();
        assertUsage(MainTest.run("eval", "--model", m, "--images", d, "--json", sample), "is a file of --images");
        assertUsage(MainTest.run("eval", "--model", m, "--images", d, "--json", samples.resolve("new.bin").toString()),
                "is a file of --images");
        assertArrayEquals(modelBytes, Files.readAllBytes(model));
        assertEquals(labels, Files.readAllLines(samples.resolve("y_labels.csv")));
        MainTest.Outcome ok = MainTest.run("eval", "--assets", a, "--model", "kws", "--json",
                samples.resolve("summary.json").toString());
        assertEquals(0, ok.code(), ok.err());
    }

    /**
     * run --all --quick --limit 4 exited 0 with every kws and ad row at 0.0%: now refused before the
     * characterisation, saying what each part of the split needs, and nothing is written. The CIFAR-10
     * networks' JPEG default (four images of four labels) is refused the same way.
     */
    @Test
    void aSplitThatCannotGiveTheMetricIsRefusedBeforeWork() {
        for (String network : new String[] {"kws", "resnet8"}) {
            Path out = tmp.resolve("run-all-" + network);
            MainTest.Outcome o = MainTest.run("run", "--all", "--quick", "--limit", "4", "--networks", network + ",ad",
                    "--out", out.toString());
            assertEquals(2, o.code(), o.err());
            assertTrue(o.err().contains(network + "'s samples: 4 samples are too few to split into search and validation "
                    + "parts"), o.err());
            assertFalse(Files.exists(out), "written before the split was checked");
        }
    }

    /** compensate's --out is a file: a second run replaces it; the map itself is refused as a usage error. */
    @Test
    void compensateWritesAFileAndNeverItsInput() throws IOException {
        Path map = Files.writeString(tmp.resolve("m.json"), "{\"default\": \"roup-p2r2\"}");
        Path out = tmp.resolve("m-comp.json");
        for (int run = 0; run < 2; run++) {
            MainTest.Outcome o = MainTest.run("compensate", "--model", "kws", "--limit", "2", "--map", map.toString(),
                    "--out", out.toString());
            assertEquals(0, o.code(), "run " + run + ": " + o.err());
        }
        assertTrue(Files.readString(out).contains("\"compensation\""));
        assertUsage(MainTest.run("compensate", "--model", "kws", "--map", map.toString(), "--out", map.toString()),
                "--map and --out name the same file " + map);
        assertEquals("{\"default\": \"roup-p2r2\"}", Files.readString(map));
    }
}
