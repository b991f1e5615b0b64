package org.maxdnn.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.maxdnn.MaxdnnException;
import org.maxdnn.accel.AcceleratorConfig;
import org.maxdnn.array.ArrayConfig;
import org.maxdnn.data.ImageSets;
import org.maxdnn.data.LabeledImage;
import org.maxdnn.flow.GenerateRtl;
import org.maxdnn.infer.ConvLayer;
import org.maxdnn.infer.InferencePlan;
import org.maxdnn.infer.Network;
import org.maxdnn.io.AtomicFiles;
import org.maxdnn.layout.Layout;
import org.maxdnn.layout.LayoutDesign;
import org.maxdnn.layout.LayoutReport;
import org.maxdnn.layout.PostRouteEnergy;
import org.maxdnn.layout.QflowFlow;
import org.maxdnn.layout.QflowTools;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.mult.Circuit;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.mult.MultiplierRegistry;
import org.maxdnn.rtl.Circuits;
import org.maxdnn.sim.OperandStream;
import org.maxdnn.sim.OperandStreams;

/** {@code maxdnn layout}: place and route with qflow; post-route area, timing, DRC/LVS and energy. */
final class LayoutCommand implements CliCommand {
    private static final String DEFAULT_LAYER = "conv1";

    @Override
    public String name() {
        return "layout";
    }

    @Override
    public String summary() {
        return "place and route (qflow, osu018): area, post-route timing, DRC/LVS, pre- vs post-route energy";
    }

    @Override
    public Options options() {
        Options o = new Options()
                .addOption(Option.builder().longOpt("target").hasArg().argName("T[,T...]")
                        .converter(OptionTypes.names("comma-separated targets", LayoutCommand::parseTarget))
                        .desc("what to lay out, comma-separated: a multiplier (exact, roup-pPrR, roupc-pPrR, lut:NAME: "
                                + "an EvoApprox circuit, ...), pe or pe:CONFIG (one PE), pe:configurable (the configurable "
                                + "array's PE), pe:gated or pe:gated:CONFIG (a gated PE with its clock gates), array (the fixed array of --layer "
                                + "under --map, gated unless --array plain), accelerator (flip-flop memories, small unless "
                                + "--memory-sizes, around the configurable array, or with --map the fixed array of --layer "
                                + "under --map, plain unless --array gated); multipliers are registered "
                                + "at their ports (default exact)").build())
                .addOption(Option.builder().longOpt("memory-sizes").hasArg().argName("A,W,C,P,D")
                        .converter(OptionTypes.wholeNumbers(5, 1, Integer.MAX_VALUE))
                        .desc("--target accelerator: memory sizes as generate takes them (default "
                                + AcceleratorConfig.SMALL_SIZES + ")").build())
                .addOption(AcceleratorOptions.requantiserCycles())
                .addOption(AcceleratorOptions.counterBits())
                .addOption(Option.builder().longOpt("stage-limit").hasArg().argName("S")
                        .converter(OptionTypes.wholeNumber(1, 7 * 24 * 3600))
                        .desc("wall seconds a qflow stage may take before it is stopped and the layout fails "
                                + "(default " + QflowFlow.DEFAULT_STAGE_LIMIT_SECONDS + "; graywolf takes hours on "
                                + "tens of thousands of cells)").build())
                .addOption(Option.builder().longOpt("place-fast").hasArg().argName("N")
                        .converter(OptionTypes.wholeNumber(1, 100))
                        .desc("graywolf's placement N times faster (its TWSC*fast: N times fewer moves per cell at each "
                                + "annealing temperature; default 1, qflow's own; a longer wire, for large designs); "
                                + "N > 1 also skips graywolf's own global routing (qrouter routes)").build())
                .addOption(Option.builder().longOpt("density").hasArg().argName("D")
                        .converter(OptionTypes.number(0.1, 1, ""))
                        .desc("place the cells at density D (qflow's initial_density: fill cells spread them, a larger "
                                + "die with more routing tracks; default qflow's own packing, about 0.85); a layout "
                                + "that is not clean is placed again at 0.75 and 0.65 where below D").build())
                .addOption(Option.builder().longOpt("no-route-cleanup")
                        .desc("skip qrouter's clean-up stage once every net is routed (two more rounds that route "
                                + "every net again for shorter wires; each longer than the first routing on tens of "
                                + "thousands of nets)").build())
                .addOption(Inputs.map())
                .addOption(Inputs.model())
                .addOption(Inputs.arrayKind())
                .addOption(Option.builder().longOpt("layer").hasArg().argName("NAME")
                        .desc("the layer whose fixed array --target array lays out and whose operand stream the "
                                + "multiplier energies use (default " + DEFAULT_LAYER + ")").build())
                .addOption(Inputs.arraySide("rows", "array rows (default 4)"))
                .addOption(Inputs.arraySide("cols", "array columns (default 4)"))
                .addOption(Option.builder().longOpt("clock").hasArg().argName("NS").converter(Inputs.CLOCK_PERIOD_NS)
                        .desc("clock period timing is checked against, ns (default 10)").build())
                .addOption(Option.builder().longOpt("pairs").hasArg().argName("N")
                        .converter(OptionTypes.wholeNumber(1, EnergyOptions.MAX_PAIRS))
                        .desc("operand pairs of the layer's stream for the energies (default 20000)").build())
                .addOption(Option.builder().longOpt("no-energy").desc("skip the pre- vs post-route energy").build())
                .addOption(Inputs.outFolder("output folder: one sub-folder per design with the qflow project (all logs) "
                        + "and an OpenROAD-flow-scripts folder (default out/layout)"))
                .addOption(Inputs.outFile("json", "results as JSON"));
        return Inputs.images(o);
    }

    /**
     * What each run reads: --rows and --cols size an array or accelerator, --memory-sizes and
     * --requantiser-cycles the accelerator, --map the fixed array (the accelerator's too); --layer picks the
     * array's layer and the energies' stream, which --model, --pairs and the samples give (a multiplier
     * target without --no-energy).
     */
    @Override
    public List<OptionRule> rules() {
        String sized = "with --target array or accelerator";
        String energies = "for the energies (a multiplier target, without --no-energy)";
        List<OptionRule> r = new ArrayList<>(List.of(
                new OptionRule("rows", sized, c -> targets(c).contains("array") || targets(c).contains("accelerator")),
                new OptionRule("cols", sized, c -> targets(c).contains("array") || targets(c).contains("accelerator")),
                new OptionRule("memory-sizes", "with --target accelerator", c -> targets(c).contains("accelerator")),
                new OptionRule("requantiser-cycles", "with --target accelerator", c -> targets(c).contains("accelerator")),
                new OptionRule("counter-bits", "with --target accelerator", c -> targets(c).contains("accelerator")),
                new OptionRule("map", sized, c -> targets(c).contains("array") || targets(c).contains("accelerator")),
                new OptionRule("array", sized, c -> targets(c).contains("array") || targets(c).contains("accelerator")),
                new OptionRule("layer", "with --target array, accelerator with --map, or " + energies,
                        c -> targets(c).contains("array") || fixedAccelerator(c) || energies(c)),
                new OptionRule("model", "with --target array, accelerator with --map, or " + energies,
                        c -> targets(c).contains("array") || fixedAccelerator(c) || energies(c))));
        for (String o : List.of("pairs", "images", "cifar", "random", "limit")) {
            r.add(new OptionRule(o, energies, LayoutCommand::energies));
        }
        r.add(Inputs.SEED_WITH_RANDOM);
        return r;
    }

    private static List<String> targets(CommandLine cmd) {
        return OptionTypes.value(cmd, "target", List.of("exact"));
    }

    /** An accelerator around the fixed array of --layer under --map. */
    private static boolean fixedAccelerator(CommandLine cmd) {
        return targets(cmd).contains("accelerator") && cmd.hasOption("map");
    }

    /** Whether the run measures multiplier energies: a registered multiplier among the targets, no --no-energy. */
    private static boolean energies(CommandLine cmd) {
        return !cmd.hasOption("no-energy") && targets(cmd).stream().anyMatch(LayoutCommand::isMultiplier);
    }

    /** A multiplier laid out between registers (not a PE, an array or an accelerator). */
    private static boolean isMultiplier(String target) {
        return !List.of("array", "accelerator", "pe").contains(target) && !target.startsWith("pe:");
    }

    /** A target's name is one the loop below lays out, or a multiplier name (an unknown one is bad input). */
    private static void parseTarget(String t) {
        if (!List.of("array", "accelerator", "pe", "pe:configurable", "pe:gated").contains(t)) {
            MultiplierConfig.parse(t.startsWith("pe:gated:") ? t.substring(9) : t.startsWith("pe:") ? t.substring(3) : t);
        }
    }

    @Override
    public int run(CommandLine cmd, Context ctx) throws Exception {
        QflowTools.require(); // before generating anything: exit 4 naming the missing packages
        Path out = OptionTypes.path(cmd, "out", "out/layout");
        double clockNs = OptionTypes.value(cmd, "clock", 10.0);
        String layerName = cmd.getOptionValue("layer", DEFAULT_LAYER);
        List<String> targets = targets(cmd);
        MultiplierRegistry registry = Inputs.registry(ctx);
        Network net = null;
        List<LayoutDesign> designs = new ArrayList<>();
        for (String t : targets) {
            if (t.equals("array")) {
                net = net == null ? Inputs.network(cmd, ctx) : net;
                ConvLayer layer = Inputs.layer(cmd, net, DEFAULT_LAYER);
                int rows = OptionTypes.value(cmd, "rows", 4);
                int cols = OptionTypes.value(cmd, "cols", 4);
                var design = GenerateRtl.fixedArray(layer, Inputs.map(cmd, net, ctx).resolve(layer),
                        Inputs.array(cmd, rows, cols)).require();
                String kind = design.gated() ? "array:gated:" : "array:";
                designs.add(LayoutDesign.array(kind + layerName + ":" + rows + "x" + cols, design,
                        Inputs.assetsIfSet(ctx)));
            } else if (t.equals("accelerator")) {
                int rows = OptionTypes.value(cmd, "rows", 4);
                int cols = OptionTypes.value(cmd, "cols", 4);
                ArrayConfig array = ArrayConfig.configurable(rows, cols)
                        .withGating(OptionTypes.value(cmd, "array", "plain").equals("gated"));
                String name = "accelerator:";
                if (cmd.hasOption("map")) {
                    net = net == null ? Inputs.network(cmd, ctx) : net;
                    ConvLayer layer = Inputs.layer(cmd, net, DEFAULT_LAYER);
                    array = GenerateRtl.fixedArray(layer, Inputs.map(cmd, net, ctx).resolve(layer), array).require();
                    name += layerName + ":";
                }
                AcceleratorConfig config = (cmd.hasOption("memory-sizes") ? AcceleratorOptions.config(cmd, ctx, array)
                        : AcceleratorConfig.small(array)).withRequantiserCycles(AcceleratorOptions.requantiserCycles(cmd))
                        .withCounterBits(AcceleratorOptions.counterBits(cmd));
                designs.add(LayoutDesign.accelerator(name + rows + "x" + cols + (array.gated() ? ":gated" : "")
                        + (config.requantiserCycles() > 1 ? ":requant" + config.requantiserCycles() : "")
                        + (config.counterBits() < AcceleratorConfig.COUNTER_BITS ? ":counters" + config.counterBits() : ""),
                        config));
            } else if (t.equals("pe:gated") || t.startsWith("pe:gated:")) {
                MultiplierConfig c = t.equals("pe:gated") ? MultiplierConfig.EXACT : MultiplierConfig.parse(t.substring(9));
                designs.add(LayoutDesign.gatedPe(c, Inputs.assetsIfSet(ctx)));
            } else if (t.equals("pe:configurable")) {
                designs.add(LayoutDesign.configurablePe());
            } else if (t.equals("pe") || t.startsWith("pe:")) {
                MultiplierConfig c = t.equals("pe") ? MultiplierConfig.EXACT : MultiplierConfig.parse(t.substring(3));
                designs.add(LayoutDesign.pe(c, Inputs.assetsIfSet(ctx)));
            } else {
                designs.add(LayoutDesign.multiplier(circuit(t, ctx)));
            }
        }
        OperandStream stream = null;
        if (energies(cmd)) {
            net = net == null ? Inputs.network(cmd, ctx) : net;
            stream = stream(cmd, ctx, net, layerName, registry);
            ctx.out().printf(Locale.ROOT, "energy on %s's operand stream: %d pairs%n", layerName, stream.size());
        }
        Layout.Results results = Layout.runAll(designs, out, new Layout.Options(clockNs, stream,
                        new QflowFlow.Effort(OptionTypes.value(cmd, "stage-limit", (int) QflowFlow.DEFAULT_STAGE_LIMIT_SECONDS),
                                OptionTypes.value(cmd, "place-fast", 1), OptionTypes.value(cmd, "density", (Double) null),
                                !cmd.hasOption("no-route-cleanup"))),
                line -> ctx.err().println("layout " + line));
        print(results, ctx);
        if (cmd.hasOption("json")) {
            Path file = OptionTypes.path(cmd, "json");
            ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            AtomicFiles.writeString(file, json.writeValueAsString(results) + "\n");
            ctx.out().println("wrote " + file);
        }
        if (!results.allClean()) {
            List<String> bad = results.designs().stream().filter(r -> !r.clean()).map(LayoutReport::design).toList();
            ctx.err().println("layout not clean (DRC, LVS or unrouted nets): " + String.join(", ", bad));
            return MaxdnnException.MISMATCH;
        }
        return 0;
    }

    private static void print(Layout.Results results, Context ctx) {
        ctx.out().printf(Locale.ROOT, "qflow %s, %s, clock %.2f ns%n", results.qflowVersion(), results.technology(),
                results.clockPeriodNs());
        ctx.out().printf(Locale.ROOT, "%-18s %6s %10s %10s %5s %9s %9s %9s %4s %-24s %7s%n", "design", "cells",
                "cell um2", "die um2", "util", "wire um", "fmax MHz", "slack ns", "DRC", "LVS", "time s");
        for (LayoutReport r : results.designs()) {
            ctx.out().printf(Locale.ROOT, "%-18s %6d %10.0f %10.0f %4.0f%% %9.0f %9.1f %9.3f %4d %-24s %7.1f%n",
                    r.design(), r.cells(), r.cellAreaUm2(), r.dieAreaUm2(), 100 * r.utilisation(), r.wireLengthUm(),
                    r.timing().maxClockMhz(), r.timing().worstSlackPs() / 1000, r.drcViolations(),
                    (r.lvs().clean() ? "clean: " : "FAIL: ") + r.lvs().verdict(), r.flowSeconds());
        }
        for (LayoutReport r : results.designs()) {
            if (!r.timing().meetsHold()) {
                ctx.out().printf(Locale.ROOT, "%s: fails hold timing after routing (vesta; the shortest paths are in "
                        + "%s/log/post_sta.log)%n", r.design(), r.dir());
            }
            if (r.placeAttempts() > 1) {
                ctx.out().printf(Locale.ROOT, "%s: clean only when placed again at density %.2f (attempt %d; the "
                        + "first placement left DRC/LVS errors or unrouted nets, logs kept under log/attempt*)%n", r.design(),
                        r.initialDensity(), r.placeAttempts());
            }
        }
        List<PostRouteEnergy> energies = results.designs().stream().map(LayoutReport::energy)
                .filter(java.util.Objects::nonNull).toList();
        if (!energies.isEmpty()) {
            ctx.out().printf(Locale.ROOT, "%nenergy per multiplication on %s (pJ): pre-route = the energy table's "
                    + "figure; routed/wire-load = qflow's netlist, same wire model; post-route = extracted wires%n",
                    results.stream());
            ctx.out().printf(Locale.ROOT, "%-14s %10s %13s %11s %9s %7s %7s %9s%n", "config", "pre-route",
                    "routed/wl", "post-route", "post/pre", "cells", "routed", "wire fF");
            for (PostRouteEnergy e : energies) {
                ctx.out().printf(Locale.ROOT, "%-14s %10.4f %13.4f %11.4f %9.3f %7d %7d %9.1f%n", e.config(),
                        e.preRoutePj(), e.routedWireLoadPj(), e.postRoutePj(), e.postOverPre(), e.preRouteCells(),
                        e.routedCells(), e.wireFarads() * 1e15);
            }
            ctx.out().println("SPEF capacitance unit: " + energies.get(0).spefUnitNote());
        }
        if (results.ranking() != null) {
            ctx.out().printf(Locale.ROOT, "ranking (cheapest first) pre-route:  %s%n", String.join(" < ",
                    results.ranking().preRoute()));
            ctx.out().printf(Locale.ROOT, "ranking (cheapest first) post-route: %s%n", String.join(" < ",
                    results.ranking().postRoute()));
            ctx.out().printf(Locale.ROOT, "Spearman rank correlation %.3f: the ranking %s routing%n",
                    results.ranking().spearman(), results.ranking().sameOrder() ? "survives" : "changes with");
        }
    }

    /** The circuit of a multiplier target ({@link Circuits}); a clear error for one that has none. */
    private static Circuit circuit(String target, Context ctx) {
        MultiplierConfig c = MultiplierConfig.parse(target);
        try {
            return Circuits.of(c, Inputs.assetsIfSet(ctx));
        } catch (MaxdnnException e) {
            throw MaxdnnException.badInput("--target " + target + " has no circuit to lay out: " + e.getMessage(), e);
        }
    }

    private static OperandStream stream(CommandLine cmd, Context ctx, Network net, String layerName,
                                        MultiplierRegistry registry) {
        Inputs.layer(cmd, net, DEFAULT_LAYER);
        int pairs = OptionTypes.value(cmd, "pairs", 20000);
        List<LabeledImage> images = cmd.hasOption("limit") || cmd.hasOption("images") || cmd.hasOption("cifar") || cmd.hasOption("random")
                ? Inputs.images(cmd, ctx) : ImageSets.readFolder(ctx.assets().images(), 4);
        Map<String, OperandStream> streams = OperandStreams.capture(
                InferencePlan.compile(net, ApproxMap.exact(), registry), images, pairs, 1);
        return streams.get(layerName);
    }
}
