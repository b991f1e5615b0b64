package org.maxdnn.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.maxdnn.MaxdnnException;
import org.maxdnn.explore.Explorer;
import org.maxdnn.flow.EvoApproxTables;
import org.maxdnn.flow.ExploreMaps;
import org.maxdnn.flow.Profile;

/** The search's options, shared by {@code explore} and {@code run}, parsed into {@link ExploreMaps.Settings}. */
final class SearchOptions {
    private SearchOptions() {
    }

    static Options add(Options o) {
        return o.addOption(Option.builder().longOpt("levels").hasArg().argName("L")
                        .desc("approaches: any of layer,filter,kernel (default all three)").build())
                .addOption(Option.builder().longOpt("baseline").hasArg().argName("B").desc("alwann (default) or none").build())
                .addOption(Option.builder().longOpt("max-loss").hasArg().argName("PCT")
                        .desc("accuracy loss bound in percentage points for the chosen point (default 4)").build())
                .addOption(Option.builder().longOpt("seed").hasArg().argName("N").desc("search seed (default 1)").build())
                .addOption(Option.builder().longOpt("population").hasArg().argName("N").desc("NSGA-II population (default "
                        + Profile.FULL.population() + ", --quick " + Profile.QUICK.population() + ")").build())
                .addOption(Option.builder().longOpt("generations").hasArg().argName("N").desc("NSGA-II generations (default "
                        + Profile.FULL.generations() + ", --quick " + Profile.QUICK.generations() + ")").build())
                .addOption(Option.builder().longOpt("energy").hasArg().argName("FILE")
                        .desc("energy table JSON from 'maxdnn energy' (default: characterise now on --liberty)").build())
                .addOption(EnergyOptions.liberty("liberty for the characterisation"))
                .addOption(EnergyOptions.pairs())
                .addOption(Option.builder().longOpt("quick").desc("a small search that finishes in a few minutes").build())
                .addOption(Option.builder().longOpt("compensate")
                        .desc("also search every approach with bias compensation (APPROACH+comp), calibrated on the "
                                + "search images").build())
                .addOption(Option.builder().longOpt("objective").hasArg().argName("O")
                        .desc("what the search minimises besides energy, on the search part: metric (default; 1 - the "
                                + "task's metric) or agreement (1 - top-1 agreement with the exact model: every changed "
                                + "prediction counts, as on held-out data)").build());
    }

    /** The defaults of --quick or of a full run. */
    static Profile profile(CommandLine cmd) {
        return Profile.of(cmd.hasOption("quick"));
    }

    /** --levels, --baseline, --max-loss, --population, --generations, --seed, --quick, --compensate, --objective. */
    static ExploreMaps.Settings settings(CommandLine cmd) {
        Profile profile = profile(cmd);
        List<String> levels = Arrays.stream(cmd.getOptionValue("levels", "layer,filter,kernel").split(","))
                .map(String::trim).toList();
        for (String l : levels) {
            if (!ExploreMaps.LEVELS.contains(l)) {
                throw new MaxdnnException(MaxdnnException.USAGE, "--levels takes layer, filter, kernel; got '" + l + "'");
            }
        }
        String baseline = cmd.getOptionValue("baseline", "alwann");
        if (!baseline.equals("alwann") && !baseline.equals("none")) {
            throw new MaxdnnException(MaxdnnException.USAGE, "--baseline must be alwann or none");
        }
        int population = Inputs.positiveInt(cmd, "population", profile.population());
        if (population % 2 != 0 || population < 4) {
            throw new MaxdnnException(MaxdnnException.USAGE, "--population must be even and at least 4");
        }
        int generations = Inputs.positiveInt(cmd, "generations", profile.generations());
        double maxLoss = Inputs.number(cmd, "max-loss", 4, d -> d >= 0, "a non-negative number");
        String objective = cmd.getOptionValue("objective", "metric");
        if (!objective.equals("metric") && !objective.equals("agreement")) {
            throw new MaxdnnException(MaxdnnException.USAGE, "--objective must be metric or agreement, not '" + objective + "'");
        }
        return new ExploreMaps.Settings(levels, baseline.equals("alwann"), maxLoss, population, generations,
                Inputs.positiveInt(cmd, "seed", 1), cmd.hasOption("quick"), cmd.hasOption("compensate"),
                Explorer.Objective.valueOf(objective.toUpperCase(Locale.ROOT)));
    }

    /** The asset folder's EvoApprox tables when the search includes ALWANN. */
    static List<String> alwannTables(ExploreMaps.Settings search, Context ctx) {
        return search.alwann() ? EvoApproxTables.in(ctx.assets().lutDir()) : List.of();
    }
}
