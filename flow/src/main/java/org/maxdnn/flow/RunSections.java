package org.maxdnn.flow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.maxdnn.array.ArrayConfig;
import org.maxdnn.cosim.CosimDriver;
import org.maxdnn.energy.Action;
import org.maxdnn.energy.ActionEnergyTable;
import org.maxdnn.energy.ArrayEnergy;
import org.maxdnn.explore.ExplorerChart;
import org.maxdnn.explore.Explorer;
import org.maxdnn.explore.Selection;
import org.maxdnn.layout.HardwareTable;
import org.maxdnn.report.BarChart;
import org.maxdnn.report.Column;
import org.maxdnn.report.ReportSection;
import org.maxdnn.report.Section;
import org.maxdnn.report.Table;

/**
 * The sections of the main job's report ({@code report.html}, the console, a CSV per table), one
 * factory per result it shows, in {@link #ALL}'s order. A new section is one factory here and one
 * line in {@link #ALL}, or, from outside the toolkit, a {@link RunSectionPlugin} and its one
 * services line.
 */
public final class RunSections {
    /** Every section of the main job's report, in order: the toolkit's own, then the registered plug-ins. */
    public static final List<ReportSection<MainFlow.Result>> ALL = ReportSection.withPlugins(List.of(
            RunSections::chosenMap,
            RunSections::explorer,
            RunSections::energyPerLayer,
            RunSections::steps,
            RunSections::arrayEnergy,
            RunSections::rtl,
            RunSections::cosimulation,
            RunSections::accelerator,
            RunSections::alwannInHardware,
            r -> EnergySections.evoApproxRanking(r.characterised()),
            r -> hardware(r.hardware()),
            RunSections::fronts), RunSectionPlugin.class);
    /** Layers in the per-layer tables' last row, left out of their charts. */
    private static final List<String> TOTAL = List.of("total");

    private RunSections() {
    }

    /** The chosen point: approach, metric and loss on search and validation data, saving, with links to its map and the exploration. */
    static Section chosenMap(MainFlow.Result r) {
        Explorer.Point p = r.picked().point();
        ExploreMaps.Explored explored = r.explored();
        return Section.builder("").paragraph(p == null ? "Chosen map: " + explored.chosen().text() + "."
                        : String.format(Locale.ROOT, "Chosen map (%s approach): %s on %d validation samples; on the %d "
                                + "search samples that chose it %s %.2f%% (exact %.2f%%, loss %.2f points, upper bound "
                                + "%.2f), multiplier energy saving %.1f%% (%.2f uJ vs %.2f uJ per inference on %s).",
                        p.approach(), Selection.validationText(p), p.validation() == null ? 0 : p.validation().score().samples(),
                        p.score().samples(), explored.result().metric(), 100 * p.score().metric(),
                        100 * explored.result().exact().metric(), p.lossPts(), explored.chosen().bound().highPts(),
                        r.mapEnergy().savingPct(), r.mapEnergy().pj() / 1e6, r.mapEnergy().exactPj() / 1e6,
                        r.energy().library()))
                .paragraph("Rule: " + explored.result().rule(explored.chosen().maxLossPts()) + "."
                        + (explored.clean() == null || p == null ? "" : " The chosen map " + explored.clean().text("chosen")
                        + " (the exploration report's last table)."))
                .link("chosen-map.json", "chosen map (JSON)").link("explore/report.html", "exploration report").build();
    }

    /**
     * The exploration's fronts and maps as the page's explorer (its maps in {@code explore/}); hovering a
     * point shows its whole-array saving on the gated array under the exact map's other actions.
     */
    static Section explorer(MainFlow.Result r) {
        ExploreMaps.Explored x = r.explored();
        double share = 100 * r.arrayEnergy().get(MainFlow.GATED_EXACT).energy().multiplierShare();
        return Section.builder("Pareto explorer").chart(ExplorerChart.of(x.net(), x.result(), x.maxLossPts(), share,
                "explore/")).build();
    }

    /** Multiplier energy per layer of the chosen map against the exact map. */
    static Section energyPerLayer(MainFlow.Result r) {
        Table t = EstimateEnergy.table(r.mapEnergy());
        return Section.builder("Energy per layer (chosen map)").table(t)
                .chart(BarChart.without("Multiplier energy per layer and image, the chosen map beside the exact one",
                        t, "layer", List.of("energy_uj", "exact_uj"), TOTAL, "uJ per image"))
                .paragraph("Energy model: " + r.energy().method()).build();
    }

    /**
     * The three steps of SPEC §6.1 side by side, a column each: the exact map on today's plain array,
     * the exact map on the energy-proportional (gated) array, the chosen map (and ALWANN's) on the
     * gated array; per column the energy per inference, the multipliers' share, the step's saving
     * (gating's against the plain array, the map's against the gated array's exact map) and the
     * saving against the plain array's exact map.
     */
    static Section steps(MainFlow.Result r) {
        List<EstimateArrayEnergy.Estimate> estimates = r.arrayEnergy();
        List<Integer> shown = new ArrayList<>(List.of(MainFlow.PLAIN_EXACT, MainFlow.GATED_EXACT, MainFlow.GATED_CHOSEN));
        List<Column> columns = new ArrayList<>(List.of(Column.text("figure", "per inference"),
                Column.number("plain_exact", "plain array, exact map", "", "%.2f").csv("%.6f"),
                Column.number("gated_exact", "gated array, exact map", "", "%.2f").csv("%.6f"),
                Column.number("gated_chosen", "gated array, chosen map", "", "%.2f").csv("%.6f")));
        if (estimates.size() > MainFlow.GATED_ALWANN) {
            shown.add(MainFlow.GATED_ALWANN);
            columns.add(Column.number("gated_alwann", "gated array, ALWANN's map", "", "%.2f").csv("%.6f"));
        }
        double plain = estimates.get(MainFlow.PLAIN_EXACT).energy().totalPj();
        double gated = estimates.get(MainFlow.GATED_EXACT).energy().totalPj();
        List<Object> energy = new ArrayList<>(List.of("energy (µJ)"));
        List<Object> share = new ArrayList<>(List.of("multipliers' share (%)"));
        List<Object> step = new ArrayList<>(List.of("step's saving (%)"));
        List<Object> total = new ArrayList<>(List.of("saving vs the plain array's exact map (%)"));
        for (int i : shown) {
            ArrayEnergy.Breakdown b = estimates.get(i).energy();
            energy.add(b.totalPj() / 1e6);
            share.add(100 * b.multiplierShare());
            step.add(i == MainFlow.PLAIN_EXACT ? null : 100 * (1 - b.totalPj() / (i == MainFlow.GATED_EXACT ? plain : gated)));
            total.add(i == MainFlow.PLAIN_EXACT ? null : 100 * (1 - b.totalPj() / plain));
        }
        Table.Builder t = Table.builder("array-steps", "per image", columns.toArray(Column[]::new));
        t.row(energy).row(share).row(step).row(total);
        return Section.builder("What gating buys, then approximation")
                .paragraph("The whole array per inference in three steps: the exact map on today's plain array, the "
                        + "exact map on the energy-proportional (gated) array, then the chosen map" + (shown.size() > 3
                        ? " and ALWANN's" : "") + " on the gated array. A step's saving is gating's (against the plain "
                        + "array) or the map's (against the gated array's exact map); the breakdown per action follows.")
                .table(t.build()).build();
    }

    /**
     * The whole array's energy per inference of the exact and the chosen map on today's plain array
     * and on the energy-proportional (gated) one, and ALWANN's map on it, next to the
     * multiplier-only figures: what gating buys, then what approximation buys on top, like for like.
     * A column per counted component and action (a gated array's adders of every width in one).
     */
    static Section arrayEnergy(MainFlow.Result r) {
        ArrayConfig array = r.rtl().configurable().design();
        ActionEnergyTable actions = r.actions();
        List<EstimateArrayEnergy.Estimate> estimates = r.arrayEnergy();
        ArrayEnergy.Breakdown plain = estimates.get(MainFlow.PLAIN_EXACT).energy();
        Set<String> counted = new LinkedHashSet<>();
        estimates.forEach(e -> e.energy().actionPj().keySet().forEach(a -> counted.add(componentAction(a))));
        List<Column> columns = new ArrayList<>(List.of(Column.text("map", "map"), uj("multipliers_uj", "multipliers")));
        for (String a : counted) {
            columns.add(uj(a.replace(',', '_') + "_uj", a.replace('_', ' ').replace(',', ' ')));
        }
        columns.addAll(List.of(uj("array_uj", "array"),
                Column.number("multiplier_share_pct", "multiplier share", "%", "%.0f").csv("%.2f"),
                Column.number("multiplier_saving_pct", "multiplier saving", "%", "%.1f").csv("%.3f"),
                Column.number("step_saving_pct", "step saving", "%", "%.1f").csv("%.3f"),
                Column.number("array_saving_pct", "array saving vs plain exact", "%", "%.1f").csv("%.3f")));
        Table.Builder t = Table.builder("array-energy", "per image", columns.toArray(Column[]::new));
        List<String> parts = columns.subList(1, columns.size() - 5).stream().map(Column::id).toList();
        for (int i = 0; i < estimates.size(); i++) {
            ArrayEnergy.Breakdown b = estimates.get(i).energy();
            List<Object> row = new ArrayList<>(List.of(estimates.get(i).map(), b.multiplierPj() / 1e6));
            for (String a : counted) {
                row.add(b.actionPj().entrySet().stream().filter(x -> componentAction(x.getKey()).equals(a))
                        .mapToDouble(Map.Entry::getValue).sum() / 1e6);
            }
            // each step against the one it takes: a map against its array's exact map, gating against the plain array
            Double step = i == MainFlow.PLAIN_EXACT ? null : 100 * (1 - b.totalPj()
                    / estimates.get(i == MainFlow.PLAIN_CHOSEN || i == MainFlow.GATED_EXACT ? MainFlow.PLAIN_EXACT
                    : MainFlow.GATED_EXACT).energy().totalPj());
            row.addAll(Arrays.asList(b.totalPj() / 1e6, 100 * b.multiplierShare(),
                    100 * (1 - b.multiplierPj() / plain.multiplierPj()), step, 100 * (1 - b.totalPj() / plain.totalPj())));
            t.row(row);
        }
        Table table = t.build();
        return Section.builder("Energy of the whole array")
                .paragraph(String.format(Locale.ROOT, "The exact and the chosen map on today's plain %d×%d configurable "
                        + "array (every PE flip-flop clocked every cycle, 32-bit partial sums), then on the "
                        + "energy-proportional one the toolkit generates (SPEC §6.1: weight registers clocked on their "
                        + "row's load, each PE's data registers while valid data passes it, each through a latch-based "
                        + "clock gate that costs its own energy; partial sums as wide as their row needs)%s. The step "
                        + "saving is gating's (the gated array's exact map against the plain one's) or the map's (against "
                        + "the exact map on the same array).", array.rows(), array.cols(), r.alwann() == null ? ""
                        : ", and ALWANN's map on it (its EvoApprox layers run on fixed arrays: its other actions are "
                        + "counted at the exact map's)"))
                .table(table)
                .chart(BarChart.of("Whole array per image and map, stacked by component and action (hover for the "
                        + "figures; click a legend entry to hide that part)", table, "map", parts, true, "uJ per image"))
                .paragraph(String.format(Locale.ROOT, "Action counts from the cosimulation of each map (MACs, cycles and "
                        + "folds of its tilings; activation and partial-sum register bit toggles from the PEs' RT-level "
                        + "counters; in the gated array the cycles each clock gate was open, from the gate's own counter, "
                        + "and its adders by their row's width), per image, × energy per action (%s). Multipliers: the "
                        + "energy table's figure for every layer; the other parts count the layers the array runs.",
                        actions.source()))
                .table(EnergySections.actionTable(actions)).build();
    }

    /** {@code component,action} of {@code a}, its arguments left out: one report column for every width of an adder. */
    private static String componentAction(Action a) {
        return a.component() + "," + a.action();
    }

    /** The generated arrays, linked, and why a layer has no fixed array. */
    static Section rtl(MainFlow.Result r) {
        GenerateRtl.Generated rtl = r.rtl();
        Section.Builder s = Section.builder("RTL").paragraph("Configurable array (runs any map) and a fixed-mode array for "
                + "each conv layer whose map it can hold over every fold (the chosen map's configurations baked in, "
                + "cosimulated on its layer); each with a JSON manifest. Ready for Yosys/OpenROAD flows."
                + (rtl.noFixed().isEmpty() ? "" : " " + String.join("; ", rtl.noFixed()) + "; the configurable array runs those."));
        for (var f : rtl.verilog()) {
            s.link("rtl/" + f.getFileName(), f.getFileName().toString());
        }
        return s.build();
    }

    /** What the cosimulations checked and found, with the RT-level activity of the configurable array. */
    static Section cosimulation(MainFlow.Result r) {
        Cosimulate.Outcome cosim = r.cosim();
        ArrayConfig conf = r.rtl().configurable().design();
        Table cycles = cosim.cycleTable().withId("cosim/" + Cosimulate.LAYERS_TABLE);
        Section.Builder s = Section.builder("Cosimulation")
                .paragraph("The chosen map on the configurable " + conf.rows() + "x" + conf.cols() + " array in Verilator, "
                        + "every conv, depthwise and FC layer in the RTL and the rest in Java, every tile, layer and network "
                        + "output checked against the golden model: " + cosim.summary() + ".")
                .paragraph("RT-level activity from the array's TOGGLE_COUNT counters (checked against the golden model's "
                        + "own count): " + String.join("; ", cosim.activityLines()) + ".")
                .link("cosim/cosim-report.txt", "cosimulation report").link("cosim/toggles.csv", "per-PE toggles (CSV)")
                .paragraph("What each layer took on the RTL, against SCALE-Sim's analytical weight-stationary count (the "
                        + "RTL's fold is two register cycles longer; packed depthwise channels take fewer folds): "
                        + cosim.cycleSummary(CosimDriver.DEFAULT_BATCH, Cosimulate.DEFAULT_CLOCK_MHZ) + ".")
                .table(cycles)
                .chart(BarChart.of("Cycles per layer on the RTL beside SCALE-Sim's analytical count", cycles, "layer",
                        List.of("cycles", "scalesim_cycles"), false, "cycles"))
                .chart(BarChart.of("PE utilisation per layer on the RTL", cycles, "layer", List.of("utilisation"), false,
                        "utilisation"))
                .link("cosim/" + Cosimulate.LAYERS_TABLE + ".csv", "per-layer cycles (CSV)");
        s.paragraph("For the array's energy, the exact map on the same array: " + r.exactCosim().summary()
                + "; on today's plain array (" + conf.withGating(false).moduleName() + "), the exact map: "
                + r.plainExactCosim().summary() + "; the chosen map: " + r.plainCosim().summary() + ".");
        for (int i = 0; i < r.fixedCosim().size(); i++) {
            ArrayConfig a = r.rtl().fixed().get(i).design();
            s.paragraph("Fixed array " + a.moduleName() + " on " + a.label() + ": " + r.fixedCosim().get(i).summary() + ".");
        }
        return s.build();
    }

    /**
     * The chosen map through the accelerator: every layer's int8 output checked, its cycles per layer
     * (preload, streaming, drain) beside the bare array's and SCALE-Sim's count, and its energy per
     * inference with array, memories and sequencer side by side.
     */
    static Section accelerator(MainFlow.Result r) {
        MainFlow.Accelerator a = r.accelerator();
        CosimulateAccelerator.Outcome o = a.cosim();
        Table layers = o.layerTable().withId("accelerator/" + CosimulateAccelerator.LAYERS_TABLE);
        return Section.builder("Accelerator").paragraph(a.config().moduleName() + " around the configurable array "
                        + "(memories, im2col address generation, requantising foot, sequencer; "
                        + "docs/design/accelerator.md): " + o.summary() + ". " + o.cycleSummary(Cosimulate.DEFAULT_CLOCK_MHZ)
                        + ".")
                .link("rtl/" + a.config().moduleName() + ".sv", a.config().moduleName() + ".sv")
                .link("rtl/" + a.config().moduleName() + ".json", "manifest: host interface, memory map, descriptors")
                .link("accelerator/cosim-report.txt", "accelerator cosimulation report")
                .table(layers)
                .chart(BarChart.of("Cycles per layer in the accelerator beside the bare array's and SCALE-Sim's", layers,
                        "layer", List.of("cycles", "array_cycles", "scalesim_cycles"), false, "cycles"))
                .table(a.energy().table(o.report().images() + " input(s) of the chosen map"))
                .paragraph("Memories priced per access and per clocked cycle (" + a.energy().table().source()
                        + "); the host's transfers and the operators it runs (ADD, pooling, softmax) are not priced.")
                .build();
    }

    /** The ALWANN baseline's chosen map in hardware: each EvoApprox layer's fixed array cosimulated on its layer. */
    static Section alwannInHardware(MainFlow.Result r) {
        PickMap.Picked alwann = r.alwann();
        if (alwann == null) {
            return Section.NONE;
        }
        Section.Builder s = Section.builder("ALWANN baseline in hardware").paragraph(alwann.point() == null
                ? "No ALWANN map stayed within the loss bound; nothing to build."
                : String.format(Locale.ROOT, "ALWANN's map with the largest saving within the bound (%.1f%% saving, %.2f "
                + "points of loss): each conv layer it gives an EvoApprox circuit runs on a fixed array whose PEs "
                + "instantiate that circuit (the library's Verilog, the offset terms around it, ALWANN's tuned weight code "
                + "looked up at weight load).", alwann.point().savingPct(), alwann.point().lossPts()));
        s.link(alwann.file().getFileName().toString(), "ALWANN map (JSON)");
        for (int i = 0; i < r.alwannRtl().size(); i++) {
            ArrayConfig a = r.alwannRtl().get(i).design();
            s.paragraph("Fixed array " + a.moduleName() + " (" + a.label() + "): " + r.alwannCosim().get(i).summary() + ".");
        }
        return s.build();
    }

    /** The hardware table: each configuration of the chosen map placed and routed, against exact (when laid out). */
    static Section hardware(LayOutMap.Laid laid) {
        if (laid == null) {
            return Section.NONE;
        }
        Table.Builder t = Table.builder("hardware", "", Column.text("configuration", "configuration"),
                Column.number("cell_area_um2", "cell area", "um2", "%.0f"), Column.number("die_area_um2", "die area", "um2", "%.0f"),
                Column.number("max_clock_mhz", "max clock", "MHz", "%.1f"),
                Column.number("pre_route_pj", "pJ/mult pre-route", "", "%.4f"),
                Column.number("post_route_pj", "pJ/mult post-route", "", "%.4f"), Column.text("drc_lvs", "DRC/LVS"));
        for (HardwareTable.Row x : laid.rows()) {
            t.row(x.config(), x.cellAreaUm2(), x.dieAreaUm2(), x.maxClockMhz(), x.preRoutePj(), x.postRoutePj(),
                    x.clean() ? "clean" : "NOT clean");
        }
        String version = laid.rows().isEmpty() ? "?" : laid.rows().get(0).qflowVersion();
        Table table = t.build();
        return Section.builder("Hardware (place and route)").table(table)
                .chart(BarChart.of("Cell and die area per configuration (hover for DRC/LVS in the table)", table,
                        "configuration", List.of("cell_area_um2", "die_area_um2"), false, "um2"))
                .chart(BarChart.of("Maximum clock per configuration", table, "configuration", List.of("max_clock_mhz"),
                        false, "MHz"))
                .paragraph("Each configuration as a registered multiplier, laid out with qflow " + version + " on osu018 "
                        + "(layout/ holds every project, its logs and an OpenROAD-flow-scripts folder). Energies per "
                        + "multiplication on " + laid.streamLayer() + "'s operand stream: pre-route is the gate-level "
                        + "model on Yosys's netlist, post-route adds the extracted wire capacitance (SPEF); EvoApprox "
                        + "circuits are laid out without energy.").build();
    }

    /** The exploration's static trade-off chart, for papers. */
    static Section fronts(MainFlow.Result r) {
        return Section.builder("").figure("explore/tradeoff", "Pareto fronts of every approach on search data (for "
                + "papers; the explorer above has the validation figures)").build();
    }

    private static Column uj(String id, String label) {
        return Column.number(id, label, "uJ", "%.3f").csv("%.6f");
    }
}
