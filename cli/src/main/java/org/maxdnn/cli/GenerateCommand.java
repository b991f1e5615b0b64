package org.maxdnn.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.maxdnn.Assets;
import org.maxdnn.MaxdnnException;
import org.maxdnn.accel.AcceleratorConfig;
import org.maxdnn.array.ArrayConfig;
import org.maxdnn.flow.GenerateRtl;
import org.maxdnn.infer.ConvLayer;
import org.maxdnn.infer.Network;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.mult.MultiplierCatalog;
import org.maxdnn.mult.MultiplierConfig;

/**
 * {@code maxdnn generate}: Verilog + manifest of the systolic array, or with {@code --target
 * accelerator} of the accelerator around it, and the multiplier modules.
 */
final class GenerateCommand implements CliCommand {
    @Override
    public String name() {
        return "generate";
    }

    @Override
    public String summary() {
        return "Verilog + JSON manifest of the weight-stationary array (fixed or configurable) and multipliers";
    }

    @Override
    public Options options() {
        return AcceleratorOptions.add(new Options())
                .addOption(AcceleratorOptions.counterBits())
                .addOption(Inputs.arraySide("rows", "PE rows (default 16)"))
                .addOption(Inputs.arraySide("cols", "PE columns (default 16)"))
                .addOption(Option.builder().longOpt("mode").hasArg().argName("MODE")
                        .converter(OptionTypes.oneOf(List.of("configurable", "fixed")))
                        .desc("configurable (default: per-PE configuration loaded with the weight) or fixed").build())
                .addOption(Inputs.arrayKind())
                .addOption(Inputs.map())
                .addOption(Inputs.model())
                .addOption(Option.builder().longOpt("layer").hasArg().argName("NAME")
                        .desc("fixed mode: the layer whose map configurations are baked into the PEs").build())
                .addOption(Option.builder().longOpt("multipliers").hasArg().argName("NAMES")
                        .converter(v -> v.equals("all") ? List.of(v) : OptionTypes.multipliers().apply(v))
                        .desc("also write standalone multiplier modules: 'all' (exact + 64 ROUP) or comma-separated names").build())
                .addOption(Inputs.outFolder("output folder (default out/rtl)"));
    }

    @Override
    public List<OptionRule> rules() {
        List<OptionRule> r = new ArrayList<>(AcceleratorOptions.RULES);
        r.add(new OptionRule("counter-bits", "with --target accelerator", AcceleratorOptions::accelerator));
        r.add(new OptionRule("layer", "with --mode fixed", c -> OptionTypes.value(c, "mode", "").equals("fixed")));
        r.add(new OptionRule("multipliers", "with --target array", c -> !AcceleratorOptions.accelerator(c)));
        return r;
    }

    @Override
    public int run(CommandLine cmd, Context ctx) {
        int rows = OptionTypes.value(cmd, "rows", 16);
        int cols = OptionTypes.value(cmd, "cols", 16);
        Path out = OptionTypes.path(cmd, "out", "out/rtl");
        String mode = OptionTypes.value(cmd, "mode", "configurable");
        Assets assets = Inputs.assetsIfSet(ctx);
        List<MultiplierConfig> multipliers = multipliers(OptionTypes.value(cmd, "multipliers", List.of()));
        if (mode.equals("fixed") && (!cmd.hasOption("map") || !cmd.hasOption("layer"))) {
            throw new MaxdnnException(MaxdnnException.USAGE, "--mode fixed needs --map FILE and --layer NAME");
        }
        // a map given to the configurable array (which loads any map at run time) is still read and checked
        Network net = cmd.hasOption("map") || cmd.hasOption("model") ? Inputs.network(cmd, ctx) : null;
        ApproxMap map = net != null ? Inputs.map(cmd, net, ctx) : null;
        ArrayConfig design = Inputs.array(cmd, rows, cols);
        if (AcceleratorOptions.accelerator(cmd) && !cmd.hasOption("array")) {
            design = design.withGating(false); // the accelerator's default is the plain array (--array gated for the other)
        }
        if (mode.equals("fixed")) {
            ConvLayer layer = Inputs.layer(cmd, net, null);
            design = GenerateRtl.fixedArray(layer, map.resolve(layer), design).require();
            ctx.out().println("the fixed array runs every tile of " + layer.name() + " with its map's configurations");
        }
        if (AcceleratorOptions.accelerator(cmd)) {
            GenerateRtl.Accelerator a = GenerateRtl.accelerator(AcceleratorOptions.config(cmd, ctx, design), assets, out);
            AcceleratorConfig c = a.config();
            ctx.out().printf(Locale.ROOT, "accelerator %s around %s (memories: %s; activations 2 x %,d bytes, weights "
                            + "2 x %,d words, accumulators %,d words, parameters 2 x %,d entries, %d descriptors) "
                            + "elaborated and emitted in %.1f s%n", c.moduleName(), design.moduleName(),
                    c.memories().name().toLowerCase(Locale.ROOT), c.activationBytes(), c.weightWords(),
                    c.accumulatorWords(), c.parameterEntries(), c.descriptors(), a.seconds());
            ctx.out().println("wrote " + a.files().verilog() + " and " + a.files().manifest()
                    + (a.files().sramModel() != null ? " and " + a.files().sramModel() : ""));
            return 0;
        }
        GenerateRtl.Array array = GenerateRtl.write(design, assets, out);
        ctx.out().printf(Locale.ROOT, "%s %s array %s (%dx%d PEs, latency %d cycles) elaborated and emitted in %.1f s%n",
                design.isConfigurable() ? "configurable" : "fixed", design.gated() ? "gated" : "plain",
                design.moduleName(), rows, cols, design.latency(),
                array.seconds());
        ctx.out().println("wrote " + array.files().verilog() + " and " + array.files().manifest());
        if (!multipliers.isEmpty()) {
            List<Path> written = GenerateRtl.multipliers(multipliers, assets,
                    out.resolve("multipliers"));
            ctx.out().println("wrote " + written.size() + " multiplier modules to " + out.resolve("multipliers"));
        }
        return 0;
    }

    /** 'all' (exact and both ROUP families) or the names given. */
    private static List<MultiplierConfig> multipliers(List<String> names) {
        return names.equals(List.of("all")) ? MultiplierCatalog.library()
                : names.stream().map(MultiplierConfig::parse).toList();
    }
}
