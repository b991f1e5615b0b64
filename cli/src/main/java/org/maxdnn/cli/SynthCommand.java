package org.maxdnn.cli;

import java.util.List;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.maxdnn.flow.Profile;
import org.maxdnn.flow.SynthesiseCells;
import org.maxdnn.report.AlignedText;
import org.maxdnn.mult.MultiplierConfig;

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
                        .converter(v -> List.of("all", "pe", "array").contains(v) ? v
                                : MultiplierConfig.parse(v).name())
                        .desc("all (default: exact + 64 ROUP configurations), a multiplier name such as roup-p1r2 or "
                                + "lut:mul8u_2AC (an EvoApprox circuit), pe, or array").build())
                .addOption(Option.builder().longOpt("liberty").hasArg().argName("FILE").converter(OptionTypes.inputFile())
                        .desc("map to this liberty's cells (.lib or .lib.gz) and report their area (default: Yosys's generic gates)").build())
                .addOption(Inputs.arraySide("rows", "array rows for --target array (default 16)"))
                .addOption(Inputs.arraySide("cols", "array columns for --target array (default 16)"))
                .addOption(Inputs.outFolder("output folder (default out/synth)"));
    }

    @Override
    public List<OptionRule> rules() {
        return List.of(new OptionRule("rows", "with --target array", SynthCommand::array),
                new OptionRule("cols", "with --target array", SynthCommand::array));
    }

    private static boolean array(CommandLine cmd) {
        return OptionTypes.value(cmd, "target", "all").equals("array");
    }

    @Override
    public int run(CommandLine cmd, Context ctx) {
        SynthesiseCells.Synthesised r = SynthesiseCells.run(new SynthesiseCells.Request(
                OptionTypes.value(cmd, "target", "all"), OptionTypes.value(cmd, "rows", Profile.FULL.arraySide()),
                OptionTypes.value(cmd, "cols", Profile.FULL.arraySide()), OptionTypes.path(cmd, "liberty"),
                Inputs.assetsIfSet(ctx), OptionTypes.path(cmd, "out", "out/synth")));
        AlignedText.lines(r.table()).forEach(ctx.out()::println);
        ctx.out().printf(Locale.ROOT, "yosys synth (%s) of %d modules in %.1f s%n", r.units(), r.modules(), r.seconds());
        ctx.out().println("wrote " + r.csv());
        return 0;
    }
}
