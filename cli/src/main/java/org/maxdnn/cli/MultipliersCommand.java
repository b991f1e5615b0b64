package org.maxdnn.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.maxdnn.Assets;
import org.maxdnn.io.AtomicFiles;
import org.maxdnn.metrics.MetricsTable;
import org.maxdnn.mult.Multiplier;
import org.maxdnn.mult.MultiplierRegistry;

/** {@code maxdnn multipliers}: exhaustive error metrics of the multiplier library. */
final class MultipliersCommand implements CliCommand {
    @Override
    public String name() {
        return "multipliers";
    }

    @Override
    public String summary() {
        return "error metrics of exact, all 64 ROUP configurations and (with --lut-dir) table multipliers";
    }

    @Override
    public Options options() {
        return new Options()
                .addOption(Option.builder().longOpt("lut-dir").hasArg().argName("DIR").converter(OptionTypes.inputFolder())
                        .desc("also evaluate every mul8u_*.bin table in DIR (signed TFApprox mapping and unsigned)").build())
                .addOption(Option.builder().longOpt("only").hasArg().argName("NAMES").converter(OptionTypes.multipliers())
                        .desc("evaluate just these comma-separated multipliers (exact, roup-pPrR, roupc-pPrR, lut:NAME)").build())
                .addOption(Inputs.outFile("csv", "write name,P,R,MED,NMED,MRED,EP,WCE,BIAS (signed domain) to FILE"))
                .addOption(Inputs.outFile("json", "write every row as JSON, tables with their unsigned-domain metrics too"));
    }

    @Override
    public int run(CommandLine cmd, Context ctx) {
        Path lutDir = OptionTypes.path(cmd, "lut-dir");
        List<MetricsTable.Row> rows = new ArrayList<>();
        if (cmd.hasOption("only")) {
            MultiplierRegistry registry = new MultiplierRegistry(lutDir != null ? lutDir : defaultLutDir(ctx));
            List<Multiplier> only = new ArrayList<>();
            for (String name : OptionTypes.<List<String>>value(cmd, "only", List.of())) {
                only.add(registry.get(name));
            }
            only.forEach(m -> rows.add(MetricsTable.row(m)));
        } else {
            rows.addAll(MetricsTable.libraryRows(new MultiplierRegistry(null)));
            if (lutDir != null) {
                rows.addAll(MetricsTable.lutRows(lutDir));
            }
        }
        ctx.out().print(MetricsTable.toText(rows));
        ctx.out().println("MED/WCE/BIAS in product units; NMED = MED/16384 (signed) or MED/65025 (unsigned); "
                + "all 65,536 operand pairs.");
        if (cmd.hasOption("csv")) {
            Path csv = OptionTypes.path(cmd, "csv");
            AtomicFiles.writeString(csv, MetricsTable.toCsv(rows));
            ctx.out().println("wrote " + csv);
        }
        if (cmd.hasOption("json")) {
            Path json = OptionTypes.path(cmd, "json");
            AtomicFiles.writeString(json, MetricsTable.toJson(rows));
            ctx.out().println("wrote " + json);
        }
        return 0;
    }

    /** Tables named with --only default to the asset folder's EvoApprox tables, when one is set. */
    private static Path defaultLutDir(Context ctx) {
        return ctx.assetsOption() != null || System.getenv(Assets.ENV) != null
                ? ctx.assets().lutDir() : null;
    }
}
