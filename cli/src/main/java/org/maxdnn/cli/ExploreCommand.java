package org.maxdnn.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.maxdnn.MaxdnnException;
import org.maxdnn.data.LabeledImage;
import org.maxdnn.energy.EnergyTable;
import org.maxdnn.explore.AccuracyOracle;
import org.maxdnn.explore.Exploration;
import org.maxdnn.explore.ExploreReport;
import org.maxdnn.explore.Explorer;
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
                .addOption(Option.builder().longOpt("out").hasArg().argName("DIR").desc("output folder (default out/explore)").build());
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
                .addOption(Option.builder().longOpt("quick").desc("a small search that finishes in a few minutes").build());
    }

    @Override
    public int run(CommandLine cmd, Context ctx) {
        Path out = Path.of(cmd.getOptionValue("out", "out/explore"));
        explore(cmd, ctx, out);
        return 0;
    }

    /** Everything explore does; {@code run} calls it too. */
    static Explored explore(CommandLine cmd, Context ctx, Path out) {
        Network net = Inputs.network(cmd, ctx);
        List<LabeledImage> images = Inputs.images(cmd, ctx);
        boolean quick = cmd.hasOption("quick");
        List<String> levels = Arrays.stream(cmd.getOptionValue("levels", "layer,filter,kernel").split(","))
                .map(String::trim).toList();
        for (String l : levels) {
            if (!List.of("layer", "filter", "kernel").contains(l)) {
                throw new MaxdnnException(MaxdnnException.USAGE, "--levels takes layer, filter, kernel; got '" + l + "'");
            }
        }
        String baseline = cmd.getOptionValue("baseline", "alwann");
        if (!baseline.equals("alwann") && !baseline.equals("none")) {
            throw new MaxdnnException(MaxdnnException.USAGE, "--baseline must be alwann or none");
        }
        double maxLoss = number(cmd, "max-loss", 4);
        int population = Inputs.positiveInt(cmd, "population", quick ? 12 : 24);
        // --quick: 12 x 3 evaluations per approach; the whole run stays under 5 minutes on 2 slow cores
        int generations = Inputs.positiveInt(cmd, "generations", quick ? 2 : 12);
        long seed = Inputs.positiveInt(cmd, "seed", 1);
        if (population % 2 != 0 || population < 4) {
            throw new MaxdnnException(MaxdnnException.USAGE, "--population must be even and at least 4");
        }
        EnergyTable energy;
        if (cmd.hasOption("energy")) {
            energy = EnergyTable.read(Path.of(cmd.getOptionValue("energy")));
        } else {
            energy = EnergyCommand.characterize(cmd, ctx, net, out.resolve("energy")).result().table();
        }
        List<String> tables = baseline.equals("none") ? List.of() : tableNames(ctx);
        int threads = Evaluation.defaultThreads();
        long t0 = System.nanoTime();
        AccuracyOracle oracle = new AccuracyOracle(net, images, Inputs.registry(ctx), threads);
        ctx.out().printf(Locale.ROOT, "exploring %s%s on %d images (exact %d/%d), NSGA-II population %d x %d generations, seed %d%n",
                String.join(",", levels), tables.isEmpty() ? "" : " + ALWANN (" + tables.size() + " tables)", images.size(),
                oracle.exact().correct(), images.size(), population, generations, seed);
        Exploration.Plan plan = new Exploration.Plan(levels, tables, 4,
                new Explorer.Settings(population, generations, seed, threads), quick ? 2 : 4);
        Progress[] bar = new Progress[1];
        String[] current = new String[1];
        Exploration.Result result = Exploration.run(oracle, energy, plan, (approach, gen) -> {
            if (!approach.equals(current[0])) {
                current[0] = approach;
                bar[0] = new Progress(ctx.err(), "explore " + approach, generations);
            }
            bar[0].update(gen);
        });
        String settings = String.format(Locale.ROOT, "NSGA-II, population %d, %d generations, seed %d, objectives "
                + "(network multiplier energy, labelled errors); %d configurations searched per gene for ROUP "
                + "(both families, duplicates removed); ALWANN: one ALWANN-tuned EvoApprox table per layer.",
                population, generations, seed, org.maxdnn.explore.ConfigCatalog.roup(oracle.registry()).size());
        ExploreReport.Summary summary = ExploreReport.write(out, net, result, energy, maxLoss, settings);
        ctx.out().printf(Locale.ROOT, "%-14s %10s %10s %10s%n", "approach", "<=1 pt", "<=2 pts", "<=4 pts");
        summary.bestSaving().forEach((a, v) -> ctx.out().printf(Locale.ROOT, "%-14s %9.1f%% %9.1f%% %9.1f%%%n", a, v[0], v[1], v[2]));
        double[] r = summary.ratio();
        ctx.out().printf(Locale.ROOT, "%-14s %10s %10s %10s%n", "MAx-DNN/ALWANN", ratio(r[0]), ratio(r[1]), ratio(r[2]));
        double[] own = summary.alwannVsUnsignedExact();
        if (own != null) {
            ctx.out().printf(Locale.ROOT, "%-14s %9.1f%% %9.1f%% %9.1f%%  (ALWANN against its own exact unsigned multiplier)%n",
                    "alwann/1JFF", own[0], own[1], own[2]);
        }
        Explorer.Point chosen = result.chosen(maxLoss);
        if (chosen != null) {
            ctx.out().printf(Locale.ROOT, "chosen (largest saving within %.1f pts): %s, saving %.1f%%, accuracy %.2f%% "
                    + "(loss %.2f pts) -> %s%n", maxLoss, chosen.approach(), chosen.savingPct(),
                    100 * chosen.score().accuracy(), chosen.lossPts(), out.resolve("chosen-map.json"));
        }
        ctx.out().printf(Locale.ROOT, "explored in %.0f s; report %s%n", (System.nanoTime() - t0) / 1e9, out.resolve("report.html"));
        return new Explored(net, images, result, chosen, energy);
    }

    record Explored(Network net, List<LabeledImage> images, Exploration.Result result, Explorer.Point chosen,
                    EnergyTable energy) {
    }

    private static String ratio(double r) {
        return Double.isNaN(r) ? "n/a" : String.format(Locale.ROOT, "%.2fx", r);
    }

    private static List<String> tableNames(Context ctx) {
        try (var files = Files.list(ctx.assets().lutDir())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("mul8u_") && n.endsWith(".bin"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().toList();
        } catch (java.io.IOException e) {
            throw MaxdnnException.badInput("cannot list " + ctx.assets().lutDir() + ": " + e.getMessage(), e);
        }
    }

    private static double number(CommandLine cmd, String option, double dflt) {
        String v = cmd.getOptionValue(option);
        if (v == null) {
            return dflt;
        }
        try {
            double d = Double.parseDouble(v);
            if (d >= 0) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new MaxdnnException(MaxdnnException.USAGE, "--" + option + " must be a non-negative number, got '" + v + "'");
    }
}
