package org.maxdnn.flow;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.maxdnn.cosim.CosimDriver;
import org.maxdnn.cosim.FaultInjection;
import org.maxdnn.cosim.LayerRun;
import org.maxdnn.cosim.Mismatch;
import org.maxdnn.cosim.ToggleCounts;
import org.maxdnn.Assets;
import org.maxdnn.array.ArrayConfig;
import org.maxdnn.infer.InferencePlan;
import org.maxdnn.io.AtomicFiles;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.report.AlignedText;
import org.maxdnn.report.Column;
import org.maxdnn.report.Csv;
import org.maxdnn.report.Table;
import org.maxdnn.rtl.RtlGenerator;

/**
 * Stage 5, whole-network cosimulation: generate the array (configurable: every conv, depthwise and
 * FC layer; fixed: its own layer), build its harness, run the images with the array's layers in the
 * RTL, write {@code cosim-report.txt}, {@code cosim-layers.csv} (what each layer took on the RTL) and
 * on a mismatch the VCD of the first mismatching tile into the output folder. A thin layer over the
 * testbench's {@link CosimDriver}.
 */
public final class Cosimulate {
    /**
     * The clock the cycle counts are turned into time at, MHz: below the 228.7 MHz the configurable
     * array's PE reaches after place and route on osu018 ({@code layout --target pe:configurable}),
     * leaving margin for the array's load and activation fan-out, which a PE alone does not have.
     */
    public static final double DEFAULT_CLOCK_MHZ = 200;
    /** The per-layer table's name, and its CSV file's in the output folder. */
    public static final String LAYERS_TABLE = "cosim-layers";

    /**
     * How to cosimulate a map.
     *
     * @param mapName  how reports name the map
     * @param assets   the asset folder, for arrays whose PEs hold EvoApprox circuits; may be null
     * @param batch    inputs streamed through each weight load (1: the latency of one inference)
     * @param clockMhz the clock cycle counts are turned into time at
     * @param fault    a fault to inject into the generated RTL first (test mode), or null
     * @param toggles  where to write per-PE toggle counts (runs the TOGGLE_COUNT build), or null
     */
    public record Request(ApproxMap map, String mapName, ArrayConfig array, Assets assets,
                          CosimDriver.Simulator simulator, int processes, int batch, double clockMhz,
                          FaultInjection fault, boolean vcdOnMismatch, Path toggles, Path out) {
        /**
         * {@code map} on {@code array} in Verilator with {@code processes} processes, the default batch
         * and clock, no fault, a VCD of the first mismatching tile, no toggle counting.
         */
        public static Request of(ApproxMap map, String mapName, ArrayConfig array, Assets assets, int processes,
                                 Path out) {
            return new Request(map, mapName, array, assets, CosimDriver.Simulator.VERILATOR, processes,
                    CosimDriver.DEFAULT_BATCH, DEFAULT_CLOCK_MHZ, null, true, null, out);
        }

        /** The same run in the TOGGLE_COUNT build, its per-PE toggles written to {@code file}. */
        public Request withToggles(Path file) {
            return new Request(map, mapName, array, assets, simulator, processes, batch, clockMhz, fault, vcdOnMismatch,
                    file, out);
        }

        /** The same run without a VCD on a mismatch. */
        public Request withoutVcd() {
            return new Request(map, mapName, array, assets, simulator, processes, batch, clockMhz, fault, false, toggles,
                    out);
        }
    }

    /** What happened: the driver's report, the report file, the per-layer CSV, the VCD (null when none was written). */
    public record Outcome(CosimDriver.Report report, CosimDriver.Activity activity, Path reportFile, Path layersCsv,
                          Path vcd) {
        /** No mismatch, the cycles the tilings predict, and (when counted) the golden model's toggle counts. */
        public boolean passed() {
            return failure() == null;
        }

        /** What failed first: a mismatch, the cycles, or the toggle counts; null when everything agrees. */
        public String failure() {
            if (report.mismatchCount() > 0) {
                return report.mismatches().get(0).describe() + " (" + report.mismatchCount() + " mismatches in all)";
            }
            if (report.cycles() != report.tilingCycles()) {
                return "the RTL ran " + report.cycles() + " cycles, the tilings predict " + report.tilingCycles();
            }
            return activity != null && !activity.agree() ? "the RTL's toggle counters differ from the golden model's count"
                    : null;
        }

        public String summary() {
            CosimDriver.Report r = report;
            return String.format(Locale.ROOT, "%d images, %,d MACs through the RTL in %,d tiles (%,d cycles, %,d tile "
                            + "outputs compared), %.1f s (%.2f s/image, %.2f M MAC/s incl. checking), %s", r.images(), r.macs(),
                    r.tiles(), r.cycles(), r.tileOutputs(), r.seconds(), r.seconds() / Math.max(1, r.images()),
                    r.macsPerSecond() / 1e6,
                    r.mismatchCount() == 0 ? "0 mismatches: bit-exact" : String.format(Locale.ROOT, "%,d MISMATCHES", r.mismatchCount()));
        }

        /**
         * Per layer what the RTL took (tiles, weight loads, MACs, cycles, PE utilisation, the cycles
         * its tilings predict) beside SCALE-Sim's analytical count and the two terms of the difference,
         * and the tile outputs that differed; written as {@value #LAYERS_TABLE}.csv.
         */
        public Table cycleTable() {
            Table.Builder t = Table.builder(LAYERS_TABLE, "", Column.text("layer", "layer"), Column.text("op", "op"),
                    count("tiles", "tiles"), count("weight_loads", "loads"), count("macs", "MACs"),
                    count("cycles", "cycles"), Column.number("utilisation", "util", "", "%.3f").csv("%.5f"),
                    count("tiling_cycles", "tilings"), count("scalesim_cycles", "SCALE-Sim"),
                    count("register_cycles", "+2/fold"), count("packing_cycles", "packing"),
                    count("tile_mismatches", "mismatches"));
            for (LayerRun l : report.layers()) {
                t.row(l.layer(), l.op().name(), l.tiles(), l.weightLoads(), l.macs(), l.cycles(), l.utilisation(),
                        l.tilingCycles(), l.scaleSim().scaleSimCycles(), l.scaleSim().registers(), l.scaleSim().packing(),
                        l.tileMismatches());
            }
            return t.build();
        }

        private static Column count(String id, String label) {
            return Column.number(id, label, "", "%d");
        }

        /**
         * The network's cycles per inference, PE utilisation and time per inference at {@code clockMhz};
         * the batch printed is the one the inputs filled (2 inputs at batch 8 run as a batch of 2).
         */
        public String cycleSummary(int batch, double clockMhz) {
            return String.format(Locale.ROOT, "%,.0f cycles per inference (batch %d), PE utilisation %.3f; at %.0f MHz "
                            + "%.1f us per inference", report.cyclesPerInference(), Math.min(batch, report.images()),
                    report.utilisation(), clockMhz, report.microsPerInference(clockMhz));
        }

        /** {@link #cycleTable} as aligned text, then {@link #cycleSummary}. */
        public List<String> cycleLines(int batch, double clockMhz) {
            List<String> lines = new ArrayList<>(AlignedText.lines(cycleTable()));
            lines.add(cycleSummary(batch, clockMhz));
            return lines;
        }

        /** RT-level activity per component, when counted. */
        public List<String> activityLines() {
            List<String> lines = new ArrayList<>();
            if (activity != null) {
                for (int k = 0; k < ToggleCounts.COMPONENTS.size(); k++) {
                    String c = ToggleCounts.COMPONENTS.get(k);
                    long t = activity.rtl().total(c);
                    lines.add(String.format(Locale.ROOT, "%-8s %2d bits: %,d toggles, %.3f per MAC, %.4f per bit per MAC; "
                                    + "golden model %,d", c, ToggleCounts.WIDTHS.get(k), t, (double) t / report.macs(),
                            (double) t / report.macs() / ToggleCounts.WIDTHS.get(k), activity.model().total(c)));
                }
                lines.add(activity.agree() ? "TOGGLE_COUNT counters equal the golden model's count in every PE"
                        : "TOGGLE_COUNT counters DIFFER from the golden model's count");
                lines.add(String.format(Locale.ROOT, "cycles: RTL %,d, golden cycle-level model %,d, tilings %,d",
                        report.cycles(), activity.modelCycles(), report.tilingCycles()));
            }
            return lines;
        }
    }

    private Cosimulate() {
    }

    /** Cosimulates {@code work}'s images (every one of them: pass {@link Workload#first} for fewer). */
    public static Outcome run(Request q, Workload work, FlowListener listener) {
        ArrayConfig design = q.array();
        String verilog = RtlGenerator.arrayVerilog(design, q.assets());
        if (q.fault() != null) {
            verilog = q.fault().apply(verilog);
            listener.note("fault injected: " + q.fault().id() + " (" + q.fault().description() + ")");
        }
        listener.note(String.format(Locale.ROOT, "building the %s simulation of %s (cached after the first build)...",
                q.simulator() == CosimDriver.Simulator.ICARUS ? "Icarus" : "Verilator", design.moduleName()));
        long t0 = System.nanoTime();
        Outcome outcome;
        CosimDriver driver = new CosimDriver(design, verilog, work.registry(), q.simulator(), q.processes(),
                q.toggles() != null);
        CosimDriver.Report r;
        Path vcd = null;
        try (driver) {
            listener.note(String.format(Locale.ROOT, "ready in %.1f s; %d simulator process(es)",
                    (System.nanoTime() - t0) / 1e9, processes(q)));
            r = driver.network(InferencePlan.compile(work.net(), q.map(), work.registry()), work.images(), q.batch(),
                    done -> listener.progress("cosim", done, work.images().size()));
            if (r.mismatchCount() > 0 && q.vcdOnMismatch()) {
                vcd = q.out().resolve("first-mismatch.vcd");
                driver.writeVcdOfFirstMismatch(vcd);
            }
        }
        outcome = new Outcome(r, driver.activity(), q.out().resolve("cosim-report.txt"), q.out().resolve(LAYERS_TABLE + ".csv"),
                vcd);
        if (outcome.activity() != null) {
            writeToggles(q.toggles(), outcome.activity().rtl());
        }
        AtomicFiles.writeString(outcome.layersCsv(), Csv.of(outcome.cycleTable()));
        writeReport(q, design, outcome);
        listener.note("cosim: " + outcome.summary());
        outcome.cycleLines(q.batch(), q.clockMhz()).forEach(l -> listener.note("cycles: " + l));
        outcome.activityLines().forEach(l -> listener.note("activity: " + l));
        for (Mismatch m : outcome.report().mismatches().subList(0, Math.min(5, outcome.report().mismatches().size()))) {
            listener.note("  mismatch: " + m.describe());
        }
        listener.note("wrote " + outcome.reportFile() + ", " + outcome.layersCsv()
                + (outcome.vcd() != null ? " and " + outcome.vcd() : ""));
        return outcome;
    }

    private static int processes(Request q) {
        return q.simulator() == CosimDriver.Simulator.ICARUS ? 1 : q.processes();
    }

    /** Per-PE, per-component toggles as CSV {@code row,col,component,toggles}. */
    private static void writeToggles(Path file, ToggleCounts t) {
        AtomicFiles.write(file, w -> {
            w.write("row,col,component,toggles\n");
            for (int r = 0; r < t.rows(); r++) {
                for (int c = 0; c < t.cols(); c++) {
                    for (String k : ToggleCounts.COMPONENTS) {
                        w.write(r + "," + c + "," + k + "," + t.get(r, c, k) + "\n");
                    }
                }
            }
        });
    }

    private static void writeReport(Request q, ArrayConfig design, Outcome o) {
        AtomicFiles.write(o.reportFile(), w -> {
            w.write("MAx-DNN cosimulation report\n");
            w.write("design: " + design.moduleName() + " (" + (design.isConfigurable() ? "configurable" : "fixed, runs "
                    + design.label()) + ", " + design.rows() + "x" + design.cols() + " PEs)"
                    + (q.fault() != null ? ", fault injected: " + q.fault().id() + " (" + q.fault().description() + ")" : "")
                    + "\n");
            w.write("map: " + q.mapName() + "\n");
            w.write("simulator: " + q.simulator().name().toLowerCase(Locale.ROOT) + ", " + processes(q) + " process(es)\n");
            w.write("result: " + o.summary() + "\n");
            for (String l : o.cycleLines(q.batch(), q.clockMhz())) {
                w.write("cycles: " + l + "\n");
            }
            for (String l : o.activityLines()) {
                w.write("activity: " + l + "\n");
            }
            w.write("checks: every partial sum of every tile against the golden multipliers; every layer's accumulators "
                    + "on the array and the network's logits and output tensor against the golden model; the RTL's cycles "
                    + "against the tilings' (" + o.report().tilingCycles() + "); SCALE-Sim's weight-stationary count per "
                    + "fold is 2R + C + T - 2, the RTL's 2R + C + T (its boundary and last partial-sum registers), and "
                    + "depthwise channels packed side by side take fewer folds than its one layer per channel\n");
            if (!o.passed()) {
                w.write("first " + o.report().mismatches().size() + " mismatches:\n");
                for (Mismatch m : o.report().mismatches()) {
                    w.write("  " + m.describe() + "\n");
                }
                w.write(o.vcd() != null ? "waveform of the first mismatching tile (its weight load and stream): " + o.vcd() + "\n"
                        : "no waveform written (use --vcd-on-mismatch)\n");
            }
        });
    }
}
