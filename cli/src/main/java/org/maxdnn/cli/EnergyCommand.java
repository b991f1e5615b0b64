package org.maxdnn.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.maxdnn.MaxdnnException;
import org.maxdnn.energy.EnergyTable;
import org.maxdnn.energy.MapEnergy;
import org.maxdnn.flow.CharacteriseEnergy;
import org.maxdnn.flow.EstimateEnergy;
import org.maxdnn.flow.Profile;
import org.maxdnn.flow.EnergySections;
import org.maxdnn.flow.Workload;
import org.maxdnn.flow.WriteReport;
import org.maxdnn.infer.Network;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.report.AlignedText;

/**
 * {@code maxdnn energy}: the energy per multiplication of every configuration on every layer's real
 * operands (gate level, from switching activity), and the network energy of a map with its saving.
 */
final class EnergyCommand implements CliCommand {
    @Override
    public String name() {
        return "energy";
    }

    @Override
    public String summary() {
        return "energy of a map from gate-level switching activity of real operands (Yosys + liberty; Icarus and OpenSTA checks)";
    }

    @Override
    public Options options() {
        Options o = new Options().addOption(Inputs.model()).addOption(Inputs.map());
        Inputs.images(o);
        return o.addOption(EnergyOptions.liberty("liberty library"))
                .addOption(Option.builder().longOpt("table").hasArg().argName("FILE").converter(OptionTypes.inputFile())
                        .desc("use this energy table (JSON from an earlier run) instead of characterising").build())
                .addOption(EnergyOptions.pairs())
                .addOption(Option.builder().longOpt("crosscheck")
                        .desc("check every configuration's reported figure: its gate-level toggles net by net against "
                                + "Icarus with the liberty's cell models, its energy per transition against OpenSTA "
                                + "report_power under one uniform activity").build())
                .addOption(Inputs.outFolder("where the table, netlists and reports go (default out/energy)"))
                .addOption(Inputs.outFile("json", "the map's energy as JSON"))
                .addOption(Inputs.outFile("csv", "the characterisation as CSV: config, cells, pJ per multiplication per layer"));
    }

    /** An energy table given with --table replaces the characterisation and all that configures or writes it. */
    @Override
    public List<OptionRule> rules() {
        List<OptionRule> r = new ArrayList<>(EnergyOptions.rulesBesides("table"));
        for (String o : List.of("crosscheck", "csv", "out", "images", "cifar", "random", "limit")) {
            r.add(OptionRule.onlyWithout(o, "table"));
        }
        r.add(Inputs.SEED_WITH_RANDOM);
        return r;
    }

    @Override
    public int run(CommandLine cmd, Context ctx) {
        Network net = Inputs.network(cmd, ctx);
        ApproxMap map = Inputs.map(cmd, net, ctx);
        EnergyTable table;
        if (cmd.hasOption("table")) {
            table = EnergyTable.read(OptionTypes.path(cmd, "table"));
        } else {
            Workload work = new Workload(net, Inputs.dataSet(cmd, ctx, net).inputs(), Inputs.registry(ctx));
            Path out = OptionTypes.path(cmd, "out", "out/energy");
            ConsoleListener listener = new ConsoleListener(ctx);
            CharacteriseEnergy.Characterised c = CharacteriseEnergy.run(
                    EnergyOptions.characterisation(cmd, ctx, work, out, Profile.FULL.pairs()), listener);
            table = c.table();
            if (cmd.hasOption("csv")) {
                Path csv = OptionTypes.path(cmd, "csv");
                CharacteriseEnergy.writeCsv(c, csv);
                ctx.out().println("wrote " + csv);
            }
            EnergySections.Characterisation report = new EnergySections.Characterisation(c, net,
                    cmd.hasOption("crosscheck") ? CharacteriseEnergy.crossCheck(c, m -> true) : null);
            WriteReport.write("MAx-DNN energy characterisation", report, EnergySections.ALL, out.resolve("report.html"),
                    listener);
            if (report.netsDiffering() > 0) {
                throw new MaxdnnException(MaxdnnException.MISMATCH, report.netsDiffering() + " nets toggle differently in "
                        + "Icarus than in the gate simulator (see the netlists' icarus/ folders)");
            }
        }
        MapEnergy.Breakdown b = EstimateEnergy.of(net, map, table);
        ctx.out().printf(Locale.ROOT, "%nnetwork multiplier energy of %s (%s):%n",
                (cmd.hasOption("map") ? cmd.getOptionValue("map") : "the exact map")
                        + (map.isCompensated() ? ", bias-compensated: the corrections ride in the bias, at no energy cost"
                        : ""), table.library());
        AlignedText.lines(EstimateEnergy.table(b)).forEach(ctx.out()::println);
        if (cmd.hasOption("json")) {
            Path file = OptionTypes.path(cmd, "json");
            EstimateEnergy.writeJson(b, table, cmd.getOptionValue("map", "exact"), file);
            ctx.out().println("wrote " + file);
        }
        return 0;
    }
}
