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
import org.maxdnn.infer.Network;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.mult.ParameterColumns;
import org.maxdnn.report.AlignedText;
import org.maxdnn.report.Report;
import org.maxdnn.sim.EnergyCharacterization;
import org.maxdnn.sim.EnergyCrossCheck;

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
                .addOption(Option.builder().longOpt("table").hasArg().argName("FILE")
                        .desc("use this energy table (JSON from an earlier run) instead of characterising").build())
                .addOption(EnergyOptions.pairs())
                .addOption(Option.builder().longOpt("crosscheck")
                        .desc("check every configuration's reported figure: its gate-level toggles net by net against "
                                + "Icarus with the liberty's cell models, its energy per transition against OpenSTA "
                                + "report_power under one uniform activity").build())
                .addOption(Option.builder().longOpt("out").hasArg().argName("DIR")
                        .desc("where the table, netlists and reports go (default out/energy)").build())
                .addOption(Option.builder().longOpt("json").hasArg().argName("FILE").desc("the map's energy as JSON").build())
                .addOption(Option.builder().longOpt("csv").hasArg().argName("FILE")
                        .desc("the characterisation as CSV: config, cells, pJ per multiplication per layer").build());
    }

    @Override
    public int run(CommandLine cmd, Context ctx) {
        Network net = Inputs.network(cmd, ctx);
        ApproxMap map = Inputs.map(cmd, net, ctx);
        EnergyTable table;
        if (cmd.hasOption("table")) {
            table = EnergyTable.read(Path.of(cmd.getOptionValue("table")));
        } else {
            Workload work = new Workload(net, Inputs.dataSet(cmd, ctx, net).inputs(), Inputs.registry(ctx));
            Path out = Path.of(cmd.getOptionValue("out", "out/energy"));
            CharacteriseEnergy.Characterised c = CharacteriseEnergy.run(EnergyOptions.characterisation(cmd, ctx, work, out, Profile.FULL.pairs()),
                    new ConsoleListener(ctx));
            table = c.table();
            printDesigns(ctx, c.result(), net);
            ctx.out().printf(Locale.ROOT, "%nenergy per action of the PE's other parts (%s beside the table; run prices the "
                    + "whole array with it):%n", CharacteriseEnergy.ACTIONS_FILE);
            AlignedText.lines(EnergySections.actionTable(c.actions())).forEach(ctx.out()::println);
            ctx.out().println();
            AlignedText.lines(new Report("", List.of(EnergySections.evoApproxRanking(c)))).forEach(ctx.out()::println);
            if (cmd.hasOption("csv")) {
                Path csv = Path.of(cmd.getOptionValue("csv"));
                CharacteriseEnergy.writeCsv(c, csv);
                ctx.out().println("wrote " + csv);
            }
            if (cmd.hasOption("crosscheck")) {
                printCrossCheck(ctx, c);
            }
        }
        MapEnergy.Breakdown b = EstimateEnergy.of(net, map, table);
        ctx.out().printf(Locale.ROOT, "%nnetwork multiplier energy of %s (%s):%n",
                (cmd.hasOption("map") ? cmd.getOptionValue("map") : "the exact map")
                        + (map.isCompensated() ? ", bias-compensated: the corrections ride in the bias, at no energy cost"
                        : ""), table.library());
        AlignedText.lines(EstimateEnergy.table(b)).forEach(ctx.out()::println);
        if (cmd.hasOption("json")) {
            Path file = Path.of(cmd.getOptionValue("json"));
            EstimateEnergy.writeJson(b, table, cmd.getOptionValue("map", "exact"), file);
            ctx.out().println("wrote " + file);
        }
        return 0;
    }

    /** The characterisation table: family, P, R, cells, pJ/op (MAC-weighted over the layers), saving. */
    private static void printDesigns(Context ctx, EnergyCharacterization.Result r, Network net) {
        double exact = weighted(r.table(), net, MultiplierConfig.EXACT);
        ParameterColumns parameters = ParameterColumns.of(r.designs().stream().map(EnergyCharacterization.Design::config).toList());
        ctx.out().printf(Locale.ROOT, "%-12s %-6s%s %6s %9s %8s%n", "config", "family", parameters.header("  "), "cells", "pJ/op",
                "saving");
        for (EnergyCharacterization.Design d : r.designs()) {
            double pj = weighted(r.table(), net, d.config());
            double saving = d.config().equals(MultiplierConfig.EXACT) ? 0 : 100 * (1 - pj / exact);
            ctx.out().printf(Locale.ROOT, "%-12s %-6s%s %6d %9.3f %7.1f%%%s%n", d.config().name(),
                    d.config().family().id(), parameters.values(d.config(), "  ", "0"), d.cells(), pj,
                    saving, saving <= 0 && !d.config().equals(MultiplierConfig.EXACT) ? "  saves nothing" : "");
        }
        ctx.out().println("pJ/op: energy per multiplication averaged over the conv/FC layers, weighted by their MACs");
        ctx.out().println();
        ctx.out().println("data dependence, pJ per multiplication on each layer's own operands and on uniform random ones:");
        List<String> columns = new ArrayList<>(r.table().pj().keySet());
        StringBuilder h = new StringBuilder(String.format(Locale.ROOT, "%-12s", "config"));
        columns.forEach(c -> h.append(String.format(Locale.ROOT, " %8s", c.equals(CharacteriseEnergy.UNIFORM) ? "uniform" : c)));
        ctx.out().println(h);
        for (String name : List.of("exact", "roup-p1r2", "roup-p2r0", "roupc-p0r4")) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-12s", name));
            columns.forEach(c -> row.append(String.format(Locale.ROOT, " %8.3f",
                    r.table().pj(c, MultiplierConfig.parse(name)))));
            ctx.out().println(row);
        }
    }

    private static double weighted(EnergyTable t, Network net, MultiplierConfig c) {
        double e = 0;
        long macs = 0;
        for (var l : net.weightedLayers()) {
            e += l.macs() * t.pj(l.name(), c);
            macs += l.macs();
        }
        return e / macs;
    }

    /** The two checks of every configuration's figure, with OpenSTA's per-cell-type error of the exact multiplier. */
    private static void printCrossCheck(Context ctx, CharacteriseEnergy.Characterised c) {
        ctx.out().printf(Locale.ROOT, "%nchecks of the reported figure: activity (Icarus, first %d pairs of %s, net by net) "
                        + "and energy per transition (OpenSTA report_power, %.2f toggles per op on every net):%n",
                CharacteriseEnergy.CROSS_CHECK_PAIRS, CharacteriseEnergy.crossCheckStream(c), EnergyCrossCheck.TOGGLES_PER_OP);
        ctx.out().printf(Locale.ROOT, "%-12s %6s %9s %11s %11s %8s%n", "config", "nets", "differ", "Java pJ", "OpenSTA pJ",
                "error");
        double worst = 0;
        long differ = 0;
        List<CharacteriseEnergy.CrossCheck> checks = CharacteriseEnergy.crossCheck(c, m -> true);
        for (CharacteriseEnergy.CrossCheck x : checks) {
            worst = Math.max(worst, Math.abs(x.energy().errorPct()));
            differ += x.activityMismatches().size();
            ctx.out().printf(Locale.ROOT, "%-12s %6d %9d %11.3f %11.3f %+7.2f%%%n", x.config().name(), x.netsProbed(),
                    x.activityMismatches().size(), x.energy().javaJ() * 1e12, x.energy().openStaJ() * 1e12,
                    x.energy().errorPct());
        }
        ctx.out().printf(Locale.ROOT, "nets whose toggles differ: %d; largest Java/OpenSTA difference %.2f%%%n", differ, worst);
        if (!checks.isEmpty()) {
            EnergyCrossCheck.Result first = checks.get(0).energy();
            ctx.out().printf(Locale.ROOT, "per cell type, %s:%n", checks.get(0).config().name());
            for (EnergyCrossCheck.CellType t : first.types()) {
                ctx.out().printf(Locale.ROOT, "  %-12s %5d  Java %8.4f pJ  OpenSTA %8.4f pJ  %+6.2f%%%n", t.type(),
                        t.instances(), t.javaJ() * 1e12, t.openStaJ() * 1e12, t.errorPct());
            }
        }
        if (differ > 0) {
            throw new MaxdnnException(MaxdnnException.MISMATCH, differ + " nets toggle differently in Icarus than in the "
                    + "gate simulator (see the netlists' icarus/ folders)");
        }
    }
}
