package org.maxdnn.cli;

import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.maxdnn.flow.CharacteriseEnergy;
import org.maxdnn.flow.EnergySource;
import org.maxdnn.flow.Profile;
import org.maxdnn.flow.Workload;

/** The characterisation's options (--liberty, --pairs, --energy), shared by {@code energy}, {@code explore} and {@code run}. */
final class EnergyOptions {
    private EnergyOptions() {
    }

    /** More operand pairs per layer than this would take the characterisation days. */
    static final int MAX_PAIRS = 1_000_000;

    /** --liberty and --pairs configure the characterisation, which --energy FILE replaces. */
    static List<OptionRule> rulesBesides(String table) {
        return List.of(OptionRule.onlyWithout("liberty", table), OptionRule.onlyWithout("pairs", table));
    }

    static Option liberty(String what) {
        return Option.builder().longOpt("liberty").hasArg().argName("FILE").converter(OptionTypes.inputFile())
                .desc(what + ", .lib or .lib.gz (default: Debian's osu018_stdcells.lib)").build();
    }

    static Option pairs() {
        return Option.builder().longOpt("pairs").hasArg().argName("N").converter(OptionTypes.wholeNumber(1, MAX_PAIRS))
                .desc("operand pairs per layer for the characterisation (default " + Profile.FULL.pairs() + ")").build();
    }

    /**
     * What to characterise, from --liberty and --pairs (else {@code pairs}): every configuration and
     * the asset folder's EvoApprox tables on the operands of {@code work}'s images — those --images,
     * --cifar or --limit chose, else the first {@link CharacteriseEnergy#OPERAND_IMAGES} — written to {@code out}.
     */
    static CharacteriseEnergy.Request characterisation(CommandLine cmd, Context ctx, Workload work, Path out, int pairs) {
        boolean chosen = cmd.hasOption("limit") || cmd.hasOption("images") || cmd.hasOption("cifar");
        return new CharacteriseEnergy.Request(chosen ? work : work.first(CharacteriseEnergy.OPERAND_IMAGES),
                OptionTypes.value(cmd, "pairs", pairs), CharacteriseEnergy.liberty(OptionTypes.path(cmd, "liberty")),
                ctx.assets(), Runtime.getRuntime().availableProcessors(), out);
    }

    /** --energy FILE, else a characterisation ({@link #characterisation}) into {@code out}. */
    static EnergySource source(CommandLine cmd, Context ctx, Workload work, Path out) {
        if (cmd.hasOption("energy")) {
            return EnergySource.file(OptionTypes.path(cmd, "energy"));
        }
        return EnergySource.characterise(characterisation(cmd, ctx, work, out, SearchOptions.profile(cmd).pairs()));
    }
}
