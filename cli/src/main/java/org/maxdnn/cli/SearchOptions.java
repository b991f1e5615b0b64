package org.maxdnn.cli;

import java.util.List;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Converter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.maxdnn.explore.Explorer;
import org.maxdnn.explore.Variants;
import org.maxdnn.flow.EvoApproxTables;
import org.maxdnn.flow.ExploreMaps;
import org.maxdnn.flow.Profile;

/** The search's options, shared by {@code explore} and {@code run}, parsed into {@link ExploreMaps.Settings}. */
final class SearchOptions {
    private SearchOptions() {
    }

    static Options add(Options o) {
        return o.addOption(Option.builder().longOpt("levels").hasArg().argName("L")
                        .converter(OptionTypes.listOf(ExploreMaps.LEVELS))
                        .desc("approaches: any of layer,filter,kernel (default all three)").build())
                .addOption(Option.builder().longOpt("baseline").hasArg().argName("B")
                        .converter(OptionTypes.oneOf(List.of("alwann", "none"))).desc("alwann (default) or none").build())
                .addOption(Option.builder().longOpt("max-loss").hasArg().argName("PCT")
                        .converter(OptionTypes.number(0, 100, "percentage points"))
                        .desc("accuracy loss bound in percentage points for the chosen point (default 4)").build())
                .addOption(Option.builder().longOpt("seed").hasArg().argName("N")
                        .converter(OptionTypes.wholeNumber(1, Integer.MAX_VALUE)).desc("search seed (default 1)").build())
                .addOption(Option.builder().longOpt("population").hasArg().argName("N").converter(POPULATION)
                        .desc("NSGA-II population, even (default " + Profile.FULL.population() + ", --quick "
                                + Profile.QUICK.population() + ")").build())
                .addOption(Option.builder().longOpt("generations").hasArg().argName("N")
                        .converter(OptionTypes.wholeNumber(1, MAX_GENERATIONS)).desc("NSGA-II generations (default "
                        + Profile.FULL.generations() + ", --quick " + Profile.QUICK.generations() + ")").build())
                .addOption(Option.builder().longOpt("energy").hasArg().argName("FILE").converter(OptionTypes.inputFile())
                        .desc("energy table JSON from 'maxdnn energy' (default: characterise now on --liberty)").build())
                .addOption(EnergyOptions.liberty("liberty for the characterisation"))
                .addOption(EnergyOptions.pairs())
                .addOption(Option.builder().longOpt("quick").desc("a small search that finishes in a few minutes").build())
                .addOption(Option.builder().longOpt("compensate")
                        .desc("also search every approach with bias compensation (APPROACH+comp), calibrated on the "
                                + "search images").build())
                .addOption(Option.builder().longOpt("objective").hasArg().argName("O")
                        .converter(OptionTypes.oneOf(List.of("metric", "agreement")))
                        .desc("what the search minimises besides energy, on the search part: metric (default; 1 - the "
                                + "task's metric) or agreement (1 - top-1 agreement with the exact model: every changed "
                                + "prediction counts, as on held-out data)").build())
                .addOption(Option.builder().longOpt("sequential").hasArg().argName("on|off")
                        .converter(OptionTypes.oneOf(List.of("on", "off")))
                        .desc("score a classifier's candidates on growing parts of the search data and stop the clearly "
                                + "dominated or clearly out of the bound (default on; off: every candidate on every input)")
                        .build())
                .addOption(Option.builder().longOpt("variants").hasArg().argName("N")
                        .converter(OptionTypes.wholeNumber(0, Variants.IMAGE.size()))
                        .desc("label-preserving variants of each search sample scored beside it: images flipped and "
                                + "shifted, KWS frames shifted in time, every anomaly window (default 0)").build());
    }

    /** A search bigger than this is a typing error, not a plan: it would run for weeks. */
    static final int MAX_POPULATION = 1000;
    static final int MAX_GENERATIONS = 1000;

    /** NSGA-II's population: even (its crossover pairs parents), 4..{@value #MAX_POPULATION}. */
    private static final Converter<Integer, OptionTypes.BadValue> POPULATION = v -> {
        int n = OptionTypes.wholeNumber(4, MAX_POPULATION).apply(v);
        if (n % 2 != 0) {
            throw new OptionTypes.BadValue("an even whole number from 4 to " + MAX_POPULATION, "odd");
        }
        return n;
    };

    /** --liberty and --pairs configure the characterisation, which --energy replaces. */
    static final List<OptionRule> RULES = EnergyOptions.rulesBesides("energy");

    /** The defaults of --quick or of a full run. */
    static Profile profile(CommandLine cmd) {
        return Profile.of(cmd.hasOption("quick"));
    }

    /** --levels, --baseline, --max-loss, --population, --generations, --seed, --quick, --compensate, --objective, --sequential, --variants. */
    static ExploreMaps.Settings settings(CommandLine cmd) {
        Profile profile = profile(cmd);
        String objective = OptionTypes.value(cmd, "objective", "metric");
        return new ExploreMaps.Settings(OptionTypes.value(cmd, "levels", ExploreMaps.LEVELS),
                OptionTypes.value(cmd, "baseline", "alwann").equals("alwann"), OptionTypes.value(cmd, "max-loss", 4.0),
                OptionTypes.value(cmd, "population", profile.population()),
                OptionTypes.value(cmd, "generations", profile.generations()), OptionTypes.value(cmd, "seed", 1),
                cmd.hasOption("quick"), cmd.hasOption("compensate"),
                Explorer.Objective.valueOf(objective.toUpperCase(Locale.ROOT)),
                OptionTypes.value(cmd, "sequential", "on").equals("on"), OptionTypes.value(cmd, "variants", 0));
    }

    /** The asset folder's EvoApprox tables when the search includes ALWANN. */
    static List<String> alwannTables(ExploreMaps.Settings search, Context ctx) {
        return search.alwann() ? EvoApproxTables.in(ctx.assets().lutDir()) : List.of();
    }
}
