package org.maxdnn.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.maxdnn.BundledModel;
import org.maxdnn.MaxdnnException;
import org.maxdnn.array.ArrayConfig;
import org.maxdnn.flow.CharacteriseEnergy;
import org.maxdnn.flow.Cosimulate;
import org.maxdnn.flow.ExploreAllNetworks;
import org.maxdnn.flow.ExplorationData;
import org.maxdnn.flow.ExploreMaps;
import org.maxdnn.flow.MainFlow;
import org.maxdnn.flow.Profile;
import org.maxdnn.infer.Evaluation;
import org.maxdnn.layout.QflowTools;

/**
 * {@code maxdnn run}: the main job end to end on the default assets ({@link MainFlow}) —
 * characterise energy, explore, pick the best point within the loss bound, generate its RTL,
 * cosimulate it, report. Exit 3 when the RTL does not cosimulate bit-exactly. With {@code --all}:
 * the exploration on every bundled network and one summary table ({@link ExploreAllNetworks}).
 */
final class RunCommand implements CliCommand {
    /** The bundled networks' short names, in order: what --networks takes and its default. */
    private static final List<String> BUNDLED = Arrays.stream(BundledModel.values()).map(BundledModel::shortName).toList();

    @Override
    public String name() {
        return "run";
    }

    @Override
    public String summary() {
        return "the main job end to end (energy, explore, pick, generate, cosim, report)";
    }

    @Override
    public Options options() {
        Options o = new Options().addOption(Inputs.model());
        Inputs.images(o).addOption(Inputs.task());
        String side = " (default " + Profile.FULL.arraySide() + ", --quick " + Profile.QUICK.arraySide() + ")";
        return SearchOptions.add(o)
                .addOption(Inputs.arraySide("rows", "array rows" + side))
                .addOption(Inputs.arraySide("cols", "array columns" + side))
                .addOption(Option.builder().longOpt("cosim-images").hasArg().argName("N")
                        .converter(OptionTypes.wholeNumber(1, Integer.MAX_VALUE))
                        .desc("images cosimulated through the RTL (default 2)").build())
                .addOption(Option.builder().longOpt("layout").hasArg().optionalArg(true).argName("NS")
                        .converter(Inputs.CLOCK_PERIOD_NS)
                        .desc("also place and route the chosen map's configurations with qflow for the report's "
                                + "hardware table, timing checked at a clock of NS ns (default 10); about a minute per "
                                + "configuration").build())
                .addOption(Option.builder().longOpt("all").desc("explore every bundled network (" + BundledModel.names()
                        + ") on the data explore and run use (the CIFAR-10 networks on their JPEG test images, their "
                        + "clean images beside), with and without bias compensation, and write one summary table "
                        + "(the RTL stages only cosimulate each network's exact map, for the array-level columns)").build())
                .addOption(Option.builder().longOpt("networks").hasArg().argName("NAMES")
                        .converter(OptionTypes.listOf(BUNDLED))
                        .desc("with --all: the bundled networks to run, comma-separated (default all)").build())
                .addOption(Inputs.outFolder("output folder (default out/run, with --all out/run-all)"));
    }

    /**
     * --all explores every bundled network on its default data, characterises them once for all and
     * cosimulates only each exact map; --liberty and --pairs go without --energy.
     */
    @Override
    public List<OptionRule> rules() {
        List<OptionRule> r = new ArrayList<>(SearchOptions.RULES);
        for (String o : List.of("model", "images", "cifar", "random", "task", "energy", "layout", "cosim-images")) {
            r.add(OptionRule.onlyWithout(o, "all"));
        }
        r.add(OptionRule.onlyWith("networks", "all"));
        return r;
    }

    @Override
    public int run(CommandLine cmd, Context ctx) {
        if (cmd.hasOption("all")) {
            return runAll(cmd, ctx);
        }
        Path out = OptionTypes.path(cmd, "out", "out/run");
        ArrayConfig array = array(cmd);
        double layoutClockNs = 0;
        if (cmd.hasOption("layout")) {
            layoutClockNs = OptionTypes.value(cmd, "layout", 10.0);
            QflowTools.require(); // before the exploration: exit 4 naming the missing packages
        }
        ExploreMaps.Settings search = SearchOptions.settings(cmd);
        ExplorationData data = Inputs.exploreData(cmd, ctx);
        MainFlow.Result r = MainFlow.run(new MainFlow.Request(data.work(),
                EnergyOptions.source(cmd, ctx, data.operands(), out.resolve("explore").resolve("energy")),
                new MainFlow.Search(search, SearchOptions.alwannTables(search, ctx), Evaluation.defaultThreads()),
                new MainFlow.Hardware(array, OptionTypes.value(cmd, "cosim-images", 2),
                        Runtime.getRuntime().availableProcessors(), Inputs.assetsIfSet(ctx), layoutClockNs), out,
                data.clean()),
                new ConsoleListener(ctx));
        Cosimulate.Outcome failed = r.failed();
        if (failed != null) {
            throw new MaxdnnException(MaxdnnException.MISMATCH, "the RTL (chosen map or ALWANN baseline) did not cosimulate bit-exactly: "
                    + failed.failure() + " (see " + failed.reportFile() + ")");
        }
        return 0;
    }

    /**
     * --all: every bundled network read (the data of explore and run: {@link ExplorationData#bundled}),
     * characterised once for all and explored in turn, then the summary.
     */
    private static int runAll(CommandLine cmd, Context ctx) {
        Path out = OptionTypes.path(cmd, "out", "out/run-all");
        // the table has every approach with and without compensation
        ExploreMaps.Settings search = SearchOptions.settings(cmd).withCompensate(true);
        ConsoleListener listener = new ConsoleListener(ctx);
        ExploreAllNetworks.run(new ExploreAllNetworks.Request(
                ExploreAllNetworks.bundled(OptionTypes.value(cmd, "networks", BUNDLED).stream().map(BundledModel::byName)
                        .toList(), ctx.assets(), OptionTypes.value(cmd, "limit", 0), SearchOptions.profile(cmd),
                        Inputs.registry(ctx)),
                ExploreAllNetworks.sharedCharacterisation(
                        OptionTypes.value(cmd, "pairs", SearchOptions.profile(cmd).sharedPairs()),
                        CharacteriseEnergy.liberty(OptionTypes.path(cmd, "liberty")),
                        ctx.assets(), Runtime.getRuntime().availableProcessors(), out.resolve("energy"), listener),
                SearchOptions.alwannTables(search, ctx), search, array(cmd), Evaluation.defaultThreads(), out), listener);
        return 0;
    }

    /** The configurable array of --rows and --cols, by default the profile's. */
    private static ArrayConfig array(CommandLine cmd) {
        int side = SearchOptions.profile(cmd).arraySide();
        return ArrayConfig.configurable(OptionTypes.value(cmd, "rows", side), OptionTypes.value(cmd, "cols", side));
    }
}
