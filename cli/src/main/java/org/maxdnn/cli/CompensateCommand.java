package org.maxdnn.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.maxdnn.MaxdnnException;
import org.maxdnn.data.DataSet;
import org.maxdnn.data.LabeledImage;
import org.maxdnn.infer.ConvLayer;
import org.maxdnn.infer.Network;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.map.Compensation;

/**
 * {@code maxdnn compensate}: writes the map with each approximate layer's bias corrections
 * calibrated on a data set ({@link Compensation}), for eval, generate, cosim and energy to use.
 */
final class CompensateCommand implements CliCommand {
    @Override
    public String name() {
        return "compensate";
    }

    @Override
    public String summary() {
        return "bias compensation: calibrate each approximate output channel's mean error and fold it into the bias";
    }

    @Override
    public Options options() {
        Options o = new Options().addOption(Inputs.model()).addOption(Inputs.rounding());
        o.addOption(Option.builder().longOpt("map").hasArg().argName("FILE").converter(OptionTypes.inputFile())
                .desc("the approximation map to compensate (any compensation it has is recomputed)").build());
        o.addOption(Inputs.outFile("out", "where to write the compensated map (a file; not the --map file)"));
        return Inputs.images(o);
    }

    @Override
    public List<OptionRule> rules() {
        return List.of(Inputs.SEED_WITH_RANDOM);
    }

    @Override
    public int run(CommandLine cmd, Context ctx) {
        if (!cmd.hasOption("map") || !cmd.hasOption("out")) {
            throw new MaxdnnException(MaxdnnException.USAGE, "give --map FILE and --out FILE");
        }
        Network net = Inputs.network(cmd, ctx);
        ApproxMap map = Inputs.map(cmd, net, ctx);
        DataSet data = Inputs.dataSet(cmd, ctx, net);
        Path out = OptionTypes.path(cmd, "out");
        List<byte[]> inputs = data.inputs().stream().map(LabeledImage::pixels).toList();
        ctx.out().printf(Locale.ROOT, "compensate: %s on %d inputs from %s%n", cmd.getOptionValue("map"),
                inputs.size(), data.source());
        ApproxMap compensated = Compensation.calibrate(net, map, inputs, Inputs.registry(ctx));
        for (ConvLayer l : net.weightedLayers()) {
            int[] c = compensated.compensation(l);
            if (c != null) {
                long nonZero = java.util.Arrays.stream(c).filter(v -> v != 0).count();
                ctx.out().printf(Locale.ROOT, "  %-8s %d of %d channels corrected, |correction| mean %.1f, max %d%n",
                        l.name(), nonZero, c.length, java.util.Arrays.stream(c).map(Math::abs).average().orElse(0),
                        java.util.Arrays.stream(c).map(Math::abs).max().orElse(0));
            }
        }
        if (compensated.compensation().isEmpty()) {
            ctx.out().println("  every layer is exact: nothing to correct");
        }
        compensated.write(out);
        ctx.out().println("wrote " + out);
        return 0;
    }
}
