package org.maxdnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maxdnn.Assets;

/**
 * Corrupts random bytes of the model and of a map over a few hundred seeded trials and runs the
 * command in process: every outcome is success or a bad-input error (exit 2) naming the file,
 * never an internal error, a stack trace or a hang.
 */
class BadInputFuzzTest {
    private static final int TRIALS = 200;

    @TempDir
    Path tmp;

    @Test
    void corruptModelsAreBadInput() throws IOException {
        byte[] model = Files.readAllBytes(Assets.fromEnvironment().model());
        Random rnd = new Random(19);
        int refused = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            byte[] d = model.clone();
            // half the trials damage the flatbuffer's structure near the start and end, where the
            // tables, vtables and offsets are; the others anywhere, or truncate the file
            if (trial % 10 == 9) {
                d = java.util.Arrays.copyOf(d, rnd.nextInt(d.length));
            } else {
                for (int k = 1 + rnd.nextInt(4); k > 0; k--) {
                    int at = trial % 2 == 0 ? rnd.nextInt(d.length) : structural(rnd, d.length);
                    d[at] = (byte) rnd.nextInt(256);
                }
            }
            Path file = tmp.resolve("m" + trial + ".tflite");
            Files.write(file, d);
            MainTest.Outcome o = runBounded("model", "--model", file.toString());
            check(o, file, "model trial " + trial);
            refused += o.code() == 2 ? 1 : 0;
            Files.delete(file);
        }
        assertTrue(refused > TRIALS / 4, "only " + refused + " of " + TRIALS + " corrupt models were refused");
    }

    @Test
    void corruptMapsAreBadInput() throws IOException {
        String map = """
                { "default": "roup-p1r2",
                  "layers": { "conv1": { "multiplier": "roupc-p0r4" },
                              "conv2": { "filters": ["exact", "roup-p2r0", "lut:mul8u_2AC", "exact"] },
                              "fc":    { "kernels": [["roup-p0r3"], ["exact"]] } } }
                """;
        byte[] text = map.getBytes(StandardCharsets.UTF_8);
        Random rnd = new Random(1919);
        for (int trial = 0; trial < TRIALS; trial++) {
            byte[] d = text.clone();
            for (int k = 1 + rnd.nextInt(3); k > 0; k--) {
                int at = rnd.nextInt(d.length);
                d[at] = rnd.nextBoolean() ? (byte) rnd.nextInt(256) : (byte) "{}[]\",:0a\\".charAt(rnd.nextInt(10));
            }
            Path file = tmp.resolve("map" + trial + ".json");
            Files.write(file, d);
            MainTest.Outcome o = runBounded("eval", "--map", file.toString(), "--limit", "1", "--threads", "1");
            check(o, file, "map trial " + trial + ": " + new String(d, StandardCharsets.ISO_8859_1));
            Files.delete(file);
        }
    }

    /**
     * .npy samples of the outside sine model ({@code --images DIR}) with bytes of their header or data
     * corrupted, or cut short: every outcome is success or exit 2 naming the file.
     */
    @Test
    void corruptNpySamplesAreBadInput() throws IOException {
        String model = Assets.fromEnvironment().root().resolve("models/outside/hello_world_int8.tflite").toString();
        byte[] npy = org.maxdnn.io.NpyFiles.encode(org.maxdnn.model.ElementType.INT8, new int[] {1, 1}, new byte[] {7});
        Random rnd = new Random(2727);
        int refused = 0;
        for (int trial = 0; trial < TRIALS / 4; trial++) {
            byte[] d = npy.clone();
            if (trial % 10 == 9) {
                d = java.util.Arrays.copyOf(d, rnd.nextInt(d.length));
            } else {
                for (int k = 1 + rnd.nextInt(3); k > 0; k--) {
                    d[rnd.nextInt(d.length)] = rnd.nextBoolean() ? (byte) rnd.nextInt(256)
                            : (byte) "{}()',: 0129<|>fiu".charAt(rnd.nextInt(18));
                }
            }
            Path dir = Files.createDirectories(tmp.resolve("npy" + trial));
            Path file = Files.write(dir.resolve("s.npy"), d);
            MainTest.Outcome o = runBounded("eval", "--model", model, "--images", dir.toString(), "--threads", "1");
            check(o, file, "npy trial " + trial + ": " + new String(d, StandardCharsets.ISO_8859_1));
            refused += o.code() == 2 ? 1 : 0;
        }
        assertTrue(refused > TRIALS / 8, "only " + refused + " of " + TRIALS / 4 + " corrupt .npy files were refused");
    }

    /**
     * Compensation entries damaged as a user would: values out of int32 or bias range, not integers,
     * the wrong count, unknown or aliased layers, entries for exact layers, nesting, duplicates; the
     * entries themselves are also corrupted byte by byte.
     */
    @Test
    void corruptCompensationEntriesAreBadInput() throws IOException {
        String good = "\"conv1\": [" + "-3, ".repeat(15) + "7], \"conv0\": [" + "1, ".repeat(15) + "2]";
        List<String> entries = List.of(good, "\"conv1\": [" + "2147483647, ".repeat(15) + "2147483647]",
                "\"conv1\": [" + "-2147483648, ".repeat(15) + "-2147483648]", "\"conv1\": [2147483648]",
                "\"conv1\": [1.5]", "\"conv1\": [1e3]", "\"conv1\": [\"1\"]", "\"conv1\": [null]", "\"conv1\": []",
                "\"conv1\": [1, 2]", "\"conv1\": {}", "\"conv1\": 5", "\"nope\": [1]", "\"CONV1\": [1]",
                "\"conv1\": [" + "1, ".repeat(16) + "1]", "\"fc\": [" + "1, ".repeat(9) + "1]",
                "\"conv1\": [[1]]", "\"conv1\": [1], \"conv1\": [2]", "\"\": [1]", "\"conv1\": [-0]",
                "\"conv1\": [99999999999999999999999]", "\"conv1\": [NaN]", "\"conv1\": [Infinity]");
        Random rnd = new Random(3131);
        for (int trial = 0; trial < entries.size() + TRIALS / 4; trial++) {
            String entry = trial < entries.size() ? entries.get(trial) : corrupt(good, rnd);
            String map = "{ \"default\": \"roup-p2r2\", \"layers\": {}, \"compensation\": { " + entry + " } }";
            Path file = tmp.resolve("comp" + trial + ".json");
            Files.writeString(file, map, StandardCharsets.ISO_8859_1);
            MainTest.Outcome o = runBounded("eval", "--map", file.toString(), "--limit", "1", "--threads", "1");
            check(o, file, "compensation trial " + trial + ": " + entry);
            Files.delete(file);
        }
    }

    /**
     * Every option of every command, given a value no option of its type takes: a number out of every
     * range (or not a number), a choice or list none has, a path of the wrong kind or none at all.
     * Each is refused before any work, exit 1 or 2 naming the option; never an internal error or a hang.
     * The type is read off the option's own converter (what it says of a path through a file).
     */
    @Test
    void everyOptionOfEveryCommandRefusesValuesOfTheWrongType() throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file.json"), "{}");
        Random rnd = new Random(31);
        int trials = 0;
        for (CliCommand command : Commands.all()) {
            List<String[]> wrong = new ArrayList<>();
            for (org.apache.commons.cli.Option option : command.options().getOptions()) {
                if (option.hasArg()) {
                    for (String value : wrongValues(option, file)) {
                        wrong.add(new String[] {"--" + option.getLongOpt(), value});
                    }
                }
            }
            for (String[] w : wrong) {
                checkWrong(command.name(), List.<String[]>of(w));
                trials++;
            }
            // two at a time: one option's rule reads another's value, which may be the wrong one
            for (int k = 0; k < 20 && wrong.size() > 1; k++) {
                checkWrong(command.name(), List.of(wrong.get(rnd.nextInt(wrong.size())), wrong.get(rnd.nextInt(wrong.size()))));
                trials++;
            }
        }
        assertTrue(trials > 500, trials + " trials");
    }

    /**
     * Every command's every output file named as one of its input files (the input is a real file
     * here, a copy): refused as a usage error naming both options, the input left as it was.
     */
    @Test
    void noOutputOfAnyCommandOverwritesAnInput() throws Exception {
        Path file = Files.writeString(tmp.resolve("input.json"), "{\"default\": \"exact\"}");
        int trials = 0;
        for (CliCommand command : Commands.all()) {
            List<String> inputs = new ArrayList<>();
            List<String> outputs = new ArrayList<>();
            for (org.apache.commons.cli.Option option : command.options().getOptions()) {
                Object v;
                try {
                    v = option.hasArg() ? option.getConverter().apply(file.toString()) : null;
                } catch (Throwable e) {
                    continue;
                }
                if (v instanceof OptionTypes.PathValue p && p.role() == OptionTypes.Role.INPUT_FILE) {
                    inputs.add("--" + option.getLongOpt());
                } else if (v instanceof OptionTypes.PathValue p && p.role() == OptionTypes.Role.OUTPUT_FILE) {
                    outputs.add("--" + option.getLongOpt());
                }
            }
            for (String in : inputs) {
                for (String out : outputs) {
                    MainTest.Outcome o = runBounded(command.name(), in, file.toString(), out, file.toString());
                    String what = command.name() + " " + in + " F " + out + " F";
                    assertEquals(1, o.code(), what + ": " + o.err());
                    assertTrue(o.err().contains(in + " and " + out + " name the same file"), what + ": " + o.err());
                    assertEquals("{\"default\": \"exact\"}", Files.readString(file), what);
                    trials++;
                }
            }
        }
        assertTrue(trials >= 15, trials + " trials");
    }

    /** {@code command} with the options and wrong values given: exit 1 or 2 naming one of them, never an internal error. */
    private static void checkWrong(String command, List<String[]> optionsAndValues) {
        List<String> args = new ArrayList<>(List.of(command));
        optionsAndValues.forEach(w -> args.addAll(List.of(w)));
        MainTest.Outcome o = runBounded(args.toArray(String[]::new));
        String what = String.join(" ", args);
        assertTrue(o.code() == 1 || o.code() == 2, what + ": exit " + o.code() + "\n" + o.err());
        assertTrue(optionsAndValues.stream().anyMatch(w -> o.err().contains(w[0]) || o.err().contains(w[1]))
                || o.err().contains("an option from this group has already been selected"), what + ": " + o.err());
        assertFalse(o.err().contains("internal error") || o.err().contains("\tat "), what + ": " + o.err());
    }

    /** Values the option's type cannot take, by what its converter makes of a path through a file. */
    private List<String> wrongValues(org.apache.commons.cli.Option option, Path file) {
        List<String> numbersAndNames = List.of("-1", "NaN", "1e309", "99999999999", "", "x,x", "a\u0000b");
        try {
            option.getConverter().apply(file.resolve("x").toString());
        } catch (Throwable e) {
            if (e instanceof OptionTypes.BadValue) {
                return numbersAndNames;
            }
            if (e instanceof OptionTypes.BadPath) {
                // a path: none there, one the system refuses, and one of the other kind
                String other = option.getArgName().contains("DIR") && !option.getArgName().contains("ZIP")
                        ? file.toString() : tmp.toString();
                return List.of(file.resolve("x").toString(), "a\u0000b", other);
            }
            return List.of(file.resolve("x").toString(), "", "x,x"); // names (an unknown multiplier is bad input)
        }
        return List.of(file.resolve("x").toString()); // free text, e.g. a layer name
    }

    private static String corrupt(String text, Random rnd) {
        char[] c = text.toCharArray();
        for (int k = 1 + rnd.nextInt(3); k > 0; k--) {
            c[rnd.nextInt(c.length)] = rnd.nextBoolean() ? (char) rnd.nextInt(256) : "[]{}\",:-0e9.".charAt(rnd.nextInt(12));
        }
        return new String(c);
    }

    /** A byte in the first or last 2 KiB (subgraph tables, vtables, offsets, names) of the flatbuffer. */
    private static int structural(Random rnd, int length) {
        int at = rnd.nextInt(4096);
        return at < 2048 ? at : length - 1 - (at - 2048);
    }

    private static MainTest.Outcome runBounded(String... args) {
        return assertTimeoutPreemptively(Duration.ofSeconds(20), () -> MainTest.run(args), String.join(" ", args));
    }

    private static void check(MainTest.Outcome o, Path file, String what) {
        assertTrue(List.of(0, 2).contains(o.code()), what + ": exit " + o.code() + "\n" + o.err());
        assertFalse(o.err().contains("internal error") || o.err().contains("\tat ") || o.err().contains("Exception"),
                what + ": " + o.err());
        if (o.code() == 2) {
            assertTrue(o.err().contains(file.toString()), what + ": the message does not name the file: " + o.err());
        }
    }
}
