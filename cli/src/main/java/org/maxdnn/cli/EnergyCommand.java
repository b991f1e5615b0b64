package org.maxdnn.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.maxdnn.energy.EnergyTable;
import org.maxdnn.energy.MapEnergy;
import org.maxdnn.flow.CharacteriseEnergy;
import org.maxdnn.flow.EstimateEnergy;
import org.maxdnn.flow.Workload;
import org.maxdnn.infer.Network;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.sim.EnergyCharacterization;

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
        return "energy of a map from gate-level switching activity of real operands (Yosys + liberty, OpenSTA cross-check)";
    }

    @Override
    public Options options() {
        Options o = new Options().addOption(Inputs.model()).addOption(Inputs.map());
        Inputs.images(o);
        return o.addOption(Option.builder().longOpt("liberty").hasArg().argName("FILE")
                        .desc("liberty library, .lib or .lib.gz (default: Debian's osu018_stdcells.lib)").build())
                .addOption(Option.builder().longOpt("table").hasArg().argName("FILE")
                        .desc("use this energy table (JSON from an earlier run) instead of characterising").build())
                .addOption(Option.builder().longOpt("pairs").hasArg().argName("N")
                        .desc("operand pairs per layer for characterisation (default 20000)").build())
                .addOption(Option.builder().longOpt("crosscheck-opensta")
                        .desc("compare every configuration's energy with OpenSTA report_power on the same activity").build())
                .addOption(Option.builder().longOpt("out").hasArg().argName("DIR")
                        .desc("where the table, netlists and reports go (default out/energy)").build())
                .addOption(Option.builder().longOpt("json").hasArg().argName("FILE").desc("the map's energy as JSON").build())
                .addOption(Option.builder().longOpt("csv").hasArg().argName("FILE")
                        .desc("the characterisation as CSV: config, cells, pJ per multiplication per layer").build());
    }

    @Override
    public int run(CommandLine cmd, Context ctx) {
        Network net = Inputs.network(cmd, ctx);
        ApproxMap map = Inputs.map(cmd, net);
        EnergyTable table;
        if (cmd.hasOption("table")) {
            table = EnergyTable.read(Path.of(cmd.getOptionValue("table")));
        } else {
            Workload work = new Workload(net, Inputs.dataSet(cmd, ctx, net).inputs(), Inputs.registry(ctx));
            Path out = Path.of(cmd.getOptionValue("out", "out/energy"));
            CharacteriseEnergy.Characterised c = CharacteriseEnergy.run(characterisation(cmd, ctx, work, out),
                    new ConsoleListener(ctx));
            table = c.table();
            printDesigns(ctx, c.result(), net);
            if (cmd.hasOption("csv")) {
                Path csv = Path.of(cmd.getOptionValue("csv"));
                CharacteriseEnergy.writeCsv(c, csv);
                ctx.out().println("wrote " + csv);
            }
            if (cmd.hasOption("crosscheck-opensta")) {
                printCrossCheck(ctx, c);
            }
        }
        MapEnergy.Breakdown b = EstimateEnergy.of(net, map, table);
        ctx.out().printf(Locale.ROOT, "%nnetwork multiplier energy of %s (%s):%n",
                cmd.hasOption("map") ? cmd.getOptionValue("map") : "the exact map", table.library());
        ctx.out().printf(Locale.ROOT, "%-6s %12s %12s %12s %8s%n", "layer", "MACs", "energy uJ", "exact uJ", "saving");
        for (MapEnergy.LayerEnergy l : b.layers()) {
            ctx.out().printf(Locale.ROOT, "%-6s %,12d %12.3f %12.3f %7.1f%%%n", l.layer(), l.macs(), l.pj() / 1e6,
                    l.exactPj() / 1e6, l.savingPct());
        }
        ctx.out().printf(Locale.ROOT, "%-6s %12s %12.3f %12.3f %7.1f%%  (per image)%n", "total", "", b.pj() / 1e6,
                b.exactPj() / 1e6, b.savingPct());
        if (cmd.hasOption("json")) {
            Path file = Path.of(cmd.getOptionValue("json"));
            EstimateEnergy.writeJson(b, table, cmd.getOptionValue("map", "exact"), file);
            ctx.out().println("wrote " + file);
        }
        return 0;
    }

    /**
     * What to characterise, from --liberty and --pairs: every configuration and the asset folder's
     * EvoApprox tables on the operands of {@code work}'s images — those --images, --cifar or --limit
     * chose, else the first four (a few suffice for operand statistics) — written to {@code out}.
     */
    static CharacteriseEnergy.Request characterisation(CommandLine cmd, Context ctx, Workload work, Path out) {
        boolean chosen = cmd.hasOption("limit") || cmd.hasOption("images") || cmd.hasOption("cifar");
        Workload operands = chosen ? work : work.first(4);
        return new CharacteriseEnergy.Request(operands, Inputs.positiveInt(cmd, "pairs", 20000),
                CharacteriseEnergy.liberty(cmd.hasOption("liberty") ? Path.of(cmd.getOptionValue("liberty")) : null),
                ctx.assets().lutDir(), ctx.assets().evoApproxMetrics(), Runtime.getRuntime().availableProcessors(), out);
    }

    /** The characterisation table: family, P, R, cells, pJ/op (MAC-weighted over the layers), saving. */
    private static void printDesigns(Context ctx, EnergyCharacterization.Result r, Network net) {
        double exact = weighted(r.table(), net, MultiplierConfig.EXACT);
        ctx.out().printf(Locale.ROOT, "%-12s %-6s %2s %2s %6s %9s %8s%n", "config", "family", "P", "R", "cells", "pJ/op", "saving");
        for (EnergyCharacterization.Design d : r.designs()) {
            double pj = weighted(r.table(), net, d.config());
            double saving = d.config().equals(MultiplierConfig.EXACT) ? 0 : 100 * (1 - pj / exact);
            ctx.out().printf(Locale.ROOT, "%-12s %-6s %2d %2d %6d %9.3f %7.1f%%%s%n", d.config().name(),
                    d.config().family().name().toLowerCase(Locale.ROOT), d.config().p(), d.config().r(), d.cells(), pj,
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

    /** OpenSTA's report_power on the same activity, per configuration, on the first conv layer's stream. */
    private static void printCrossCheck(Context ctx, CharacteriseEnergy.Characterised c) {
        ctx.out().printf(Locale.ROOT, "%nOpenSTA cross-check on %s's operands (cell energy, OpenSTA's internal-power rule):%n",
                CharacteriseEnergy.crossCheckStream(c));
        double worst = 0;
        for (CharacteriseEnergy.CrossCheck x : CharacteriseEnergy.crossCheck(c)) {
            worst = Math.max(worst, Math.abs(x.differencePct()));
            ctx.out().printf(Locale.ROOT, "%-12s Java %8.3f pJ  OpenSTA %8.3f pJ  %+6.2f%%%n", x.config().name(), x.javaPj(),
                    x.openStaPj(), x.differencePct());
        }
        ctx.out().printf(Locale.ROOT, "largest Java/OpenSTA difference %.2f%%%n", worst);
    }
}
