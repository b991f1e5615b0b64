package org.maxdnn.flow;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.maxdnn.Assets;
import org.maxdnn.BundledModel;
import org.maxdnn.accel.AcceleratorConfig;
import org.maxdnn.cosim.AcceleratorDriver;
import org.maxdnn.cosim.CosimDriver;
import org.maxdnn.data.DataSets;
import org.maxdnn.data.ImageSets;
import org.maxdnn.data.LabeledImage;
import org.maxdnn.infer.ConvKernel;
import org.maxdnn.infer.ConvLayer;
import org.maxdnn.infer.Evaluation;
import org.maxdnn.infer.InferencePlan;
import org.maxdnn.infer.Network;
import org.maxdnn.infer.Rounding;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.metrics.ErrorMetrics;
import org.maxdnn.metrics.MetricsTable;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.mult.MultiplierRegistry;
import org.maxdnn.array.ArrayConfig;
import org.maxdnn.rtl.AcceleratorRtl;
import org.maxdnn.rtl.RtlGenerator;
import org.maxdnn.tflite.TfliteInterpreter;

/**
 * The speed figures that are targets ({@code maxdnn bench}), printed rather than asserted in tests.
 * Each figure comes with a baseline measured in the same run, so ratios survive a slower machine.
 * The figures are the listener's notes, one line each.
 */
public final class Bench {
    /** The suites in the order they run; {@code spark} is the optional Spark module's own ({@code SparkBench}). */
    public static final List<String> SUITES = List.of("multipliers", "inference", "rtl", "cosim", "accelerator",
            "spark");

    private Bench() {
    }

    /** Runs {@code suite} (one of {@link #SUITES} but spark) with {@code repeat} timed repetitions after a warm-up. */
    public static void run(String suite, int repeat, Assets assets, FlowListener out) {
        switch (suite) {
            case "multipliers" -> multipliers(repeat, out);
            case "inference" -> inference(assets, repeat, out);
            case "rtl" -> rtl(out);
            case "cosim" -> cosim(assets, out);
            case "accelerator" -> accelerator(assets, out);
            default -> throw new IllegalArgumentException("no suite " + suite + " in flow (one of " + SUITES + ")");
        }
    }

    /** All 64 ROUP tables built and measured from scratch, against the exact multiplier ×64. */
    private static void multipliers(int repeat, FlowListener out) {
        time(() -> MetricsTable.libraryRows(new MultiplierRegistry(null)));
        double all = best(repeat, () -> MetricsTable.libraryRows(new MultiplierRegistry(null)));
        double exact = best(repeat, () -> {
            for (int i = 0; i < 64; i++) {
                ErrorMetrics.signed(new MultiplierRegistry(null).get(MultiplierConfig.EXACT));
            }
        });
        note(out, "multipliers: metrics of exact + 64 ROUP configs (tables built from the "
                + "bit-level models): %.3f s (target < 2 s)", all);
        note(out, "multipliers: baseline, exact metrics x64 (shared table): %.3f s; ratio %.1fx",
                exact, all / exact);
    }

    /** Samples per network for the speed comparison: the interpreter is slow on the large ones. */
    private static final Map<BundledModel, Integer> BENCH_SAMPLES = Map.of(BundledModel.RESNET8, 60,
            BundledModel.RESNET8_LARGE, 20, BundledModel.KWS, 200, BundledModel.VWW, 60, BundledModel.AD, 2);

    /**
     * Per MLPerf Tiny network, on the same samples and threads: the golden model's exact inference
     * against the TFLite x86 interpreter, then approximate maps over every approximable layer (FC
     * included) against the golden model's own exact run — a uniform ROUP map, a kernel-level mix of
     * ROUP configurations, a uniform roupc map and a uniform EvoApprox table map; and the exact and
     * uniform ROUP maps with output channels summed in groups against each summed alone (one thread).
     */
    private static void inference(Assets assets, int repeat, FlowListener out) {
        MultiplierRegistry registry = new MultiplierRegistry(assets.lutDir());
        int threads = Evaluation.defaultThreads();
        List<MultiplierConfig> mix = Stream.of("exact", "roup-p1r2", "roup-p2r0", "roup-p0r3", "roup-p1r4")
                .map(MultiplierConfig::parse).toList();
        note(out, "inference: %d threads for both engines, best of %d after warm-up (the "
                + "interpreter best of %d); TFLite %s; JDK Vector API %s", threads, repeat, Math.min(repeat, 3),
                TfliteInterpreter.version(), ConvKernel.VECTOR_API ? "on" : "off: run with --add-modules jdk.incubator.vector");
        double worstExact = Double.MAX_VALUE;
        double worstRoup = Double.MAX_VALUE;
        for (BundledModel m : BundledModel.values()) {
            Network net = Network.load(m.model(assets), Rounding.RUNTIME);
            List<LabeledImage> inputs = DataSets.read(m.samples(assets), net, BENCH_SAMPLES.get(m)).inputs();
            String unit = inputs.size() == BENCH_SAMPLES.get(m) ? "inputs/s" : "windows/s";
            note(out, "inference: %s, %d %s of %,d MACs", m.shortName(), inputs.size(),
                    unit.equals("inputs/s") ? "samples" : "windows", net.totalMacs());
            double tflite = interpreterSeconds(m.model(assets), inputs, threads, repeat);
            double tflite1 = threads == 1 ? tflite : interpreterSeconds(m.model(assets), inputs, 1, repeat);
            note(out, "inference:   %-34s %9.0f %s (1 thread: %.0f)", "TFLite interpreter",
                    inputs.size() / tflite, unit, inputs.size() / tflite1);
            InferencePlan exactPlan = InferencePlan.compile(net, ApproxMap.exact(), registry);
            Evaluation.run(exactPlan, inputs, 1, null);
            double single = best(repeat, () -> Evaluation.run(exactPlan, inputs, 1, null));
            note(out, "inference:   %-34s %9.0f %s  %6.2fx the interpreter on 1 thread",
                    "exact, 1 thread", inputs.size() / single, unit, tflite1 / single);
            worstExact = Math.min(worstExact, tflite1 / single);
            List<ConvLayer> every = net.weightedLayers();
            groupsAgainstAlone("exact", net, ApproxMap.exact(), registry, inputs, repeat, unit, out);
            groupsAgainstAlone("uniform roup-p1r2", net, everyLayer(every, MultiplierConfig.parse("roup-p1r2")), registry,
                    inputs, repeat, unit, out);
            Map<String, ApproxMap> maps = new LinkedHashMap<>();
            maps.put("exact", ApproxMap.exact());
            maps.put("uniform roup-p1r2", everyLayer(every, MultiplierConfig.parse("roup-p1r2")));
            maps.put("kernel-level mix of 5 ROUP configs", ApproxMap.randomKernels(every, mix, 1));
            maps.put("uniform roupc-p1r4", everyLayer(every, MultiplierConfig.parse("roupc-p1r4")));
            maps.put("uniform lut:mul8u_17KS", everyLayer(every, MultiplierConfig.parse("lut:mul8u_17KS")));
            double exact = 0;
            for (Map.Entry<String, ApproxMap> e : maps.entrySet()) {
                InferencePlan plan = InferencePlan.compile(net, e.getValue(), registry);
                Evaluation.run(plan, inputs, threads, null);
                double seconds = best(repeat, () -> Evaluation.run(plan, inputs, threads, null));
                exact = exact == 0 ? seconds : exact;
                note(out, "inference:   %-34s %9.0f %s  %6.2fx the interpreter%s", e.getKey(),
                        inputs.size() / seconds, unit, tflite / seconds,
                        e.getKey().equals("exact") ? "" : String.format(Locale.ROOT, ", %.2fx exact", exact / seconds));
                if (e.getKey().equals("exact")) {
                    worstExact = Math.min(worstExact, tflite / seconds);
                } else if (e.getKey().startsWith("uniform roup-") || e.getKey().startsWith("kernel-level")) {
                    worstRoup = Math.min(worstRoup, tflite / seconds);
                }
            }
        }
        note(out, "inference: worst over the networks: exact %.2fx the interpreter (target >= 1), "
                + "ROUP maps %.2fx (target >= 0.5)", worstExact, worstRoup);
        out.note("inference: the interpreter parallelises inside an inference, the golden model across inputs;"
                + " ratios on a shared machine move with its load");
    }

    /** Best time of the interpreter over {@code inputs}, one after another, after a warm-up. */
    private static double interpreterSeconds(Path model, List<LabeledImage> inputs, int threads, int repeat) {
        try (TfliteInterpreter interpreter = TfliteInterpreter.open(model, threads)) {
            Runnable all = () -> inputs.forEach(i -> interpreter.run(i.pixels()));
            all.run();
            return best(Math.min(repeat, 3), all);
        }
    }

    /** A layer-level map giving every layer in {@code layers} (FC too) {@code config}. */
    private static ApproxMap everyLayer(List<ConvLayer> layers, MultiplierConfig config) {
        Map<String, MultiplierConfig> m = new LinkedHashMap<>();
        layers.forEach(l -> m.put(l.name(), config));
        return ApproxMap.layerLevel(m);
    }

    /** Elaboration of the default 16×16 configurable array: the first (cold) and a warm one. */
    private static void rtl(FlowListener out) {
        ArrayConfig design = ArrayConfig.configurable(16, 16);
        double cold = time(() -> RtlGenerator.arrayVerilog(design));
        double warm = time(() -> RtlGenerator.arrayVerilog(design));
        double small = time(() -> RtlGenerator.arrayVerilog(design.withSize(4, 4)));
        note(out, "rtl: 16x16 configurable array, Chisel elaboration + firtool: cold %.1f s, warm %.1f s "
                + "(target < 10 s warm)", cold, warm);
        note(out, "rtl: baseline 4x4 array, warm: %.1f s; 16x16 / 4x4 = %.1fx for 16x the PEs",
                small, warm / small);
    }

    /**
     * Whole-network cosimulation under a kernel-level mixed ROUP map over every conv, depthwise and
     * FC layer (every tile, layer and output checked): ResNet-8 on 16 images on the 16x16
     * configurable array with one simulator process as the baseline and one per core, the 8x8 array
     * for scale, the energy-proportional (gated) 16x16 array beside the plain one; then every MLPerf Tiny network on the 16x16 array with one process per core, against
     * ResNet-8's figure in the same loop. The simulator pays for every PE-cycle, used or not, so a network's MAC/s
     * follows its PE utilisation; simulated PE-cycles/s is the figure that does not.
     */
    private static void cosim(Assets assets, FlowListener out) {
        MultiplierRegistry registry = new MultiplierRegistry(assets.lutDir());
        List<MultiplierConfig> mix = Stream.of("exact", "roup-p1r2", "roup-p2r0", "roupc-p0r4", "roupc-p1r6")
                .map(MultiplierConfig::parse).toList();
        int cores = Runtime.getRuntime().availableProcessors();
        Network resnet8 = Network.load(BundledModel.RESNET8.model(assets));
        InferencePlan plan = InferencePlan.compile(resnet8, ApproxMap.randomKernels(resnet8.weightedLayers(), mix, 1), registry);
        List<LabeledImage> images = ImageSets.readFolder(assets.images(), 16);
        double plain16 = 0;
        for (int size : new int[] {16, 8}) {
            ArrayConfig design = ArrayConfig.configurable(size, size);
            String verilog = RtlGenerator.arrayVerilog(design);
            double build = time(() -> new CosimDriver(design, verilog, registry, 1).close());
            note(out, "cosim: %dx%d harness build (0 when cached): %.1f s", size, size, build);
            double base = 0;
            for (int processes : cores > 1 ? new int[] {1, cores} : new int[] {1}) {
                try (CosimDriver d = new CosimDriver(design, verilog, registry, processes)) {
                    CosimDriver.Report r = d.network(plan, images, null);
                    base = base == 0 ? r.macsPerSecond() : base;
                    plain16 = size == 16 ? r.macsPerSecond() : plain16;
                    note(out, "cosim: resnet8 %dx%d, %d process(es): %.2f s/image, %.2f M MAC/s incl. "
                                    + "checking (%.2fx 1 process), %d mismatches", size, size, processes,
                            r.seconds() / r.images(), r.macsPerSecond() / 1e6, r.macsPerSecond() / base, r.mismatchCount());
                }
            }
        }
        out.note("cosim: target 20 M MAC/s for resnet8 on the 16x16 array with 2 processes");
        // the energy-proportional array (SPEC §6.1): a clock gate per PE and per row, so many more clock domains
        // for Verilator to evaluate, beside the plain array's figure
        ArrayConfig gated = ArrayConfig.configurable(16, 16).withGating(true);
        String gatedVerilog = RtlGenerator.arrayVerilog(gated);
        double gatedBuild = time(() -> new CosimDriver(gated, gatedVerilog, registry, 1).close());
        try (CosimDriver d = new CosimDriver(gated, gatedVerilog, registry, cores)) {
            CosimDriver.Report r = d.network(plan, images, null);
            note(out, "cosim: resnet8 16x16 gated, %d process(es): %.2f s/image, %.2f M MAC/s incl. checking (%.2fx the "
                            + "plain array), %d mismatches; harness build (0 when cached) %.1f s", cores,
                    r.seconds() / r.images(), r.macsPerSecond() / 1e6, r.macsPerSecond() / plain16, r.mismatchCount(),
                    gatedBuild);
        }
        ArrayConfig design = ArrayConfig.configurable(16, 16);
        try (CosimDriver d = new CosimDriver(design, RtlGenerator.arrayVerilog(design), registry, cores)) {
            double resnet8Rate = 0; // ResNet-8 comes first
            for (BundledModel m : BundledModel.values()) {
                Network net = Network.load(m.model(assets));
                InferencePlan p = InferencePlan.compile(net, ApproxMap.randomKernels(net.weightedLayers(), mix, 1), registry);
                // 8 inputs, the anomaly task's one file of windows
                List<LabeledImage> inputs = DataSets.read(m.samples(assets), net, m == BundledModel.AD ? 1 : 8).inputs();
                for (int batch : m == BundledModel.AD ? new int[] {CosimDriver.DEFAULT_BATCH, inputs.size()}
                        : new int[] {CosimDriver.DEFAULT_BATCH}) {
                    CosimDriver.Report r = d.network(p, inputs, batch, null);
                    resnet8Rate = m == BundledModel.RESNET8 ? r.macsPerSecond() : resnet8Rate;
                    note(out, "cosim: %-13s 16x16, %d processes, %3d inputs, batch %3d: %,12d MACs in %5.1f s, "
                                    + "%6.2f M MAC/s incl. checking (%.2fx resnet8), PE utilisation %.3f, %.0f M PE-cycles/s, "
                                    + "%d mismatches", m.shortName(), cores, r.images(), batch, r.macs(), r.seconds(),
                            r.macsPerSecond() / 1e6, r.macsPerSecond() / resnet8Rate, r.utilisation(),
                            r.macsPerSecond() / r.utilisation() / 1e6, r.mismatchCount());
                }
            }
        }
    }

    /**
     * Whole inferences of ResNet-8 under a kernel-level mix through the accelerator around the 16x16
     * array (the one {@code generate --target accelerator} emits by default), every layer's int8 output
     * checked, against the array-level cosimulation of the same inputs with one process in the same
     * run (the baseline): inferences per second and their ratio.
     */
    private static void accelerator(Assets assets, FlowListener out) {
        MultiplierRegistry registry = new MultiplierRegistry(assets.lutDir());
        List<MultiplierConfig> mix = Stream.of("exact", "roup-p1r2", "roup-p2r0", "roupc-p0r4", "roupc-p1r6")
                .map(MultiplierConfig::parse).toList();
        Network resnet8 = Network.load(BundledModel.RESNET8.model(assets));
        InferencePlan plan = InferencePlan.compile(resnet8, ApproxMap.randomKernels(resnet8.weightedLayers(), mix, 1), registry);
        List<LabeledImage> images = ImageSets.readFolder(assets.images(), 2);
        ArrayConfig array = ArrayConfig.configurable(16, 16);
        double arrayRate;
        try (CosimDriver d = new CosimDriver(array, RtlGenerator.arrayVerilog(array), registry, 1)) {
            CosimDriver.Report r = d.network(plan, images, null);
            arrayRate = r.images() / r.seconds();
            note(out, "accelerator: baseline, resnet8 on the 16x16 array, 1 process, %d inputs: %.3f inferences/s, "
                    + "%d mismatches", r.images(), arrayRate, r.mismatchCount());
        }
        AcceleratorConfig config = GenerateRtl.defaultAccelerator(array, assets, AcceleratorConfig.MemoryStyle.FLOPS);
        String verilog = AcceleratorRtl.simulationVerilog(config, null);
        double build = time(() -> new AcceleratorDriver(config, verilog, registry, CosimDriver.Simulator.VERILATOR).close());
        note(out, "accelerator: 16x16 harness build (0 when cached): %.1f s", build);
        try (AcceleratorDriver d = new AcceleratorDriver(config, verilog, registry, CosimDriver.Simulator.VERILATOR)) {
            AcceleratorDriver.Report r = d.network(plan, images, null);
            note(out, "accelerator: resnet8 through the 16x16 accelerator, 1 process, %d inputs: %.3f inferences/s "
                            + "(%.2fx the array-level baseline), %,.0f accelerator cycles per inference, %d mismatches",
                    r.images(), r.inferencesPerSecond(), r.inferencesPerSecond() / arrayRate, r.cyclesPerInference(),
                    r.mismatchCount());
        }
    }

    /**
     * The golden model with output channels summed in groups (the default) against each channel summed
     * alone, one thread, the two runs alternating in this process (a shared machine's load hits both),
     * the logits compared.
     */
    private static void groupsAgainstAlone(String name, Network net, ApproxMap map, MultiplierRegistry registry,
                                           List<LabeledImage> inputs, int repeat, String unit, FlowListener out) {
        InferencePlan grouped = InferencePlan.compile(net, map, registry);
        InferencePlan alone = InferencePlan.compile(net, map, registry, ConvKernel.Path.AUTO_UNGROUPED);
        boolean same = java.util.Arrays.deepEquals(Evaluation.run(grouped, inputs, 1, null).logits(),
                Evaluation.run(alone, inputs, 1, null).logits());
        double withGroups = Double.MAX_VALUE;
        double without = Double.MAX_VALUE;
        for (int i = 0; i < repeat; i++) {
            withGroups = Math.min(withGroups, time(() -> Evaluation.run(grouped, inputs, 1, null)));
            without = Math.min(without, time(() -> Evaluation.run(alone, inputs, 1, null)));
        }
        note(out, "inference:   %-34s %9.0f %s  channels in groups %.2fx alone (1 thread, alternating; logits %s)",
                name + ", 1 thread, alone", inputs.size() / without, unit, without / withGroups,
                same ? "the same" : "DIFFER");
    }

    private static double best(int repeat, Runnable r) {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < repeat; i++) {
            best = Math.min(best, time(r));
        }
        return best;
    }

    private static double time(Runnable r) {
        long t0 = System.nanoTime();
        r.run();
        return (System.nanoTime() - t0) / 1e9;
    }

    private static void note(FlowListener out, String format, Object... args) {
        out.note(String.format(Locale.ROOT, format, args));
    }
}
