package org.maxdnn.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.maxdnn.BundledModel;
import org.maxdnn.MaxdnnException;
import org.maxdnn.array.ArrayConfig;
import org.maxdnn.data.DataSets;
import org.maxdnn.flow.CharacteriseEnergy;
import org.maxdnn.flow.Cosimulate;
import org.maxdnn.flow.ExploreAllNetworks;
import org.maxdnn.flow.ExploreMaps;
import org.maxdnn.flow.MainFlow;
import org.maxdnn.flow.Workload;
import org.maxdnn.infer.Evaluation;
import org.maxdnn.infer.Network;
import org.maxdnn.layout.QflowTools;

/**
 * {@code maxdnn run}: the main job end to end on the default assets ({@link MainFlow}) —
 * characterise energy, explore, pick the best point within the loss bound, generate its RTL,
 * cosimulate it, report. Exit 3 when the RTL does not cosimulate bit-exactly. With {@code --all}:
 * the exploration on every bundled network and one summary table ({@link ExploreAllNetworks}).
 */
final class RunCommand implements CliCommand {
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
        Inputs.images(o);
        return ExploreCommand.addSearchOptions(o)
                .addOption(Option.builder().longOpt("rows").hasArg().argName("R").desc("array rows (default 16, --quick 8)").build())
                .addOption(Option.builder().longOpt("cols").hasArg().argName("C").desc("array columns (default 16, --quick 8)").build())
                .addOption(Option.builder().longOpt("cosim-images").hasArg().argName("N")
                        .desc("images cosimulated through the RTL (default 2)").build())
                .addOption(Option.builder().longOpt("layout").hasArg().optionalArg(true).argName("NS")
                        .desc("also place and route the chosen map's configurations with qflow for the report's "
                                + "hardware table, timing checked at a clock of NS ns (default 10); about a minute per "
                                + "configuration").build())
                .addOption(Option.builder().longOpt("all").desc("explore every bundled network (" + BundledModel.names()
                        + ") on its own sample set, with and without bias compensation, and write one summary table "
                        + "(the RTL stages only cosimulate each network's exact map, for the array-level column)").build())
                .addOption(Option.builder().longOpt("out").hasArg().argName("DIR")
                        .desc("output folder (default out/run, with --all out/run-all)").build());
    }

    @Override
    public int run(CommandLine cmd, Context ctx) {
        if (cmd.hasOption("all")) {
            return runAll(cmd, ctx);
        }
        Path out = Path.of(cmd.getOptionValue("out", "out/run"));
        // --quick: an 8x8 array, whose Verilator build takes half a minute instead of several
        int rows = Inputs.arraySide(cmd, "rows", cmd.hasOption("quick") ? 8 : 16);
        int cols = Inputs.arraySide(cmd, "cols", cmd.hasOption("quick") ? 8 : 16);
        double layoutClockNs = 0;
        if (cmd.hasOption("layout")) {
            layoutClockNs = Inputs.number(cmd, "layout", 10, d -> d > 0 && Double.isFinite(d), "a positive number");
            QflowTools.require(); // before the exploration: exit 4 naming the missing packages
        }
        ExploreMaps.Settings search = ExploreCommand.search(cmd);
        Workload work = ExploreCommand.workload(cmd, ctx);
        int cores = Runtime.getRuntime().availableProcessors();
        MainFlow.Result r = MainFlow.run(new MainFlow.Request(work,
                ExploreCommand.energySource(cmd, ctx, work, out.resolve("explore").resolve("energy")),
                ExploreCommand.alwannTables(search, ctx), search, rows, cols, Inputs.positiveInt(cmd, "cosim-images", 2),
                Evaluation.defaultThreads(), cores, Inputs.assetsIfSet(ctx), layoutClockNs, out), new ConsoleListener(ctx));
        Cosimulate.Outcome failed = r.failed();
        if (failed != null) {
            throw new MaxdnnException(MaxdnnException.MISMATCH, "the RTL (chosen map or ALWANN baseline) did not cosimulate bit-exactly: "
                    + failed.failure() + " (see " + failed.reportFile() + ")");
        }
        return 0;
    }

    /** {@code --all}: each bundled network read, characterised and explored in turn, then the summary. */
    private static int runAll(CommandLine cmd, Context ctx) {
        for (String o : List.of("model", "images", "cifar", "energy")) {
            if (cmd.hasOption(o)) {
                throw new MaxdnnException(MaxdnnException.USAGE, "--all explores every bundled network on its own "
                        + "samples and characterises each; it does not take --" + o);
            }
        }
        Path out = Path.of(cmd.getOptionValue("out", "out/run-all"));
        // the table has every approach with and without compensation
        ExploreMaps.Settings search = ExploreCommand.search(cmd).withCompensate(true);
        ArrayConfig array = ArrayConfig.configurable(Inputs.arraySide(cmd, "rows", cmd.hasOption("quick") ? 8 : 16),
                Inputs.arraySide(cmd, "cols", cmd.hasOption("quick") ? 8 : 16));
        int limit = Inputs.positiveInt(cmd, "limit", 0);
        List<ExploreAllNetworks.Job> jobs = new ArrayList<>();
        for (BundledModel m : BundledModel.values()) {
            jobs.add(new ExploreAllNetworks.Job(m.shortName(), () -> {
                Network net = Network.load(m.model(ctx.assets()));
                return Workload.of(net, DataSets.read(m.samples(ctx.assets()), net, limit), Inputs.registry(ctx));
            }));
        }
        ExploreAllNetworks.run(new ExploreAllNetworks.Request(jobs, works -> {
            Map<String, Workload> operands = new LinkedHashMap<>();
            works.forEach((name, w) -> operands.put(name, w.first(4)));
            // --quick: 5,000 pairs per layer of each network; the circuits are synthesised once for all
            CharacteriseEnergy.Request q = EnergyCommand.characterisation(cmd, ctx, operands.values().iterator().next(),
                    out.resolve("energy"), cmd.hasOption("quick") ? 5000 : 20000);
            return CharacteriseEnergy.runShared(q, operands, new ConsoleListener(ctx));
        }, ExploreCommand.alwannTables(search, ctx), search, array, Evaluation.defaultThreads(), out),
                new ConsoleListener(ctx));
        return 0;
    }
}
