package org.maxdnn.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.maxdnn.io.AtomicFiles;
import org.maxdnn.mult.MultiplierCatalog;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.array.ArrayConfig;
import org.maxdnn.rtl.RtlGenerator;
import org.maxdnn.rtl.Synthesis;

/** {@code maxdnn synth}: Yosys synthesis of multiplier configurations, the PE or the array; cell counts. */
final class SynthCommand implements CliCommand {
    @Override
    public String name() {
        return "synth";
    }

    @Override
    public String summary() {
        return "Yosys synthesis of multiplier configurations / PE / array: cell counts (CSV)";
    }

    @Override
    public Options options() {
        return new Options()
                .addOption(Option.builder().longOpt("target").hasArg().argName("T")
                        .desc("all (default: exact + 64 ROUP configurations), a multiplier name such as roup-p1r2, pe, or array").build())
                .addOption(Option.builder().longOpt("rows").hasArg().argName("R").desc("array rows for --target array (default 16)").build())
                .addOption(Option.builder().longOpt("cols").hasArg().argName("C").desc("array columns for --target array (default 16)").build())
                .addOption(Option.builder().longOpt("out").hasArg().argName("DIR").desc("output folder (default out/synth)").build());
    }

    @Override
    public int run(CommandLine cmd, Context ctx) {
        Path out = Path.of(cmd.getOptionValue("out", "out/synth"));
        String target = cmd.getOptionValue("target", "all");
        StringBuilder csv = new StringBuilder();
        if (target.equals("pe") || target.equals("array")) {
            int rows = target.equals("pe") ? 1 : Inputs.positiveInt(cmd, "rows", 16);
            int cols = target.equals("pe") ? 1 : Inputs.positiveInt(cmd, "cols", 16);
            ArrayConfig design = ArrayConfig.configurable(rows, cols);
            RtlGenerator.ArrayFiles files = RtlGenerator.writeArray(design, null, out);
            Map<String, Integer> cells = Synthesis.cellCounts(files.verilog(), List.of(design.moduleName()), 3600);
            ctx.out().printf(Locale.ROOT, "%s (configurable %dx%d): %d cells%n", target, rows, cols, cells.get(design.moduleName()));
            csv.append("target,rows,cols,cells\n").append(target).append(',').append(rows).append(',').append(cols)
                    .append(',').append(cells.get(design.moduleName())).append('\n');
        } else {
            List<MultiplierConfig> configs = target.equals("all") ? MultiplierCatalog.library() : List.of(MultiplierConfig.parse(target));
            Path verilog = RtlGenerator.writeMultipliers(configs, Inputs.assetsIfSet(ctx), out, "multipliers.sv");
            List<String> modules = configs.stream().map(RtlGenerator::moduleName).toList();
            long t0 = System.nanoTime();
            Map<String, Integer> cells = Synthesis.cellCounts(verilog, modules, 3600);
            int exact = cells.getOrDefault(RtlGenerator.moduleName(MultiplierConfig.EXACT), 0);
            ctx.out().printf(Locale.ROOT, "%-12s %-6s %2s %2s %6s %9s%n", "name", "family", "P", "R", "cells", "vs exact");
            csv.append("name,family,P,R,cells\n");
            for (MultiplierConfig c : configs) {
                int n = cells.get(RtlGenerator.moduleName(c));
                ctx.out().printf(Locale.ROOT, "%-12s %-6s %2d %2d %6d %9s%n", c.name(), c.family().name().toLowerCase(Locale.ROOT),
                        c.p(), c.r(), n, exact > 0 ? String.format(Locale.ROOT, "%+.0f%%", 100.0 * (n - exact) / exact) : "");
                csv.append(c.name()).append(',').append(c.family().name().toLowerCase(Locale.ROOT)).append(',')
                        .append(c.p()).append(',').append(c.r()).append(',').append(n).append('\n');
            }
            ctx.out().printf(Locale.ROOT, "yosys synth (generic gates) of %d modules in %.1f s%n", configs.size(),
                    (System.nanoTime() - t0) / 1e9);
        }
        Path file = out.resolve("cells.csv");
        AtomicFiles.writeString(file, csv.toString());
        ctx.out().println("wrote " + file);
        return 0;
    }

}
