package org.maxdnn.cli;

import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.maxdnn.explore.MapEvaluator;
import org.maxdnn.flow.ExplorationData;
import org.maxdnn.flow.ExploreMaps;
import org.maxdnn.flow.MainFlow;
import org.maxdnn.infer.Evaluation;

/** {@code maxdnn explore}: layer/filter/kernel exploration and the ALWANN baseline → Pareto fronts, maps, plots, HTML. */
final class ExploreCommand implements CliCommand {
    @Override
    public String name() {
        return "explore";
    }

    @Override
    public String summary() {
        return "layer/filter/kernel exploration and the ALWANN baseline: Pareto fronts, maps, plots, HTML report";
    }

    @Override
    public Options options() {
        Options o = new Options().addOption(Inputs.model());
        Inputs.images(o).addOption(Inputs.task());
        return SearchOptions.add(o)
                .addOption(Inputs.outFolder("output folder (default out/explore)"))
                .addOption(Option.builder().longOpt("spark").hasArg().argName("MASTER").converter(OptionTypes.sparkMaster())
                        .desc("score candidates on Apache Spark: local[N] in this JVM or spark://HOST:PORT, a standalone "
                                + "cluster (needs the spark module: mvn -pl spark -am package)").build());
    }

    @Override
    public List<OptionRule> rules() {
        return SearchOptions.RULES;
    }

    @Override
    public int run(CommandLine cmd, Context ctx) {
        Path out = OptionTypes.path(cmd, "out", "out/explore");
        ExploreMaps.Settings search = SearchOptions.settings(cmd);
        MapEvaluator.Factory evaluators = cmd.hasOption("spark") ? SparkModule.evaluators(cmd.getOptionValue("spark"))
                : MapEvaluator.Factory.IN_PROCESS;
        ExplorationData data = Inputs.exploreData(cmd, ctx);
        MainFlow.explore(data.work(), EnergyOptions.source(cmd, ctx, data.operands(), out.resolve("energy")),
                SearchOptions.alwannTables(search, ctx), search,
                Evaluation.defaultThreads(), evaluators, out, data.clean(), new ConsoleListener(ctx));
        return 0;
    }
}
