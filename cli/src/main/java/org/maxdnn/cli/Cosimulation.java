package org.maxdnn.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.maxdnn.cosim.CosimDriver;
import org.maxdnn.cosim.FaultInjection;
import org.maxdnn.cosim.Mismatch;
import org.maxdnn.data.LabeledImage;
import org.maxdnn.infer.InferencePlan;
import org.maxdnn.infer.Network;
import org.maxdnn.io.AtomicFiles;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.mult.MultiplierRegistry;
import org.maxdnn.rtl.ArrayDesign;
import org.maxdnn.rtl.RtlGenerator;

/**
 * Whole-network cosimulation as the {@code cosim} and {@code run} commands do it: generate the
 * configurable array, build its harness, run the images, write {@code cosim-report.txt} (and on a
 * mismatch the VCD of the first mismatching tile) into the output folder.
 */
final class Cosimulation {
    /** What the user asked for. */
    record Request(ApproxMap map, String mapName, List<LabeledImage> images, int rows, int cols, int processes,
                   FaultInjection fault, boolean vcdOnMismatch, Path out) {
    }

    /** What happened: the driver's report, the report file, the VCD (null when none was written). */
    record Outcome(CosimDriver.Report report, Path reportFile, Path vcd) {
        boolean passed() {
            return report.mismatchCount() == 0;
        }

        String summary() {
            CosimDriver.Report r = report;
            return String.format(Locale.ROOT, "%d images, %,d MACs through the RTL in %,d tiles, %.1f s (%.2f s/image, "
                            + "%.2f M MAC/s incl. checking), %s", r.images(), r.macs(), r.tiles(), r.seconds(),
                    r.seconds() / Math.max(1, r.images()), r.macsPerSecond() / 1e6,
                    passed() ? "0 mismatches: bit-exact" : String.format(Locale.ROOT, "%,d MISMATCHES", r.mismatchCount()));
        }
    }

    private Cosimulation() {
    }

    static Outcome run(Request q, Network net, MultiplierRegistry registry, Context ctx) {
        ArrayDesign design = ArrayDesign.configurable("SystolicArray_" + q.rows() + "x" + q.cols(), q.rows(), q.cols());
        String verilog = RtlGenerator.arrayVerilog(design);
        if (q.fault() != null) {
            verilog = q.fault().apply(verilog);
            ctx.out().println("fault injected: " + q.fault().id() + " (" + q.fault().description() + ")");
        }
        ctx.out().printf(Locale.ROOT, "building the Verilator harness of %s (cached after the first build)...%n",
                design.name());
        long t0 = System.nanoTime();
        Outcome outcome;
        try (CosimDriver driver = new CosimDriver(design, verilog, registry, q.processes())) {
            ctx.out().printf(Locale.ROOT, "harness ready in %.1f s; %d simulator processes%n", (System.nanoTime() - t0) / 1e9,
                    q.processes());
            Progress progress = new Progress(ctx.err(), "cosim", q.images().size());
            CosimDriver.Report r = driver.network(InferencePlan.compile(net, q.map(), registry), q.images(), progress::update);
            Path vcd = null;
            if (r.mismatchCount() > 0 && q.vcdOnMismatch()) {
                vcd = q.out().resolve("first-mismatch.vcd");
                driver.writeVcdOfFirstMismatch(vcd);
            }
            outcome = new Outcome(r, q.out().resolve("cosim-report.txt"), vcd);
        }
        writeReport(q, design, outcome);
        ctx.out().println("cosim: " + outcome.summary());
        for (Mismatch m : outcome.report().mismatches().subList(0, Math.min(5, outcome.report().mismatches().size()))) {
            ctx.out().println("  mismatch: " + m.describe());
        }
        ctx.out().println("wrote " + outcome.reportFile() + (outcome.vcd() != null ? " and " + outcome.vcd() : ""));
        return outcome;
    }

    private static void writeReport(Request q, ArrayDesign design, Outcome o) {
        AtomicFiles.write(o.reportFile(), w -> {
            w.write("MAx-DNN cosimulation report\n");
            w.write("design: " + design.name() + " (configurable, " + q.rows() + "x" + q.cols() + " PEs)"
                    + (q.fault() != null ? ", fault injected: " + q.fault().id() + " (" + q.fault().description() + ")" : "")
                    + "\n");
            w.write("map: " + q.mapName() + "\n");
            w.write("simulator: verilator, " + q.processes() + " processes\n");
            w.write("result: " + o.summary() + "\n");
            w.write("checks: every partial sum of every tile against the golden multipliers; every conv layer's "
                    + "accumulators and the final FC outputs against the golden model\n");
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
