package org.maxdnn.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.maxdnn.MaxdnnException;
import org.maxdnn.infer.ConvLayer;
import org.maxdnn.infer.Network;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.mult.MultiplierCatalog;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.rtl.ArrayDesign;
import org.maxdnn.rtl.RtlGenerator;

/** {@code maxdnn generate}: Verilog + manifest of the systolic array, and the multiplier modules. */
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
        return new Options()
                .addOption(Option.builder().longOpt("rows").hasArg().argName("R").desc("PE rows (default 16)").build())
                .addOption(Option.builder().longOpt("cols").hasArg().argName("C").desc("PE columns (default 16)").build())
                .addOption(Option.builder().longOpt("mode").hasArg().argName("MODE")
                        .desc("configurable (default: per-PE configuration loaded with the weight) or fixed").build())
                .addOption(Inputs.map())
                .addOption(Inputs.model())
                .addOption(Option.builder().longOpt("layer").hasArg().argName("NAME")
                        .desc("fixed mode: the layer whose map configurations are baked into the PEs").build())
                .addOption(Option.builder().longOpt("multipliers").hasArg().argName("NAMES")
                        .desc("also write standalone multiplier modules: 'all' (exact + 64 ROUP) or comma-separated names").build())
                .addOption(Option.builder().longOpt("out").hasArg().argName("DIR").desc("output folder (default out/rtl)").build());
    }

    @Override
    public int run(CommandLine cmd, Context ctx) {
        int rows = Inputs.positiveInt(cmd, "rows", 16);
        int cols = Inputs.positiveInt(cmd, "cols", 16);
        Path out = Path.of(cmd.getOptionValue("out", "out/rtl"));
        String mode = cmd.getOptionValue("mode", "configurable");
        ArrayDesign design;
        if (mode.equals("configurable")) {
            if (cmd.hasOption("layer")) {
                throw new MaxdnnException(MaxdnnException.USAGE, "--layer goes with --mode fixed");
            }
            design = ArrayDesign.configurable("SystolicArray_" + rows + "x" + cols, rows, cols);
        } else if (mode.equals("fixed")) {
            if (!cmd.hasOption("map") || !cmd.hasOption("layer")) {
                throw new MaxdnnException(MaxdnnException.USAGE, "--mode fixed needs --map FILE and --layer NAME");
            }
            Network net = Inputs.network(cmd, ctx);
            ApproxMap map = Inputs.map(cmd, net);
            String layerName = cmd.getOptionValue("layer");
            ConvLayer layer = net.layer(layerName);
            if (layer == null) {
                throw MaxdnnException.badInput("the model has no layer '" + layerName + "'");
            }
            design = fixedFor(layer, map.resolve(layer), rows, cols);
            ctx.out().println(tileNote(layer, map.resolve(layer), rows, cols));
        } else {
            throw new MaxdnnException(MaxdnnException.USAGE, "--mode must be fixed or configurable, got '" + mode + "'");
        }
        long t0 = System.nanoTime();
        RtlGenerator.ArrayFiles files = RtlGenerator.writeArray(design, out);
        ctx.out().printf(Locale.ROOT, "%s array %s (%dx%d PEs, latency %d cycles) elaborated and emitted in %.1f s%n",
                design.isConfigurable() ? "configurable" : "fixed", design.name(), rows, cols, design.latency(),
                (System.nanoTime() - t0) / 1e9);
        ctx.out().println("wrote " + files.verilog() + " and " + files.manifest());
        if (cmd.hasOption("multipliers")) {
            List<MultiplierConfig> configs = multipliers(cmd.getOptionValue("multipliers"));
            List<Path> written = RtlGenerator.writeMultiplierFiles(configs, out.resolve("multipliers"));
            ctx.out().println("wrote " + written.size() + " multiplier modules to " + out.resolve("multipliers"));
        }
        return 0;
    }

    /**
     * The fixed array for a layer: PE (r, c) holds the configuration of kernel (filter c, input
     * channel of reduction index r) of the layer's first tile, reduction index k = (ky·kw + kx)·inC + ic.
     */
    static ArrayDesign fixedFor(ConvLayer layer, MultiplierConfig[][] configs, int rows, int cols) {
        List<List<MultiplierConfig>> pe = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            List<MultiplierConfig> row = new ArrayList<>();
            for (int c = 0; c < cols; c++) {
                MultiplierConfig cfg = r < layer.kernelSize() && c < layer.outC()
                        ? configs[c][r % layer.inC()] : MultiplierConfig.EXACT;
                if (!RtlGenerator.isSupported(cfg)) {
                    throw MaxdnnException.badInput("layer " + layer.name() + " uses " + cfg.name()
                            + ", which has no RTL (only exact, roup-pPrR, roupc-pPrR)");
                }
                row.add(cfg);
            }
            pe.add(row);
        }
        return ArrayDesign.fixed("SystolicArray_" + layer.name() + "_" + rows + "x" + cols, pe);
    }

    /** Whether every tile of the layer has the same configuration pattern, so one fixed array runs it all. */
    static String tileNote(ConvLayer layer, MultiplierConfig[][] configs, int rows, int cols) {
        int[] kernel = firstKernelOffPattern(layer, configs, rows, cols);
        if (kernel != null) {
            return "note: " + layer.name() + "'s map differs between tiles (kernel " + kernel[0] + "," + kernel[1]
                    + "), so this fixed array runs its first tile's configuration only; use the configurable array "
                    + "to run the whole layer";
        }
        return "the fixed array runs every tile of " + layer.name() + " with its map's configurations";
    }

    /** The first kernel (filter, input channel) whose configuration differs from its PE's in the first tile, or null. */
    static int[] firstKernelOffPattern(ConvLayer layer, MultiplierConfig[][] configs, int rows, int cols) {
        for (int oc = 0; oc < layer.outC(); oc++) {
            for (int k = 0; k < layer.kernelSize(); k++) {
                int r = k % rows;
                int c = oc % cols;
                if (!configs[oc][k % layer.inC()].equals(configs[c][r % layer.inC()])) {
                    return new int[] {oc, k % layer.inC()};
                }
            }
        }
        return null;
    }

    private static List<MultiplierConfig> multipliers(String spec) {
        if (spec.equals("all")) {
            return MultiplierCatalog.library();
        }
        List<MultiplierConfig> out = new ArrayList<>();
        for (String n : spec.split(",")) {
            MultiplierConfig c = MultiplierConfig.parse(n.trim());
            if (!RtlGenerator.isSupported(c)) {
                throw MaxdnnException.badInput("multiplier " + c.name() + " has no RTL (only exact, roup-pPrR, roupc-pPrR)");
            }
            out.add(c);
        }
        return out;
    }
}
