package org.maxdnn.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.maxdnn.MaxdnnException;
import org.maxdnn.cosim.CosimDriver;
import org.maxdnn.energy.MapEnergy;
import org.maxdnn.explore.Explorer;
import org.maxdnn.explore.HtmlReport;
import org.maxdnn.infer.ConvLayer;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.model.OpType;
import org.maxdnn.array.ArrayConfig;
import org.maxdnn.array.Tiling;
import org.maxdnn.rtl.RtlGenerator;

/**
 * {@code maxdnn run}: the main job end to end on the default assets — characterise energy, explore,
 * pick the best point within the loss bound, generate its RTL, cosimulate it, report.
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
                .addOption(Option.builder().longOpt("out").hasArg().argName("DIR").desc("output folder (default out/run)").build());
    }

    @Override
    public int run(CommandLine cmd, Context ctx) throws Exception {
        long t0 = System.nanoTime();
        Path out = Path.of(cmd.getOptionValue("out", "out/run"));
        ctx.out().println("== 1/4 energy characterisation and exploration");
        ExploreCommand.Explored x = ExploreCommand.explore(cmd, ctx, out.resolve("explore"));
        Explorer.Point chosen = x.chosen();
        ApproxMap map = chosen != null ? chosen.map() : ApproxMap.exact();
        map.write(out.resolve("chosen-map.json"));

        ctx.out().println("== 2/4 RTL of the chosen map");
        // --quick: an 8x8 array, whose Verilator build takes half a minute instead of several
        int rows = Inputs.positiveInt(cmd, "rows", cmd.hasOption("quick") ? 8 : 16);
        int cols = Inputs.positiveInt(cmd, "cols", cmd.hasOption("quick") ? 8 : 16);
        Path rtl = out.resolve("rtl");
        List<String> rtlFiles = new ArrayList<>();
        ArrayConfig configurable = ArrayConfig.configurable(rows, cols);
        RtlGenerator.ArrayFiles conf = RtlGenerator.writeArray(configurable, null, rtl);
        rtlFiles.add(conf.verilog().getFileName().toString());
        // a fixed array for each layer whose map it can hold over every fold; none for the others
        List<ArrayConfig> fixedArrays = new ArrayList<>();
        List<String> noFixed = new ArrayList<>();
        for (ConvLayer l : x.net().weightedLayers()) {
            if (l.op() != OpType.CONV_2D) {
                continue;
            }
            Tiling.FixedArray fixed = GenerateCommand.fixedArray(l, map.resolve(l), rows, cols);
            if (fixed.exists()) {
                rtlFiles.add(RtlGenerator.writeArray(fixed.array(), Inputs.assetsIfSet(ctx), rtl).verilog().getFileName().toString());
                fixedArrays.add(fixed.array());
            } else {
                noFixed.add(fixed.why());
            }
        }
        ctx.out().printf(Locale.ROOT, "wrote %s and %d fixed arrays (SystolicArray_<layer>_%dx%d) to %s%n",
                conf.verilog().getFileName(), fixedArrays.size(), rows, cols, rtl);
        noFixed.forEach(n -> ctx.out().println("  " + n + "; the configurable array runs it"));

        ctx.out().println("== 3/4 cosimulation of the chosen map");
        int cosimImages = Math.min(x.images().size(), Inputs.positiveInt(cmd, "cosim-images", 2));
        int cores = Runtime.getRuntime().availableProcessors();
        Cosimulation.Outcome cosim = Cosimulation.run(new Cosimulation.Request(map, "chosen-map.json",
                x.images().subList(0, cosimImages), configurable, null, CosimDriver.Simulator.VERILATOR, cores, null, true,
                out.resolve("cosim/toggles.csv"), out.resolve("cosim")), x.net(), Inputs.registry(ctx), ctx);
        List<Cosimulation.Outcome> fixedCosim = new ArrayList<>();
        for (ArrayConfig a : fixedArrays) {
            fixedCosim.add(Cosimulation.run(new Cosimulation.Request(map, "chosen-map.json", x.images().subList(0, cosimImages),
                    a, Inputs.assetsIfSet(ctx), CosimDriver.Simulator.VERILATOR, cores, null, true, null,
                    out.resolve("cosim").resolve(a.moduleName())), x.net(), Inputs.registry(ctx), ctx));
        }

        ctx.out().println("== 4/4 energy of the chosen map and report");
        MapEnergy.Breakdown e = MapEnergy.of(x.net(), map, x.energy());
        HtmlReport html = new HtmlReport("MAx-DNN run: ResNet-8 int8 with ROUP multipliers");
        if (chosen != null) {
            html.paragraph(String.format(Locale.ROOT, "Chosen map (%s approach): accuracy %.2f%% on %d images (exact %.2f%%, "
                            + "loss %.2f points), top-1 agreement with the exact model %.2f%%, multiplier energy saving %.1f%% "
                            + "(%.2f uJ vs %.2f uJ per image on %s).", chosen.approach(), 100 * chosen.score().accuracy(),
                    chosen.score().images(), 100 * x.result().exact().accuracy(), chosen.lossPts(),
                    100 * chosen.score().agreement(), e.savingPct(), e.pj() / 1e6, e.exactPj() / 1e6, x.energy().library()));
        } else {
            html.paragraph("No approximate map stayed within the loss bound; the exact map is used.");
        }
        html.link("chosen-map.json", "chosen map (JSON)").link("explore/report.html", "exploration report");
        html.heading("Energy per layer (chosen map)");
        List<List<String>> rowsE = new ArrayList<>();
        for (MapEnergy.LayerEnergy l : e.layers()) {
            rowsE.add(List.of(l.layer(), String.format(Locale.ROOT, "%,d", l.macs()),
                    String.format(Locale.ROOT, "%.3f", l.pj() / 1e6), String.format(Locale.ROOT, "%.3f", l.exactPj() / 1e6),
                    String.format(Locale.ROOT, "%.1f%%", l.savingPct())));
        }
        rowsE.add(List.of("total", "", String.format(Locale.ROOT, "%.3f", e.pj() / 1e6),
                String.format(Locale.ROOT, "%.3f", e.exactPj() / 1e6), String.format(Locale.ROOT, "%.1f%%", e.savingPct())));
        html.table(List.of("layer", "MACs", "energy (uJ/image)", "exact (uJ/image)", "saving"), rowsE);
        html.paragraph("Energy model: " + x.energy().method());
        html.heading("RTL");
        html.paragraph("Configurable array (runs any map) and a fixed-mode array for each conv layer whose map it can hold "
                + "over every fold (the chosen map's configurations baked in, cosimulated on its layer); each with a JSON "
                + "manifest. Ready for Yosys/OpenROAD flows." + (noFixed.isEmpty() ? "" : " " + String.join("; ", noFixed)
                + "; the configurable array runs those."));
        for (String f : rtlFiles) {
            html.link("rtl/" + f, f);
        }
        html.heading("Cosimulation");
        html.paragraph("The chosen map on the configurable " + rows + "x" + cols + " array in Verilator, every conv layer in "
                + "the RTL and the rest in Java, every tile, layer and FC output checked against the golden model: "
                + cosim.summary() + ".");
        html.paragraph("RT-level activity from the array's TOGGLE_COUNT counters (checked against the golden model's "
                + "own count): " + String.join("; ", cosim.activityLines()) + ".");
        html.link("cosim/cosim-report.txt", "cosimulation report").link("cosim/toggles.csv", "per-PE toggles (CSV)");
        for (int i = 0; i < fixedArrays.size(); i++) {
            html.paragraph("Fixed array " + fixedArrays.get(i).moduleName() + " on " + fixedArrays.get(i).label() + ": "
                    + fixedCosim.get(i).summary() + ".");
        }
        html.figure("explore/tradeoff", "Pareto fronts of every approach");
        html.write(out.resolve("report.html"));
        ctx.out().printf(Locale.ROOT, "saving %.1f%% at %.2f points of accuracy loss; report %s (%.0f s in all)%n",
                e.savingPct(), chosen != null ? chosen.lossPts() : 0.0, out.resolve("report.html"),
                (System.nanoTime() - t0) / 1e9);
        for (Cosimulation.Outcome o : fixedCosim) {
            if (!o.passed()) {
                cosim = o;
            }
        }
        if (!cosim.passed()) {
            throw new MaxdnnException(MaxdnnException.MISMATCH, "the chosen map's RTL did not cosimulate bit-exactly: "
                    + cosim.failure() + " (see " + cosim.reportFile() + ")");
        }
        return 0;
    }
}
