package org.maxdnn.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.maxdnn.Assets;
import org.maxdnn.MaxdnnException;
import org.maxdnn.data.LabeledImage;
import org.maxdnn.energy.EnergyTable;
import org.maxdnn.energy.MapEnergy;
import org.maxdnn.infer.InferencePlan;
import org.maxdnn.infer.Network;
import org.maxdnn.io.AtomicFiles;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.metrics.EvoApproxCatalog;
import org.maxdnn.mult.MultiplierCatalog;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.mult.MultiplierRegistry;
import org.maxdnn.sim.EnergyCharacterization;
import org.maxdnn.sim.GateLevelEnergy;
import org.maxdnn.sim.OpenStaPower;
import org.maxdnn.sim.OperandStream;
import org.maxdnn.sim.OperandStreams;

/**
 * {@code maxdnn energy}: the energy per multiplication of every configuration on every layer's real
 * operands (gate level, from switching activity), and the network energy of a map with its saving.
 */
final class EnergyCommand implements CliCommand {
    static final String UNIFORM = "uniform-random";
    static final Path DEBIAN_OSU018 = Path.of("/usr/share/qflow/tech/osu018/osu018_stdcells.lib");

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
                .addOption(Option.builder().longOpt("json").hasArg().argName("FILE").desc("the map's energy as JSON").build());
    }

    @Override
    public int run(CommandLine cmd, Context ctx) throws Exception {
        Network net = Inputs.network(cmd, ctx);
        ApproxMap map = Inputs.map(cmd, net);
        Path out = Path.of(cmd.getOptionValue("out", "out/energy"));
        EnergyTable table;
        if (cmd.hasOption("table")) {
            table = EnergyTable.read(Path.of(cmd.getOptionValue("table")));
        } else {
            Characterized c = characterize(cmd, ctx, net, out);
            table = c.result().table();
            printDesigns(ctx, c.result(), net);
            if (cmd.hasOption("crosscheck-opensta")) {
                crossCheck(ctx, c, out);
            }
        }
        MapEnergy.Breakdown b = MapEnergy.of(net, map, table);
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
            ObjectMapper json = new ObjectMapper();
            ObjectNode root = json.createObjectNode().put("library", table.library()).put("method", table.method())
                    .put("map", cmd.getOptionValue("map", "exact")).put("pj_per_image", b.pj())
                    .put("exact_pj_per_image", b.exactPj()).put("saving_pct", b.savingPct());
            ArrayNode layers = root.putArray("layers");
            for (MapEnergy.LayerEnergy l : b.layers()) {
                layers.addObject().put("layer", l.layer()).put("macs", l.macs()).put("pj", l.pj())
                        .put("exact_pj", l.exactPj()).put("saving_pct", l.savingPct());
            }
            Path file = Path.of(cmd.getOptionValue("json"));
            AtomicFiles.writeString(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
            ctx.out().println("wrote " + file);
        }
        return 0;
    }

    record Characterized(EnergyCharacterization.Result result, Map<String, OperandStream> streams, Path liberty) {
    }

    /** Characterises exact, the 64 ROUP configurations and the EvoApprox tables on the layers' real operands. */
    static Characterized characterize(CommandLine cmd, Context ctx, Network net, Path out) {
        Path liberty = liberty(cmd);
        int pairs = Inputs.positiveInt(cmd, "pairs", 20000);
        List<LabeledImage> images = cmd.hasOption("limit") || cmd.hasOption("images") || cmd.hasOption("cifar")
                ? Inputs.images(cmd, ctx) : org.maxdnn.data.ImageSets.readFolder(ctx.assets().images(), 4);
        MultiplierRegistry registry = Inputs.registry(ctx);
        Map<String, OperandStream> streams = new java.util.LinkedHashMap<>(OperandStreams.capture(
                InferencePlan.compile(net, ApproxMap.exact(), registry), images, pairs, 1));
        // uniform random operands, to show how much the real data matters
        streams.put(UNIFORM, OperandStreams.uniform(pairs, 1));
        List<MultiplierConfig> configs = MultiplierCatalog.circuits();
        List<MultiplierConfig> tables = new ArrayList<>();
        EvoApproxCatalog catalog = EvoApproxCatalog.read(ctx.assets().evoApproxMetrics());
        try (var files = Files.list(ctx.assets().lutDir())) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("mul8u_") && n.endsWith(".bin")).sorted()
                    .forEach(n -> {
                        String stem = n.substring(0, n.length() - 4);
                        tables.add(MultiplierConfig.lut(stem));
                        tables.add(MultiplierConfig.alwann(stem));
                    });
        } catch (java.io.IOException e) {
            throw MaxdnnException.badInput("cannot list " + ctx.assets().lutDir() + ": " + e.getMessage(), e);
        }
        ctx.out().printf(Locale.ROOT, "characterising %d configurations on %s, %d real operand pairs per layer from %d images%n",
                configs.size(), liberty.getFileName(), pairs, images.size());
        long t0 = System.nanoTime();
        Progress progress = new Progress(ctx.err(), "synthesise+simulate", configs.size());
        EnergyCharacterization.Result r = EnergyCharacterization.run(streams, configs, tables, registry, catalog,
                liberty, out.resolve("netlists"), Runtime.getRuntime().availableProcessors(), progress::update);
        ctx.out().printf(Locale.ROOT, "characterised in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        r.table().write(out.resolve("energy-table.json"));
        ctx.out().println("wrote " + out.resolve("energy-table.json"));
        return new Characterized(r, streams, liberty);
    }

    static Path liberty(CommandLine cmd) {
        if (cmd.hasOption("liberty")) {
            Path p = Path.of(cmd.getOptionValue("liberty"));
            if (!Files.isRegularFile(p)) {
                throw MaxdnnException.badInput("liberty file " + p + " does not exist");
            }
            return p;
        }
        if (!Files.isRegularFile(DEBIAN_OSU018)) {
            throw new MaxdnnException(MaxdnnException.MISSING_TOOL, "liberty " + DEBIAN_OSU018
                    + " is missing: install it with 'apt-get install qflow-tech-osu018' (or pass --liberty FILE)");
        }
        return DEBIAN_OSU018;
    }

    /** The characterisation table: family, P, R, cells, pJ/op (MAC-weighted over the layers), saving. */
    static void printDesigns(Context ctx, EnergyCharacterization.Result r, Network net) {
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
        columns.forEach(c -> h.append(String.format(Locale.ROOT, " %8s", c.equals(UNIFORM) ? "uniform" : c)));
        ctx.out().println(h);
        for (String name : List.of("exact", "roup-p1r2", "roup-p2r0", "roupc-p0r4")) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-12s", name));
            columns.forEach(c -> row.append(String.format(Locale.ROOT, " %8.3f",
                    r.table().pj(c, MultiplierConfig.parse(name)))));
            ctx.out().println(row);
        }
    }

    static double weighted(EnergyTable t, Network net, MultiplierConfig c) {
        double e = 0;
        long macs = 0;
        for (var l : net.weightedLayers()) {
            e += l.macs() * t.pj(l.name(), c);
            macs += l.macs();
        }
        return e / macs;
    }

    /** OpenSTA's report_power on the same activity, per configuration, on the first conv layer's stream. */
    private static void crossCheck(Context ctx, Characterized c, Path out) {
        OperandStream stream = c.streams().values().iterator().next();
        ctx.out().printf(Locale.ROOT, "%nOpenSTA cross-check on %s's operands (cell energy, OpenSTA's internal-power rule):%n",
                stream.name());
        double worst = 0;
        for (EnergyCharacterization.Design d : c.result().designs()) {
            GateLevelEnergy g = d.gates();
            OpenStaPower.Result sta = g.crossCheck(stream, g.synthesis().dir().resolve("opensta"));
            var act = g.activity(stream);
            double java = (sta.pinAnnotationsHonoured() ? g.model().evaluate(act) : g.model().evaluateOpenStaRule(act)).cellsOnly();
            double err = java / sta.energyPerOp() - 1;
            worst = Math.max(worst, Math.abs(err));
            ctx.out().printf(Locale.ROOT, "%-12s Java %8.3f pJ  OpenSTA %8.3f pJ  %+6.2f%%%n", d.config().name(), java * 1e12,
                    sta.energyPerOpPj(), 100 * err);
        }
        ctx.out().printf(Locale.ROOT, "largest Java/OpenSTA difference %.2f%%%n", 100 * worst);
    }
}
