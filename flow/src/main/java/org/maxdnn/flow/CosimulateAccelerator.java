package org.maxdnn.flow;

import java.nio.file.Path;
import java.util.Locale;
import org.maxdnn.Assets;
import org.maxdnn.accel.AcceleratorConfig;
import org.maxdnn.cosim.AcceleratorDriver;
import org.maxdnn.cosim.AcceleratorLayerRun;
import org.maxdnn.cosim.CosimDriver;
import org.maxdnn.cosim.FaultInjection;
import org.maxdnn.cosim.Mismatch;
import org.maxdnn.infer.InferencePlan;
import org.maxdnn.io.AtomicFiles;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.report.AlignedText;
import org.maxdnn.report.Column;
import org.maxdnn.report.Csv;
import org.maxdnn.report.Table;
import org.maxdnn.rtl.AcceleratorRtl;

/**
 * Stage 5 on the accelerator (SPEC §13): generate it around the configurable array, build its
 * simulation, and run whole inferences through its host interface, every conv, depthwise and FC
 * layer's int8 output checked against the golden model (the other operators on the host); write
 * {@code cosim-report.txt}, {@value #LAYERS_TABLE}.csv (per layer its cycles split into descriptor
 * fetch, weight preload, streaming and drain, beside the bare array's and SCALE-Sim's count, and every
 * memory's accesses) and on a mismatch the VCD of the first mismatching layer. A thin layer over the
 * testbench's {@link AcceleratorDriver}.
 */
public final class CosimulateAccelerator {
    public static final String LAYERS_TABLE = "accelerator-layers";

    /**
     * How to cosimulate a map on the accelerator.
     *
     * @param assets   the asset folder (may be null when no PE needs it)
     * @param fault    a fault to inject into the generated RTL first (test mode), or null
     */
    public record Request(ApproxMap map, String mapName, AcceleratorConfig config, Assets assets,
                          CosimDriver.Simulator simulator, double clockMhz, FaultInjection fault, boolean vcdOnMismatch,
                          Path out) {
    }

    /** What happened: the driver's report, the files written (the VCD null when none was). */
    public record Outcome(AcceleratorDriver.Report report, Path reportFile, Path layersCsv, Path vcd) {
        public boolean passed() {
            return report.mismatchCount() == 0;
        }

        public String failure() {
            return passed() ? null : report.mismatches().get(0).describe() + " (" + report.mismatchCount()
                    + " mismatches in all)";
        }

        public String summary() {
            AcceleratorDriver.Report r = report;
            return String.format(Locale.ROOT, "%d inputs through the accelerator, %d layers each, %.1f s (%.3f inferences/s "
                            + "incl. host transfers and checking), %s", r.images(), r.layers().size(), r.seconds(),
                    r.inferencesPerSecond(), r.mismatchCount() == 0 ? "every layer's int8 output bit-exact"
                            : String.format(Locale.ROOT, "%,d MISMATCHES", r.mismatchCount()));
        }

        /** Per layer the cycles and memory accesses, beside the bare array's and SCALE-Sim's cycles. */
        public Table layerTable() {
            Table.Builder t = Table.builder(LAYERS_TABLE, "", Column.text("layer", "layer"), Column.text("op", "op"),
                    count("folds", "folds"), count("macs", "MACs"), count("cycles", "cycles"), count("fetch", "fetch"),
                    count("load", "preload"), count("stream", "stream"), count("drain", "drain"),
                    count("array_cycles", "bare array"), count("scalesim_cycles", "SCALE-Sim"),
                    count("activation_reads", "act rd"), count("activation_writes", "act wr"),
                    count("weight_reads", "wgt rd"), count("accumulator_reads", "acc rd"),
                    count("accumulator_writes", "acc wr"), count("parameter_reads", "par rd"),
                    count("host_writes", "host wr"), count("mismatches", "mismatches"));
            for (AcceleratorLayerRun l : report.layers()) {
                t.row(l.layer(), l.op().name(), l.folds(), l.macs(), l.cycles(), l.count("fetch"), l.count("load"),
                        l.count("stream"), l.count("drain"), l.arrayCycles(), l.scaleSimCycles(),
                        l.count("activation.read"), l.count("activation.write"), l.count("weight.read"),
                        l.count("accumulator.read"), l.count("accumulator.write"), l.count("parameter.read"),
                        l.count("host.write"), l.mismatches());
            }
            return t.build();
        }

        private static Column count(String id, String label) {
            return Column.number(id, label, "", "%d");
        }

        public String cycleSummary(double clockMhz) {
            return String.format(Locale.ROOT, "%,.0f accelerator cycles per inference (the GEMM layers; host operators "
                    + "and transfers not counted); at %.0f MHz %.1f us", report.cyclesPerInference(), clockMhz,
                    report.cyclesPerInference() / clockMhz);
        }
    }

    private CosimulateAccelerator() {
    }

    public static Outcome run(Request q, Workload work, FlowListener listener) {
        AcceleratorConfig config = q.config();
        String verilog = AcceleratorRtl.simulationVerilog(config, q.assets());
        if (q.fault() != null) {
            verilog = q.fault().apply(verilog);
            listener.note("fault injected: " + q.fault().id() + " (" + q.fault().description() + ")");
        }
        listener.note(String.format(Locale.ROOT, "building the %s simulation of %s (cached after the first build)...",
                q.simulator() == CosimDriver.Simulator.ICARUS ? "Icarus" : "Verilator", config.moduleName()));
        AcceleratorDriver.Report r;
        Path vcd = null;
        try (AcceleratorDriver driver = new AcceleratorDriver(config, verilog, work.registry(), q.simulator())) {
            r = driver.network(InferencePlan.compile(work.net(), q.map(), work.registry()), work.images(),
                    done -> listener.progress("cosim", done, work.images().size()));
            if (r.mismatchCount() > 0 && q.vcdOnMismatch() && q.simulator() == CosimDriver.Simulator.VERILATOR) {
                vcd = q.out().resolve("first-mismatch.vcd");
                driver.writeVcdOfFirstMismatch(vcd);
            }
        }
        Outcome o = new Outcome(r, q.out().resolve("cosim-report.txt"), q.out().resolve(LAYERS_TABLE + ".csv"), vcd);
        AtomicFiles.writeString(o.layersCsv(), Csv.of(o.layerTable()));
        AtomicFiles.write(o.reportFile(), w -> {
            w.write("MAx-DNN accelerator cosimulation report\n");
            w.write("design: " + config.moduleName() + " around " + config.array().moduleName() + ", memories "
                    + config.memories().name().toLowerCase(Locale.ROOT)
                    + (q.fault() != null ? ", fault injected: " + q.fault().id() + " (" + q.fault().description() + ")" : "")
                    + "\n");
            w.write("map: " + q.mapName() + "\n");
            w.write("simulator: " + q.simulator().name().toLowerCase(Locale.ROOT) + "\n");
            w.write("result: " + o.summary() + "\n");
            for (String l : AlignedText.lines(o.layerTable())) {
                w.write("cycles: " + l + "\n");
            }
            w.write("cycles: " + o.cycleSummary(q.clockMhz()) + "\n");
            w.write("checks: every conv, depthwise and FC layer's int8 output tensor, read from the activation memory, "
                    + "against the golden model's; the network's output tensor\n");
            for (Mismatch m : r.mismatches()) {
                w.write("  mismatch: " + m.describe() + "\n");
            }
            if (o.vcd() != null) {
                w.write("waveform of the first mismatching layer, replayed alone from reset: " + o.vcd() + "\n");
            }
        });
        listener.note("cosim: " + o.summary());
        AlignedText.lines(o.layerTable()).forEach(l -> listener.note("cycles: " + l));
        listener.note("cycles: " + o.cycleSummary(q.clockMhz()));
        for (Mismatch m : r.mismatches().subList(0, Math.min(5, r.mismatches().size()))) {
            listener.note("  mismatch: " + m.describe());
        }
        listener.note("wrote " + o.reportFile() + ", " + o.layersCsv() + (vcd != null ? " and " + vcd : ""));
        return o;
    }
}
