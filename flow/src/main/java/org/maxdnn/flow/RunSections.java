package org.maxdnn.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.maxdnn.array.ArrayConfig;
import org.maxdnn.cosim.CosimDriver;
import org.maxdnn.energy.ActionEnergyTable;
import org.maxdnn.energy.ArrayEnergy;
import org.maxdnn.energy.EnergyTable;
import org.maxdnn.energy.MapEnergy;
import org.maxdnn.explore.ExploreReport;
import org.maxdnn.explore.Explorer;
import org.maxdnn.layout.HardwareTable;

/** The sections of the main job's report, one factory per stage result it shows. */
public final class RunSections {
    private RunSections() {
    }

    /** The chosen point: approach, metric and loss on search and validation data, saving, with links to its map and the exploration. */
    public static ReportSection chosenMap(ExploreMaps.Explored explored, PickMap.Picked picked, MapEnergy.Breakdown e,
                                          EnergyTable table) {
        return html -> {
            Explorer.Point p = picked.point();
            if (p != null) {
                html.paragraph(String.format(Locale.ROOT, "Chosen map (%s approach, picked on search data): %s %.2f%% on "
                                + "%d search samples (exact %.2f%%, loss %.2f points)%s, multiplier energy saving %.1f%% "
                                + "(%.2f uJ vs %.2f uJ per inference on %s).", p.approach(), explored.result().metric(),
                        100 * p.score().metric(), p.score().samples(), 100 * explored.result().exact().metric(),
                        p.lossPts(), ExploreReport.validationText(p), e.savingPct(), e.pj() / 1e6, e.exactPj() / 1e6,
                        table.library()));
            } else {
                html.paragraph("No approximate map stayed within the loss bound; the exact map is used.");
            }
            html.link("chosen-map.json", "chosen map (JSON)").link("explore/report.html", "exploration report");
        };
    }

    /** Multiplier energy per layer of the chosen map against the exact map. */
    public static ReportSection energyPerLayer(MapEnergy.Breakdown e, EnergyTable table) {
        return html -> {
            html.heading("Energy per layer (chosen map)");
            List<List<String>> rows = new ArrayList<>();
            for (MapEnergy.LayerEnergy l : e.layers()) {
                rows.add(List.of(l.layer(), String.format(Locale.ROOT, "%,d", l.macs()), uj(l.pj()), uj(l.exactPj()),
                        String.format(Locale.ROOT, "%.1f%%", l.savingPct())));
            }
            rows.add(List.of("total", "", uj(e.pj()), uj(e.exactPj()), String.format(Locale.ROOT, "%.1f%%", e.savingPct())));
            html.table(List.of("layer", "MACs", "energy (uJ/image)", "exact (uJ/image)", "saving"), rows);
            html.paragraph("Energy model: " + table.method());
        };
    }

    /**
     * The whole array's energy per inference (multipliers, adders, registers, weight loads) of the
     * exact and the chosen map, next to the multiplier-only figures: how much of the multiplier
     * saving survives at array level.
     */
    public static ReportSection arrayEnergy(List<EstimateArrayEnergy.Estimate> estimates, ArrayConfig array,
                                            ActionEnergyTable actions) {
        return html -> {
            html.heading("Energy of the whole array");
            List<List<String>> rows = new ArrayList<>();
            ArrayEnergy.Breakdown exact = estimates.get(0).energy();
            for (EstimateArrayEnergy.Estimate e : estimates) {
                ArrayEnergy.Breakdown b = e.energy();
                rows.add(List.of(e.map(), uj(b.multiplierPj()), uj(b.adderPj()), uj(b.registerDataPj()), uj(b.clockPj()),
                        uj(b.loadPj()), uj(b.totalPj()), String.format(Locale.ROOT, "%.0f%%", 100 * b.multiplierShare()),
                        String.format(Locale.ROOT, "%.1f%%", 100 * (1 - b.multiplierPj() / exact.multiplierPj())),
                        String.format(Locale.ROOT, "%.1f%%", 100 * (1 - b.totalPj() / exact.totalPj()))));
            }
            html.table(List.of("map", "multipliers", "adders", "register data", "register clock", "weight loads",
                    "array (uJ/image)", "multiplier share", "multiplier saving", "array saving"), rows);
            html.paragraph(String.format(Locale.ROOT, "Action counts from the cosimulation of each map on the %d×%d "
                    + "configurable array (MACs, cycles and folds of its tilings; activation and partial-sum register bit "
                    + "toggles from the PEs' RT-level counters; %,d PE flip-flops clocked every cycle; a weight load per "
                    + "PE per fold), per image, × energy per action (%s): ", array.rows(), array.cols(),
                    array.peFlops(), actions.source())
                    + String.join("; ", actions.entries().entrySet().stream().map(x -> String.format(Locale.ROOT,
                    "%s %.4f pJ", x.getKey(), x.getValue().pj())).toList())
                    + ". Multipliers: the energy table's figure for every layer; the other parts count the layers the array "
                    + "runs.");
        };
    }

    /** The generated arrays, linked, and why a layer has no fixed array. */
    public static ReportSection rtl(GenerateRtl.Generated rtl) {
        return html -> {
            html.heading("RTL");
            html.paragraph("Configurable array (runs any map) and a fixed-mode array for each conv layer whose map it "
                    + "can hold over every fold (the chosen map's configurations baked in, cosimulated on its layer); "
                    + "each with a JSON manifest. Ready for Yosys/OpenROAD flows." + (rtl.noFixed().isEmpty() ? ""
                    : " " + String.join("; ", rtl.noFixed()) + "; the configurable array runs those."));
            for (var f : rtl.verilog()) {
                html.link("rtl/" + f.getFileName(), f.getFileName().toString());
            }
        };
    }

    /** What the cosimulations checked and found, with the RT-level activity of the configurable array. */
    public static ReportSection cosimulation(Cosimulate.Outcome cosim, GenerateRtl.Generated rtl,
                                             List<Cosimulate.Outcome> fixedCosim) {
        return html -> {
            ArrayConfig conf = rtl.configurable().design();
            html.heading("Cosimulation");
            html.paragraph("The chosen map on the configurable " + conf.rows() + "x" + conf.cols() + " array in "
                    + "Verilator, every conv, depthwise and FC layer in the RTL and the rest in Java, every tile, layer "
                    + "and network output checked against the golden model: " + cosim.summary() + ".");
            html.paragraph("RT-level activity from the array's TOGGLE_COUNT counters (checked against the golden model's "
                    + "own count): " + String.join("; ", cosim.activityLines()) + ".");
            html.link("cosim/cosim-report.txt", "cosimulation report").link("cosim/toggles.csv", "per-PE toggles (CSV)");
            html.paragraph("What each layer took on the RTL, against SCALE-Sim's analytical weight-stationary count "
                    + "(the RTL's fold is two register cycles longer; packed depthwise channels take fewer folds): "
                    + cosim.cycleSummary(CosimDriver.DEFAULT_BATCH, Cosimulate.DEFAULT_CLOCK_MHZ) + ".");
            html.table(Cosimulate.Outcome.CYCLE_COLUMNS, cosim.cycleTable());
            html.link("cosim/cosim-layers.csv", "per-layer cycles (CSV)");
            for (int i = 0; i < fixedCosim.size(); i++) {
                ArrayConfig a = rtl.fixed().get(i).design();
                html.paragraph("Fixed array " + a.moduleName() + " on " + a.label() + ": " + fixedCosim.get(i).summary() + ".");
            }
        };
    }

    /** The hardware table: each configuration of the chosen map placed and routed, against exact. */
    public static ReportSection hardware(LayOutMap.Laid laid) {
        return html -> {
            html.heading("Hardware (place and route)");
            List<List<String>> rows = new ArrayList<>();
            for (HardwareTable.Row r : laid.rows()) {
                rows.add(List.of(r.config(), String.format(Locale.ROOT, "%.0f", r.cellAreaUm2()),
                        String.format(Locale.ROOT, "%.0f", r.dieAreaUm2()), String.format(Locale.ROOT, "%.1f", r.maxClockMhz()),
                        pj(r.preRoutePj()), pj(r.postRoutePj()), r.clean() ? "clean" : "NOT clean"));
            }
            html.table(List.of("configuration", "cell area (um2)", "die area (um2)", "max clock (MHz)",
                    "pJ/mult pre-route", "pJ/mult post-route", "DRC/LVS"), rows);
            String version = laid.rows().isEmpty() ? "?" : laid.rows().get(0).qflowVersion();
            html.paragraph("Each configuration as a registered multiplier, laid out with qflow " + version + " on osu018 "
                    + "(layout/ holds every project, its logs and an OpenROAD-flow-scripts folder). Energies per "
                    + "multiplication on " + laid.streamLayer() + "'s operand stream: pre-route is the gate-level "
                    + "model on Yosys's netlist, post-route adds the extracted wire capacitance (SPEF); EvoApprox "
                    + "circuits are laid out without energy.");
        };
    }

    /** The ALWANN baseline's chosen map in hardware: each EvoApprox layer's fixed array cosimulated on its layer. */
    public static ReportSection alwannInHardware(PickMap.Picked alwann, List<GenerateRtl.Array> arrays,
                                                 List<Cosimulate.Outcome> cosim) {
        return html -> {
            if (alwann == null) {
                return;
            }
            html.heading("ALWANN baseline in hardware");
            html.paragraph(alwann.point() == null ? "No ALWANN map stayed within the loss bound; nothing to build."
                    : String.format(Locale.ROOT, "ALWANN's map with the largest saving within the bound (%.1f%% saving, "
                    + "%.2f points of loss): each conv layer it gives an EvoApprox circuit runs on a fixed array whose PEs "
                    + "instantiate that circuit (the library's Verilog, the offset terms around it, ALWANN's tuned weight "
                    + "code looked up at weight load).", alwann.point().savingPct(), alwann.point().lossPts()));
            html.link(alwann.file().getFileName().toString(), "ALWANN map (JSON)");
            for (int i = 0; i < arrays.size(); i++) {
                ArrayConfig a = arrays.get(i).design();
                html.paragraph("Fixed array " + a.moduleName() + " (" + a.label() + "): " + cosim.get(i).summary() + ".");
            }
        };
    }

    /** The EvoApprox circuits ranked by this flow's energy against their published power (when characterised). */
    public static ReportSection evoApproxRanking(CharacteriseEnergy.Characterised characterised) {
        return html -> {
            EvoApproxRanking r = characterised == null ? null : characterised.ranking();
            if (r == null) {
                return;
            }
            html.heading("EvoApprox circuits: this flow against their published power");
            html.paragraph(String.format(Locale.ROOT, "The %d EvoApprox circuits, synthesised and simulated on %s "
                    + "operands by this flow, ranked against EvoApprox's published 45 nm power (PDK45_PWR): Spearman rank "
                    + "correlation %.3f. The circuits whose ranks differ most:", r.circuits().size(), r.stream(), r.spearman()));
            List<List<String>> rows = new ArrayList<>();
            for (EvoApproxRanking.Circuit c : r.outliers(5)) {
                rows.add(List.of(c.name(), String.format(Locale.ROOT, "%.3f", c.pj()), String.format(Locale.ROOT, "%.1f", c.rank()),
                        String.format(Locale.ROOT, "%.3f", c.publishedMw()), String.format(Locale.ROOT, "%.1f", c.publishedRank())));
            }
            html.table(List.of("circuit", "pJ/op (this flow)", "rank", "published mW", "rank"), rows);
        };
    }

    /** The exploration's trade-off chart. */
    public static ReportSection fronts() {
        return html -> html.figure("explore/tradeoff", "Pareto fronts of every approach");
    }

    private static String pj(double pj) {
        return Double.isNaN(pj) ? "-" : String.format(Locale.ROOT, "%.4f", pj);
    }

    private static String uj(double pj) {
        return String.format(Locale.ROOT, "%.3f", pj / 1e6);
    }
}
