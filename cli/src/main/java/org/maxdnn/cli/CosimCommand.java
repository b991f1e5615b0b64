package org.maxdnn.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.maxdnn.MaxdnnException;
import org.maxdnn.array.ArrayConfig;
import org.maxdnn.cosim.CosimDriver;
import org.maxdnn.cosim.FaultInjection;
import org.maxdnn.data.LabeledImage;
import org.maxdnn.flow.Cosimulate;
import org.maxdnn.flow.CosimulateAccelerator;
import org.maxdnn.flow.Workload;
import org.maxdnn.infer.Network;
import org.maxdnn.map.ApproxMap;

/**
 * {@code maxdnn cosim}: whole inferences with every conv, depthwise and FC layer on the generated
 * configurable array in Verilator, checked tile by tile, layer by layer and at the network's outputs
 * against the golden model; what each layer took on the RTL printed and written as CSV. With
 * {@code --target accelerator} the inferences run through the generated accelerator's host interface,
 * every layer's int8 output checked. Exit 3 on a mismatch.
 */
final class CosimCommand implements CliCommand {
    @Override
    public String name() {
        return "cosim";
    }

    @Override
    public String summary() {
        return "run whole inferences through the generated RTL (Verilator) and compare with the golden model";
    }

    @Override
    public Options options() {
        Options o = AcceleratorOptions.add(new Options()).addOption(Inputs.model()).addOption(Inputs.rounding())
                .addOption(Inputs.map());
        Inputs.images(o);
        return o
                .addOption(Inputs.arrayKind())
                .addOption(Inputs.arraySide("rows", "array rows (default 16)"))
                .addOption(Inputs.arraySide("cols", "array columns (default 16)"))
                .addOption(Option.builder().longOpt("simulator").hasArg().argName("SIM")
                        .converter(OptionTypes.oneOf(List.of("verilator", "icarus")))
                        .desc("verilator (default) or icarus (the second opinion: one process, much slower; "
                                + "use --limit 1 and a small array)").build())
                .addOption(Option.builder().longOpt("processes").hasArg().argName("N")
                        .converter(OptionTypes.wholeNumber(1, Inputs.MAX_THREADS))
                        .desc("simulator processes the tiles are dealt to (default: all cores)").build())
                .addOption(Option.builder().longOpt("batch").hasArg().argName("N")
                        .converter(OptionTypes.wholeNumber(1, Integer.MAX_VALUE))
                        .desc("inputs streamed through each weight load (default " + CosimDriver.DEFAULT_BATCH
                                + "; 1 gives the latency of one inference)").build())
                .addOption(Option.builder().longOpt("clock-mhz").hasArg().argName("MHZ")
                        .converter(OptionTypes.number(MIN_CLOCK_MHZ, MAX_CLOCK_MHZ, "MHz"))
                        .desc("clock the cycle counts are turned into time at (default "
                                + (int) Cosimulate.DEFAULT_CLOCK_MHZ + ": the configurable PE reaches 229 MHz after "
                                + "place and route on osu018)").build())
                .addOption(Option.builder().longOpt("vcd-on-mismatch")
                        .desc("write a VCD of the first mismatching tile into --out").build())
                .addOption(Option.builder().longOpt("inject").hasArg().argName("FAULT")
                        .converter(OptionTypes.oneOf(Stream.of(FaultInjection.values()).map(FaultInjection::id).toList()))
                        .desc("test mode: inject a fault into the generated (plain) array first (" + faultIds() + ")").build())
                .addOption(Inputs.outFile("toggles", "RT-level activity: run the TOGGLE_COUNT build, write per-PE, "
                        + "per-component toggles as CSV, and check them against the golden model's count"))
                .addOption(Option.builder().longOpt("inputs").hasArg().argName("N")
                        .converter(OptionTypes.wholeNumber(1, Integer.MAX_VALUE))
                        .desc("cosimulate only the first N inputs of the samples read (an anomaly file is 196 "
                                + "windows)").build())
                .addOption(Inputs.outFolder("folder for cosim-report.txt, cosim-layers.csv and the VCD (default out/cosim)"));
    }

    /** A clock outside 1 kHz..100 GHz is a typing error: the figures it gives mean nothing. */
    static final double MIN_CLOCK_MHZ = 0.001;
    static final double MAX_CLOCK_MHZ = 100_000;

    /** The accelerator runs one input at a time in one simulator process; the activity build is Verilator's. */
    @Override
    public List<OptionRule> rules() {
        List<OptionRule> r = new ArrayList<>(AcceleratorOptions.RULES);
        for (String o : List.of("batch", "processes")) {
            r.add(new OptionRule(o, "with --target array", c -> !AcceleratorOptions.accelerator(c)));
        }
        r.add(new OptionRule("toggles", "with --target array and --simulator verilator",
                c -> !AcceleratorOptions.accelerator(c) && OptionTypes.value(c, "simulator", "verilator").equals("verilator")));
        r.add(Inputs.SEED_WITH_RANDOM);
        return r;
    }

    private static String faultIds() {
        StringBuilder s = new StringBuilder();
        for (FaultInjection f : Stream.of(FaultInjection.values())
                .filter(f -> f.inConfigurableArray() || f.inAccelerator()).toList()) {
            s.append(s.isEmpty() ? "" : ", ").append(f.id());
        }
        return s.toString();
    }

    @Override
    public int run(CommandLine cmd, Context ctx) {
        CosimDriver.Simulator simulator = CosimDriver.Simulator.parse(OptionTypes.value(cmd, "simulator", "verilator"));
        String inject = OptionTypes.value(cmd, "inject", null);
        FaultInjection fault = inject != null ? FaultInjection.byId(inject) : null;
        boolean accelerator = AcceleratorOptions.accelerator(cmd);
        if (fault != null && fault.inAccelerator() && !accelerator) {
            throw new MaxdnnException(MaxdnnException.USAGE, "--inject " + fault.id() + ": the fault goes into the accelerator's "
                    + fault.module() + " module: add --target accelerator");
        }
        if (fault != null && !fault.inConfigurableArray() && !fault.inAccelerator()) {
            throw new MaxdnnException(MaxdnnException.USAGE, "--inject " + fault.id() + ": the fault goes into a fixed array's "
                    + fault.module() + "* module; cosim --inject takes " + faultIds());
        }
        ArrayConfig array = Inputs.array(cmd, OptionTypes.value(cmd, "rows", 16), OptionTypes.value(cmd, "cols", 16));
        if (accelerator && !cmd.hasOption("array")) {
            array = array.withGating(false); // the accelerator's default is the plain array (--array gated for the other)
        }
        if (fault != null) {
            // the faults are written against the plain array's PE text
            if (array.gated() && cmd.hasOption("array")) {
                throw new MaxdnnException(MaxdnnException.USAGE, "--inject mutates the plain array; drop --array gated");
            }
            array = array.withGating(false);
        }
        int processes = OptionTypes.value(cmd, "processes", Runtime.getRuntime().availableProcessors());
        int batch = OptionTypes.value(cmd, "batch", CosimDriver.DEFAULT_BATCH);
        double clockMhz = OptionTypes.value(cmd, "clock-mhz", Cosimulate.DEFAULT_CLOCK_MHZ);
        Network net = Inputs.network(cmd, ctx);
        ApproxMap map = Inputs.map(cmd, net, ctx);
        List<LabeledImage> images = Inputs.dataSet(cmd, ctx, net).inputs();
        if (cmd.hasOption("inputs")) {
            images = images.subList(0, Math.min(images.size(), OptionTypes.value(cmd, "inputs", 1)));
        }
        if (!cmd.hasOption("limit") && images.size() > 2) {
            images = images.subList(0, 2);
            ctx.out().println("cosim: the first 2 images (use --limit N for more)");
        }
        if (accelerator) {
            CosimulateAccelerator.Request a = new CosimulateAccelerator.Request(map,
                    cmd.getOptionValue("map", "exact (no --map)"), AcceleratorOptions.config(cmd, ctx, array),
                    Inputs.assetsIfSet(ctx), simulator, clockMhz, fault, cmd.hasOption("vcd-on-mismatch"),
                    OptionTypes.path(cmd, "out", "out/cosim"));
            CosimulateAccelerator.Outcome o = CosimulateAccelerator.run(a, new Workload(net, images, Inputs.registry(ctx)),
                    new ConsoleListener(ctx));
            if (!o.passed()) {
                throw new MaxdnnException(MaxdnnException.MISMATCH, "accelerator cosimulation: " + o.failure() + " (see "
                        + o.reportFile() + ")");
            }
            return 0;
        }
        Cosimulate.Request q = new Cosimulate.Request(map, cmd.getOptionValue("map", "exact (no --map)"), array, null,
                simulator, processes, batch, clockMhz, fault,
                cmd.hasOption("vcd-on-mismatch"), OptionTypes.path(cmd, "toggles"),
                OptionTypes.path(cmd, "out", "out/cosim"));
        Cosimulate.Outcome o = Cosimulate.run(q, new Workload(net, images, Inputs.registry(ctx)), new ConsoleListener(ctx));
        if (!o.passed()) {
            throw new MaxdnnException(MaxdnnException.MISMATCH, "cosimulation: " + o.failure() + " (see " + o.reportFile()
                    + (cmd.hasOption("toggles") ? " and " + cmd.getOptionValue("toggles") : "") + ")");
        }
        return 0;
    }
}
