package org.maxdnn.cli;

import java.nio.file.Path;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.maxdnn.flow.Profile;
import org.maxdnn.flow.SynthesiseCells;
import org.maxdnn.report.AlignedText;

/** {@code maxdnn synth}: Yosys synthesis of multiplier configurations, the PE or the array; cell counts. */
final class SynthCommand implements CliCommand {
    @Override
    public String name() {
        return "synth";
    }

    @Override
    public String summary() {
        return "Yosys synthesis of multiplier configurations / PE / array: cell counts (CSV)";
    }

    @Override
    public Options options() {
        return new Options()
                .addOption(Option.builder().longOpt("target").hasArg().argName("T")
                        .desc("all (default: exact + 64 ROUP configurations), a multiplier name such as roup-p1r2 or "
                                + "lut:mul8u_2AC (an EvoApprox circuit), pe, or array").build())
                .addOption(Option.builder().longOpt("liberty").hasArg().argName("FILE")
                        .desc("map to this liberty's cells (.lib or .lib.gz) and report their area (default: Yosys's generic gates)").build())
                .addOption(Option.builder().longOpt("rows").hasArg().argName("R").desc("array rows for --target array (default 16)").build())
                .addOption(Option.builder().longOpt("cols").hasArg().argName("C").desc("array columns for --target array (default 16)").build())
                .addOption(Option.builder().longOpt("out").hasArg().argName("DIR").desc("output folder (default out/synth)").build());
    }

    @Override
    public int run(CommandLine cmd, Context ctx) {
        SynthesiseCells.Synthesised r = SynthesiseCells.run(new SynthesiseCells.Request(cmd.getOptionValue("target", "all"),
                Inputs.arraySide(cmd, "rows", Profile.FULL.arraySide()), Inputs.arraySide(cmd, "cols", Profile.FULL.arraySide()),
                cmd.hasOption("liberty") ? Path.of(cmd.getOptionValue("liberty")) : null, Inputs.assetsIfSet(ctx),
                Path.of(cmd.getOptionValue("out", "out/synth"))));
        AlignedText.lines(r.table()).forEach(ctx.out()::println);
        ctx.out().printf(Locale.ROOT, "yosys synth (%s) of %d modules in %.1f s%n", r.units(), r.modules(), r.seconds());
        ctx.out().println("wrote " + r.csv());
        return 0;
    }
}
