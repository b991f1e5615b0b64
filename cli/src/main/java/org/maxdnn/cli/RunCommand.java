package org.maxdnn.cli;

import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.maxdnn.MaxdnnException;
import org.maxdnn.flow.Cosimulate;
import org.maxdnn.flow.ExploreMaps;
import org.maxdnn.flow.MainFlow;
import org.maxdnn.flow.Workload;
import org.maxdnn.infer.Evaluation;
import org.maxdnn.layout.QflowTools;

/**
 * {@code maxdnn run}: the main job end to end on the default assets ({@link MainFlow}) —
 * characterise energy, explore, pick the best point within the loss bound, generate its RTL,
 * cosimulate it, report. Exit 3 when the RTL does not cosimulate bit-exactly.
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
                .addOption(Option.builder().longOpt("out").hasArg().argName("DIR").desc("output folder (default out/run)").build());
    }

    @Override
    public int run(CommandLine cmd, Context ctx) {
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
}
