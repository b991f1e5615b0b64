package org.maxdnn.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.maxdnn.Assets;
import org.maxdnn.BundledModel;
import org.maxdnn.MaxdnnException;
import org.maxdnn.data.LabelsFile;
import org.maxdnn.data.NpyFolder;

/**
 * The one check of a command's options before it runs ({@link Main} calls it for every command):
 * each given option converted by the type it declares ({@link OptionTypes}), whether this run reads
 * it or not, and none given twice; then the files they name kept apart, together with those the
 * command reads without an option naming them (the model of {@code --model} or its default, the
 * sample folder's labels and samples): no output is an input or a file an input folder is read
 * from, no two outputs are the same path; last the command's {@link OptionRule}s: an option the
 * run would not read is refused.
 */
final class OptionCheck {
    private OptionCheck() {
    }

    /**
     * Checks {@code cmd}, parsed against {@code declared} (the command's options and the common ones),
     * with the command's {@code rules}.
     */
    static void all(CommandLine cmd, Options declared, List<OptionRule> rules, Context ctx) {
        Map<String, OptionTypes.PathValue> paths = new LinkedHashMap<>();
        for (Option o : cmd.getOptions()) {
            String name = "--" + o.getLongOpt();
            if (paths.containsKey(name)) {
                continue;
            }
            String[] values = cmd.getOptionValues(o.getLongOpt());
            if (o.hasArg() && values != null && values.length > 1) {
                throw new MaxdnnException(MaxdnnException.USAGE, name + " is given " + values.length + " times; give it once");
            }
            if (o.hasArg() && convert(cmd, o, name) instanceof OptionTypes.PathValue p) {
                paths.put(name, p);
            }
        }
        keepApart(implicitInputs(cmd, declared, ctx), paths);
        // the rules read converted values, so they come after every value is known to convert
        for (OptionRule r : rules) {
            if (cmd.hasOption(r.option()) && !r.applies().test(cmd)) {
                throw new MaxdnnException(MaxdnnException.USAGE, "--" + r.option() + " does not apply here: it is read "
                        + "only " + r.when());
            }
        }
    }

    private static Object convert(CommandLine cmd, Option o, String name) {
        String v = cmd.getOptionValue(o.getLongOpt());
        try {
            return cmd.getParsedOptionValue(o);
        } catch (ParseException e) {
            Throwable why = e.getCause() != null ? e.getCause() : e;
            if (why instanceof OptionTypes.BadValue b) {
                throw new MaxdnnException(MaxdnnException.USAGE, name + " must be " + b.must + ", got '" + v + "'"
                        + (b.detail.isEmpty() ? "" : " (" + b.detail + ")"));
            }
            if (why instanceof OptionTypes.BadPath b) {
                throw MaxdnnException.badInput(name + " " + (b.shown != null ? b.shown : v) + ": " + b.getMessage());
            }
            if (why instanceof MaxdnnException m) {
                throw new MaxdnnException(m.exitCode(), name + " '" + v + "': " + m.getMessage(), m);
            }
            throw new IllegalStateException("converting " + name + " '" + v + "'", why);
        }
    }

    /**
     * The files a command reads without an option naming them: the model (a file, or a bundled
     * network by name or by default) when it takes {@code --model}, and the sample folder it reads
     * by default (the model's own sample set) when it takes {@code --images} and neither that nor
     * {@code --cifar} is given. Assets are looked at only when an asset folder is set; without one
     * the command stops on its own, clearly.
     */
    private static Map<String, OptionTypes.PathValue> implicitInputs(CommandLine cmd, Options declared, Context ctx) {
        Map<String, OptionTypes.PathValue> in = new LinkedHashMap<>();
        boolean assets = ctx.assetsOption() != null || System.getenv(Assets.ENV) != null;
        String model = cmd.getOptionValue("model");
        if (declared.hasLongOption("model") && (assets || model != null && BundledModel.byName(model) == null)) {
            in.put("--model", new OptionTypes.PathValue(Inputs.modelFile(cmd, ctx), OptionTypes.Role.INPUT_FILE));
        }
        if (declared.hasLongOption("images") && !cmd.hasOption("images") && !cmd.hasOption("cifar") && assets) {
            BundledModel b = model == null ? BundledModel.RESNET8
                    : BundledModel.byName(model) != null ? BundledModel.byName(model) : BundledModel.byFile(Path.of(model));
            Path samples = b != null ? b.samples(ctx.assets()) : ctx.assets().images();
            in.put("the sample folder", new OptionTypes.PathValue(samples, OptionTypes.Role.INPUT_FOLDER));
        }
        return in;
    }

    /**
     * No output is the same path as another output or an input; no output file is a file an input
     * folder is read from (an existing file there, or a labels file, {@code .bin} or {@code .npy}
     * sample a sample folder would take up).
     */
    private static void keepApart(Map<String, OptionTypes.PathValue> implicit, Map<String, OptionTypes.PathValue> given) {
        List<Map.Entry<String, OptionTypes.PathValue>> all = new ArrayList<>(implicit.entrySet());
        all.addAll(given.entrySet());
        for (int i = 0; i < all.size(); i++) {
            OptionTypes.PathValue out = all.get(i).getValue();
            if (!out.role().isOutput()) {
                continue;
            }
            Path o = identity(out.path());
            for (int j = 0; j < all.size(); j++) {
                OptionTypes.PathValue other = all.get(j).getValue();
                if (j == i || other.role().isOutput() && j > i) {
                    continue; // a pair of outputs once
                }
                String clash = clash(all.get(i).getKey(), out, o, all.get(j).getKey(), other, identity(other.path()));
                if (clash != null) {
                    throw new MaxdnnException(MaxdnnException.USAGE, clash + (other.role().isOutput()
                            ? " (one output would overwrite the other)" : " (an output would overwrite an input)"));
                }
            }
        }
    }

    /**
     * How output {@code out} (named {@code outName}, ending up at {@code o}) clashes with
     * {@code other} (ending up at {@code p}), in words, or null.
     */
    private static String clash(String outName, OptionTypes.PathValue out, Path o, String otherName,
                                OptionTypes.PathValue other, Path p) {
        if (o.equals(p)) {
            return otherName + " and " + outName + " name the same " + (Files.isDirectory(p) ? "folder " : "file ")
                    + out.path();
        }
        if (out.role() == OptionTypes.Role.OUTPUT_FILE && other.role() == OptionTypes.Role.INPUT_FOLDER
                && p.equals(o.getParent())) {
            String n = o.getFileName().toString();
            if (Files.exists(o) || n.equals(LabelsFile.NAME) || n.endsWith(".bin") || n.endsWith(NpyFolder.EXTENSION)) {
                return outName + " " + out.path() + " is a file of " + otherName + " " + other.path();
            }
        }
        return null;
    }

    /**
     * The file a path ends up at: symbolic links followed (of the path, or of its nearest existing
     * folder when it does not exist yet), relative paths made absolute.
     */
    static Path identity(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(abs)).normalize();
        } catch (IOException e) {
            return abs;
        }
    }
}
