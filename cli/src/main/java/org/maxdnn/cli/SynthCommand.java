package org.maxdnn.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.maxdnn.flow.SynthesiseCells;
import org.maxdnn.io.AtomicFiles;
import org.maxdnn.mult.MultiplierCatalog;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.mult.ParameterColumns;
import org.maxdnn.sim.YosysSynth;

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
                        .desc("all (default: exact + 64 ROUP configurations), a multiplier name such as roup-p1r2 or "
                                + "lut:mul8u_2AC (an EvoApprox circuit), pe, or array").build())
                .addOption(Option.builder().longOpt("liberty").hasArg().argName("FILE")
                        .desc("map to this liberty's cells (.lib or .lib.gz) and report their area (default: Yosys's generic gates)").build())
                .addOption(Option.builder().longOpt("rows").hasArg().argName("R").desc("array rows for --target array (default 16)").build())
                .addOption(Option.builder().longOpt("cols").hasArg().argName("C").desc("array columns for --target array (default 16)").build())
                .addOption(Option.builder().longOpt("out").hasArg().argName("DIR").desc("output folder (default out/synth)").build());
    }

    @Override
    public int run(CommandLine cmd, Context ctx) {
        Path out = Path.of(cmd.getOptionValue("out", "out/synth"));
        String target = cmd.getOptionValue("target", "all");
        Path liberty = cmd.hasOption("liberty") ? Path.of(cmd.getOptionValue("liberty")) : null;
        String cells = liberty == null ? "generic gates" : liberty.getFileName() + " cells";
        StringBuilder csv = new StringBuilder();
        int arrayRows = Inputs.arraySide(cmd, "rows", 16);
        int arrayCols = Inputs.arraySide(cmd, "cols", 16);
        List<MultiplierConfig> configs = target.equals("pe") || target.equals("array") ? List.of()
                : target.equals("all") ? MultiplierCatalog.library() : List.of(MultiplierConfig.parse(target));
        long t0 = System.nanoTime();
        if (target.equals("pe") || target.equals("array")) {
            int rows = target.equals("pe") ? 1 : arrayRows;
            int cols = target.equals("pe") ? 1 : arrayCols;
            YosysSynth.ModuleSize s = SynthesiseCells.configurableArray(rows, cols, liberty, out);
            ctx.out().printf(Locale.ROOT, "%s (configurable %dx%d): %d %s%s%n", target, rows, cols, s.cells(), cells,
                    liberty == null ? "" : String.format(Locale.ROOT, ", area %.1f", s.area()));
            csv.append("target,rows,cols,cells").append(liberty == null ? "" : ",area").append('\n')
                    .append(target).append(',').append(rows).append(',').append(cols).append(',').append(s.cells())
                    .append(liberty == null ? "" : String.format(Locale.ROOT, ",%.1f", s.area())).append('\n');
        } else {
            List<SynthesiseCells.MultiplierSize> sizes = SynthesiseCells.multipliers(configs, Inputs.assetsIfSet(ctx),
                    liberty, out);
            int exact = sizes.stream().filter(m -> m.config().equals(MultiplierConfig.EXACT))
                    .mapToInt(m -> m.size().cells()).findFirst().orElse(0);
            ParameterColumns columns = ParameterColumns.of(configs);
            ctx.out().printf(Locale.ROOT, "%-12s %-6s%s %6s %9s%s%n", "name", "family", columns.header("  "), "cells",
                    "vs exact", liberty == null ? "" : String.format(Locale.ROOT, " %10s", "area"));
            csv.append("name,family").append(columns.header(",")).append(",cells").append(liberty == null ? "" : ",area")
                    .append('\n');
            for (SynthesiseCells.MultiplierSize m : sizes) {
                MultiplierConfig c = m.config();
                int n = m.size().cells();
                String family = c.family().id();
                ctx.out().printf(Locale.ROOT, "%-12s %-6s%s %6d %9s%s%n", c.name(), family, columns.values(c, "  ", "0"), n,
                        exact > 0 ? String.format(Locale.ROOT, "%+.0f%%", 100.0 * (n - exact) / exact) : "",
                        liberty == null ? "" : String.format(Locale.ROOT, " %10.1f", m.size().area()));
                csv.append(c.name()).append(',').append(family).append(columns.values(c, ",", "0"))
                        .append(',').append(n).append(liberty == null ? "" : String.format(Locale.ROOT, ",%.1f", m.size().area()))
                        .append('\n');
            }
            ctx.out().printf(Locale.ROOT, "yosys synth (%s) of %d modules in %.1f s%n", cells, configs.size(),
                    (System.nanoTime() - t0) / 1e9);
        }
        Path file = out.resolve("cells.csv");
        AtomicFiles.writeString(file, csv.toString());
        ctx.out().println("wrote " + file);
        return 0;
    }
}
