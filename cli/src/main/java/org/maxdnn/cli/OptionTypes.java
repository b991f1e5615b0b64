package org.maxdnn.cli;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Converter;
import org.apache.commons.cli.ParseException;
import org.maxdnn.MaxdnnException;
import org.maxdnn.explore.SparkMaster;
import org.maxdnn.mult.MultiplierConfig;

/**
 * What an option's value may be, as Commons CLI converters ({@code Option.Builder.converter}): an
 * option declares its type where it is declared, {@link OptionCheck} converts every given option
 * before any command runs, whether the run reads it or not, and the command reads the converted
 * value ({@link #value}).
 *
 * <p>A value of the wrong form or out of range is a {@link BadValue} (exit 1, usage); a file or
 * folder that is missing or of the wrong kind is a {@link BadPath} (exit 2, bad input).
 */
final class OptionTypes {
    private OptionTypes() {
    }

    /** What the value must be ("a whole number from 1 to 256") and, possibly empty, why this one is not. */
    static final class BadValue extends Exception {
        final String must;
        final String detail;

        BadValue(String must, String detail) {
            super(must + (detail.isEmpty() ? "" : " (" + detail + ")"));
            this.must = must;
            this.detail = detail;
        }
    }

    /**
     * Why a path cannot be what the option names ("not found", "is a folder, not a file"), and the
     * path the message names when it is not the option's own (an output's folder), else null.
     */
    static final class BadPath extends Exception {
        final Path shown;

        BadPath(String reason) {
            this(null, reason);
        }

        BadPath(Path shown, String reason) {
            super(reason);
            this.shown = shown;
        }
    }

    /** What a command does with a path an option names; {@link OptionCheck} keeps inputs and outputs apart. */
    enum Role {
        INPUT_FILE, INPUT_FOLDER, OUTPUT_FILE, OUTPUT_FOLDER;

        boolean isOutput() {
            return this == OUTPUT_FILE || this == OUTPUT_FOLDER;
        }
    }

    /** A path with its role: the converted value of a file or folder option. */
    record PathValue(Path path, Role role) {
    }

    /**
     * The converted value of {@code option}, or {@code dflt} when it is not given. {@link OptionCheck}
     * has converted every given option before the command runs, so this does not fail.
     */
    static <T> T value(CommandLine cmd, String option, T dflt) {
        try {
            return cmd.getParsedOptionValue(option, dflt);
        } catch (ParseException e) {
            throw new IllegalStateException("--" + option + " was not checked before the command ran", e);
        }
    }

    /** The path of a file or folder option, or null when it is not given. */
    static Path path(CommandLine cmd, String option) {
        return path(cmd, option, null);
    }

    /** The path of a file or folder option, or {@code dflt} (may be null) when it is not given. */
    static Path path(CommandLine cmd, String option, String dflt) {
        PathValue p = value(cmd, option, null);
        return p != null ? p.path() : dflt == null ? null : Path.of(dflt);
    }

    /** A whole number in [min, max]. */
    static Converter<Integer, BadValue> wholeNumber(int min, int max) {
        return v -> {
            String must = "a whole number from " + min + " to " + max;
            long n;
            try {
                n = Long.parseLong(v.trim());
            } catch (NumberFormatException e) {
                throw new BadValue(must, "not a whole number" + (v.trim().matches("-?\\d{19,}") ? ": too large" : ""));
            }
            if (n < min || n > max) {
                throw new BadValue(must, n < min ? "too small" : "too large");
            }
            return (int) n;
        };
    }

    /** A finite number in [min, max], {@code unit} (may be empty) named after the range. */
    static Converter<Double, BadValue> number(double min, double max, String unit) {
        return number(min, true, max, true, unit);
    }

    /** A finite number between min and max, each bound included or not. */
    static Converter<Double, BadValue> number(double min, boolean minIncluded, double max, boolean maxIncluded,
                                              String unit) {
        return v -> {
            String must = (minIncluded && maxIncluded ? "a number from " + plain(min) + " to " + plain(max)
                    : "a number " + (minIncluded ? "from " : "above ") + plain(min) + (maxIncluded ? " to " : " and below ")
                    + plain(max)) + (unit.isEmpty() ? "" : " " + unit);
            double d;
            try {
                d = Double.parseDouble(v.trim());
            } catch (NumberFormatException e) {
                throw new BadValue(must, "not a number");
            }
            if (Double.isNaN(d)) {
                throw new BadValue(must, "not a number");
            }
            if (d < min || !minIncluded && d == min || d > max || !maxIncluded && d == max) {
                throw new BadValue(must, d <= min ? "too small" : "too large");
            }
            return d;
        };
    }

    /** {@code count} comma-separated whole numbers, each in [min, max]. */
    static Converter<int[], BadValue> wholeNumbers(int count, int min, int max) {
        return v -> {
            String must = count + " comma-separated whole numbers from " + min + " to " + max;
            String[] parts = v.split(",", -1);
            if (parts.length != count) {
                throw new BadValue(must, parts.length + " of them");
            }
            int[] n = new int[count];
            for (int i = 0; i < count; i++) {
                try {
                    n[i] = wholeNumber(min, max).apply(parts[i]);
                } catch (BadValue e) {
                    throw new BadValue(must, "number " + (i + 1) + ": " + e.detail);
                }
            }
            return n;
        };
    }

    /** One of {@code choices}, exactly as written. */
    static Converter<String, BadValue> oneOf(List<String> choices) {
        return v -> {
            if (!choices.contains(v)) {
                throw new BadValue(choices.size() == 2 ? choices.get(0) + " or " + choices.get(1)
                        : "one of " + String.join(", ", choices), "");
            }
            return v;
        };
    }

    /** Comma-separated names, each one of {@code choices}, none twice. */
    static Converter<List<String>, BadValue> listOf(List<String> choices) {
        return names("some of " + String.join(", ", choices) + ", comma-separated", n -> {
            if (!choices.contains(n)) {
                throw new IllegalArgumentException("'" + n + "' is not one of them");
            }
        });
    }

    /**
     * Comma-separated names ({@code must} says which), none twice, each accepted by {@code check},
     * which otherwise throws an exception whose message says why: a {@link MaxdnnException} keeps its
     * exit code (an unknown multiplier is bad input), any other is a {@link BadValue}.
     */
    static Converter<List<String>, BadValue> names(String must, Consumer<String> check) {
        return v -> {
            Set<String> seen = new LinkedHashSet<>();
            List<String> names = new ArrayList<>();
            for (String n : v.split(",", -1)) {
                String name = n.trim();
                if (name.isEmpty()) {
                    throw new BadValue(must, "an empty name");
                }
                if (!seen.add(name)) {
                    throw new BadValue(must, "'" + name + "' twice");
                }
                try {
                    check.accept(name);
                } catch (MaxdnnException e) {
                    throw e;
                } catch (RuntimeException e) {
                    throw new BadValue(must, e.getMessage());
                }
                names.add(name);
            }
            return List.copyOf(names);
        };
    }

    /** Comma-separated multiplier names ({@code exact}, {@code roup-pPrR}, {@code lut:NAME}, …), none twice. */
    static Converter<List<String>, BadValue> multipliers() {
        return names("comma-separated multiplier names", MultiplierConfig::parse);
    }

    /** A Spark master ({@link SparkMaster}). */
    static Converter<SparkMaster, BadValue> sparkMaster() {
        return v -> {
            try {
                return SparkMaster.parse(v, "--spark");
            } catch (RuntimeException e) {
                String prefix = "--spark '" + v + "': ";
                String why = e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : "";
                throw new BadValue("local, local[N], local[*] or spark://HOST:PORT", why);
            }
        };
    }

    /** A file the command reads: it exists and is a file. */
    static Converter<PathValue, BadPath> inputFile() {
        return v -> {
            Path p = path(v);
            if (Files.isDirectory(p)) {
                throw new BadPath("is a folder, not a file");
            }
            if (!Files.isRegularFile(p)) {
                throw new BadPath("not found");
            }
            return new PathValue(p, Role.INPUT_FILE);
        };
    }

    /** A file or folder the command reads (a ZIP or a folder of images): it exists. */
    static Converter<PathValue, BadPath> inputFileOrFolder() {
        return v -> {
            Path p = path(v);
            if (!Files.exists(p)) {
                throw new BadPath("no such file or folder");
            }
            return new PathValue(p, Files.isDirectory(p) ? Role.INPUT_FOLDER : Role.INPUT_FILE);
        };
    }

    /** A folder the command reads: it exists and is a folder. */
    static Converter<PathValue, BadPath> inputFolder() {
        return v -> {
            Path p = path(v);
            if (!Files.exists(p)) {
                throw new BadPath("no such folder");
            }
            if (!Files.isDirectory(p)) {
                throw new BadPath("is a file, not a folder");
            }
            return new PathValue(p, Role.INPUT_FOLDER);
        };
    }

    /** A file the command writes: not a folder, and its folder can be made and written. */
    static Converter<PathValue, BadPath> outputFile() {
        return v -> {
            Path p = path(v);
            if (Files.isDirectory(p)) {
                throw new BadPath("is a folder; give a file name");
            }
            writable(p.toAbsolutePath().getParent(), p.toAbsolutePath().getParent());
            return new PathValue(p, Role.OUTPUT_FILE);
        };
    }

    /** A folder the command writes into: not a file, and it can be made and written. */
    static Converter<PathValue, BadPath> outputFolder() {
        return v -> {
            Path p = path(v);
            if (Files.exists(p) && !Files.isDirectory(p)) {
                throw new BadPath("is a file, not a folder");
            }
            writable(p.toAbsolutePath(), null);
            return new PathValue(p, Role.OUTPUT_FOLDER);
        };
    }

    /** {@code v} as a path; one the system cannot take (a NUL character) is a {@link BadPath}. */
    private static Path path(String v) throws BadPath {
        try {
            return Path.of(v);
        } catch (java.nio.file.InvalidPathException e) {
            throw new BadPath("not a valid path (" + e.getReason() + ")");
        }
    }

    /**
     * The folder can be made: its nearest existing ancestor is a writable folder (so a run does not
     * fail at its end, after the work, on an output it cannot write).
     */
    private static void writable(Path folder, Path shown) throws BadPath {
        Path p = folder;
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        if (p == null) {
            return;
        }
        if (!Files.isDirectory(p)) {
            throw new BadPath(shown, p + " is a file, not a folder");
        }
        if (!Files.isWritable(p)) {
            throw new BadPath(shown, "cannot write in " + p + " (permission denied or read-only)");
        }
    }

    /** 0.001 → "0.001", 100000.0 → "100000". */
    private static String plain(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
