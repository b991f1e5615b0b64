package org.maxdnn.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.maxdnn.MaxdnnException;
import org.maxdnn.explore.Explorer;
import org.maxdnn.explore.MapEvaluator;
import org.maxdnn.flow.EnergySource;
import org.maxdnn.flow.EvoApproxTables;
import org.maxdnn.flow.ExploreMaps;
import org.maxdnn.flow.MainFlow;
import org.maxdnn.flow.Workload;
import org.maxdnn.infer.Evaluation;
import org.maxdnn.infer.Network;

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
        Inputs.images(o);
        return addSearchOptions(o)
                .addOption(Option.builder().longOpt("out").hasArg().argName("DIR").desc("output folder (default out/explore)").build())
                .addOption(Option.builder().longOpt("spark").hasArg().argName("MASTER")
                        .desc("score candidates on Apache Spark: local[N] in this JVM or spark://HOST:PORT, a standalone "
                                + "cluster (needs the spark module: mvn -pl spark -am package)").build());
    }

    /** Options shared with {@code run}. */
    static Options addSearchOptions(Options o) {
        return o.addOption(Option.builder().longOpt("levels").hasArg().argName("L")
                        .desc("approaches: any of layer,filter,kernel (default all three)").build())
                .addOption(Option.builder().longOpt("baseline").hasArg().argName("B").desc("alwann (default) or none").build())
                .addOption(Option.builder().longOpt("max-loss").hasArg().argName("PCT")
                        .desc("accuracy loss bound in percentage points for the chosen point (default 4)").build())
                .addOption(Option.builder().longOpt("seed").hasArg().argName("N").desc("search seed (default 1)").build())
                .addOption(Option.builder().longOpt("population").hasArg().argName("N").desc("NSGA-II population (default 24, --quick 12)").build())
                .addOption(Option.builder().longOpt("generations").hasArg().argName("N").desc("NSGA-II generations (default 12, --quick 2)").build())
                .addOption(Option.builder().longOpt("energy").hasArg().argName("FILE")
                        .desc("energy table JSON from 'maxdnn energy' (default: characterise now on --liberty)").build())
                .addOption(Option.builder().longOpt("liberty").hasArg().argName("FILE")
                        .desc("liberty for the characterisation (default: Debian's osu018_stdcells.lib)").build())
                .addOption(Option.builder().longOpt("pairs").hasArg().argName("N")
                        .desc("operand pairs per layer for the characterisation (default 20000)").build())
                .addOption(Option.builder().longOpt("quick").desc("a small search that finishes in a few minutes").build())
                .addOption(Option.builder().longOpt("compensate")
                        .desc("also search every approach with bias compensation (APPROACH+comp), calibrated on the "
                                + "search images").build())
                .addOption(Option.builder().longOpt("objective").hasArg().argName("O")
                        .desc("what the search minimises besides energy, on the search part: metric (default; 1 - the "
                                + "task's metric) or agreement (1 - top-1 agreement with the exact model: every changed "
                                + "prediction counts, as on held-out data)").build());
    }

    @Override
    public int run(CommandLine cmd, Context ctx) {
        Path out = Path.of(cmd.getOptionValue("out", "out/explore"));
        ExploreMaps.Settings search = search(cmd);
        MapEvaluator.Factory evaluators = cmd.hasOption("spark") ? SparkModule.evaluators(cmd.getOptionValue("spark"))
                : MapEvaluator.Factory.IN_PROCESS;
        Workload work = workload(cmd, ctx);
        MainFlow.explore(work, energySource(cmd, ctx, work, out.resolve("energy")), alwannTables(search, ctx), search,
                Evaluation.defaultThreads(), evaluators, out, new ConsoleListener(ctx));
        return 0;
    }

    /** The model, its data set (all of --images, --cifar or the model's own sample set) and the multipliers. */
    static Workload workload(CommandLine cmd, Context ctx) {
        Network net = Inputs.network(cmd, ctx);
        return Workload.of(net, Inputs.dataSet(cmd, ctx, net), Inputs.registry(ctx));
    }

    /** --levels, --baseline, --max-loss, --population, --generations, --seed, --quick, --compensate, --objective. */
    static ExploreMaps.Settings search(CommandLine cmd) {
        boolean quick = cmd.hasOption("quick");
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
        int population = Inputs.positiveInt(cmd, "population", quick ? 12 : 24);
        if (population % 2 != 0 || population < 4) {
            throw new MaxdnnException(MaxdnnException.USAGE, "--population must be even and at least 4");
        }
        // --quick: 12 x 3 evaluations per approach; the whole run stays under 5 minutes on 2 slow cores
        int generations = Inputs.positiveInt(cmd, "generations", quick ? 2 : 12);
        double maxLoss = Inputs.number(cmd, "max-loss", 4, d -> d >= 0, "a non-negative number");
        String objective = cmd.getOptionValue("objective", "metric");
        if (!objective.equals("metric") && !objective.equals("agreement")) {
            throw new MaxdnnException(MaxdnnException.USAGE, "--objective must be metric or agreement, not '" + objective + "'");
        }
        return new ExploreMaps.Settings(levels, baseline.equals("alwann"), maxLoss, population, generations,
                Inputs.positiveInt(cmd, "seed", 1), quick, cmd.hasOption("compensate"),
                Explorer.Objective.valueOf(objective.toUpperCase(java.util.Locale.ROOT)));
    }

    /** --energy FILE, else a characterisation (see {@link EnergyCommand#characterisation}) into {@code out}. */
    static EnergySource energySource(CommandLine cmd, Context ctx, Workload work, Path out) {
        if (cmd.hasOption("energy")) {
            return EnergySource.file(Path.of(cmd.getOptionValue("energy")));
        }
        return EnergySource.characterise(EnergyCommand.characterisation(cmd, ctx, work, out));
    }

    /** The asset folder's EvoApprox tables when the search includes ALWANN. */
    static List<String> alwannTables(ExploreMaps.Settings search, Context ctx) {
        return search.alwann() ? EvoApproxTables.in(ctx.assets().lutDir()) : List.of();
    }
}
