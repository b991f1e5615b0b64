package org.maxdnn.flow;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.maxdnn.Assets;
import org.maxdnn.array.ArrayConfig;
import org.maxdnn.io.AtomicFiles;
import org.maxdnn.mult.Circuit;
import org.maxdnn.mult.MultiplierCatalog;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.mult.ParameterColumns;
import org.maxdnn.report.Column;
import org.maxdnn.report.Csv;
import org.maxdnn.report.Table;
import org.maxdnn.rtl.Circuits;
import org.maxdnn.rtl.RtlGenerator;
import org.maxdnn.sim.YosysSynth;

/**
 * Synthesis for size: the generator's multipliers, PE or array through Yosys, counted as generic
 * gates or, given a liberty, as that library's cells with their area.
 */
public final class SynthesiseCells {
    /** Yosys is given an hour: the 16×16 array takes minutes. */
    private static final long TIMEOUT_SECONDS = 3600;

    /** One multiplier's size. */
    public record MultiplierSize(MultiplierConfig config, YosysSynth.ModuleSize size) {
    }

    /**
     * What {@code synth} synthesises: {@code target} is {@code all} (the library), a configuration's
     * name, {@code pe} (one configurable PE) or {@code array} ({@code rows} × {@code cols});
     * {@code liberty} null for generic gates; {@code assets} (may be null) holds EvoApprox circuits.
     */
    public record Request(String target, int rows, int cols, Path liberty, Assets assets, Path out) {
    }

    /** The sizes as a table (written as {@code cells.csv}), what they were counted in, and the time. */
    public record Synthesised(Table table, String units, int modules, double seconds, Path csv) {
    }

    /** Synthesises {@code q}'s target and writes its table as {@code cells.csv} in the output folder. */
    public static Synthesised run(Request q) {
        long t0 = System.nanoTime();
        List<Column> columns = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        int modules;
        if (q.target().equals("pe") || q.target().equals("array")) {
            int r = q.target().equals("pe") ? 1 : q.rows();
            int c = q.target().equals("pe") ? 1 : q.cols();
            columns.addAll(List.of(Column.text("target", "target"), count("rows"), count("cols")));
            rows.add(new ArrayList<>(List.of(q.target(), r, c)));
            sizes(rows, List.of(configurableArray(r, c, q.liberty(), q.out())), q.liberty());
            modules = 1;
        } else {
            List<MultiplierConfig> configs = q.target().equals("all") ? MultiplierCatalog.library()
                    : List.of(MultiplierConfig.parse(q.target()));
            ParameterColumns parameters = ParameterColumns.forTable(configs);
            columns.addAll(List.of(Column.text("name", "name"), Column.text("family", "family")));
            parameters.names().forEach(n -> columns.add(count(n)));
            List<MultiplierSize> sizes = multipliers(configs, q.assets(), q.liberty(), q.out());
            for (MultiplierSize m : sizes) {
                List<Object> row = new ArrayList<>(List.of(m.config().name(), m.config().family().id()));
                parameters.names().forEach(n -> row.add(m.config().parameters().getOrDefault(n, 0)));
                rows.add(row);
            }
            sizes(rows, sizes.stream().map(MultiplierSize::size).toList(), q.liberty());
            modules = configs.size();
        }
        columns.add(count("cells"));
        if (q.liberty() != null) {
            columns.add(Column.number("area", "area", "", "%.1f"));
        }
        Table table = new Table("cells", "", columns, rows);
        Path csv = q.out().resolve(table.id() + ".csv");
        AtomicFiles.writeString(csv, Csv.of(table));
        return new Synthesised(table, q.liberty() == null ? "generic gates" : q.liberty().getFileName() + " cells", modules,
                (System.nanoTime() - t0) / 1e9, csv);
    }

    private static Column count(String id) {
        return Column.number(id, id, "", "%d");
    }

    /** Each row's cell count and, under a liberty, its area. */
    private static void sizes(List<List<Object>> rows, List<YosysSynth.ModuleSize> sizes, Path liberty) {
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i).add(sizes.get(i).cells());
            if (liberty != null) {
                rows.get(i).add(sizes.get(i).area());
            }
        }
    }

    /**
     * Each configuration's circuit ({@link Circuits}) synthesised on its own; {@code liberty} null for
     * generic gates; {@code assets} (may be null) is where EvoApprox circuits come from.
     */
    public static List<MultiplierSize> multipliers(List<MultiplierConfig> configs, Assets assets, Path liberty,
                                                   Path out) {
        List<Circuit> circuits = Circuits.of(configs, assets);
        Path verilog = Circuits.write(circuits, out.resolve("multipliers.sv"));
        Map<String, YosysSynth.ModuleSize> sizes = YosysSynth.cellCounts(verilog,
                circuits.stream().map(Circuit::module).distinct().toList(), liberty, out, TIMEOUT_SECONDS);
        return circuits.stream().map(c -> new MultiplierSize(c.config(), sizes.get(c.module()))).toList();
    }

    /** The configurable array of {@code rows} × {@code cols} PEs (1 × 1: one PE with its boundary registers). */
    public static YosysSynth.ModuleSize configurableArray(int rows, int cols, Path liberty, Path out) {
        ArrayConfig design = ArrayConfig.configurable(rows, cols);
        RtlGenerator.ArrayFiles files = RtlGenerator.writeArray(design, null, out);
        return YosysSynth.cellCounts(files.verilog(), List.of(design.moduleName()), liberty, out, TIMEOUT_SECONDS)
                .get(design.moduleName());
    }
}
