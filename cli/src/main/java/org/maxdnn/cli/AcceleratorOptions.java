package org.maxdnn.cli;

import java.util.List;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.maxdnn.MaxdnnException;
import org.maxdnn.accel.AcceleratorConfig;
import org.maxdnn.array.ArrayConfig;
import org.maxdnn.flow.GenerateRtl;

/** The options of {@code --target accelerator} (generate, cosim): what the memories are and their sizes. */
final class AcceleratorOptions {
    private AcceleratorOptions() {
    }

    static Options add(Options o) {
        return o
                .addOption(Option.builder().longOpt("target").hasArg().argName("T")
                        .converter(OptionTypes.oneOf(List.of("array", "accelerator")))
                        .desc("array (default: the systolic array alone) or accelerator (the array with memories, "
                                + "address generation, requantising foot and sequencer)").build())
                .addOption(Option.builder().longOpt("memories").hasArg().argName("KIND")
                        .converter(OptionTypes.oneOf(List.of("flops", "macros")))
                        .desc("accelerator: flops (default: behavioural memories Yosys maps to flip-flops) or macros "
                                + "(black boxes maxdnn_sram_1r1w with a behavioural model beside)").build())
                .addOption(Option.builder().longOpt("memory-sizes").hasArg().argName("A,W,C,P,D")
                        .converter(OptionTypes.wholeNumbers(5, 1, Integer.MAX_VALUE))
                        .desc("accelerator: activation bytes per bank (a power of two), weight words per bank, "
                                + "accumulator words, parameter entries per bank, descriptors (default: what the "
                                + "largest layer of the five bundled networks needs on this array)").build())
                .addOption(requantiserCycles());
    }

    /** --requantiser-cycles R: the foot's requantiser over R cycles (a smaller multiplier, longer last folds). */
    static Option requantiserCycles() {
        return Option.builder().longOpt("requantiser-cycles").hasArg().argName("R")
                .converter(OptionTypes.oneOf(List.of("1", "2", "4", "8")))
                .desc("accelerator: cycles the foot's requantiser takes per output: 1 (default: one 32x32 "
                        + "multiplier) or 2, 4, 8 (32 x 32/R bits a cycle, a smaller design; a layer's last "
                        + "reduction fold then streams a vector each max(R + 2, C x R) cycles)").build();
    }

    /** --counter-bits B: the host-readable counters B bits wide (generate, layout; cosim reads them at 32). */
    static Option counterBits() {
        return Option.builder().longOpt("counter-bits").hasArg().argName("B")
                .converter(OptionTypes.wholeNumber(1, AcceleratorConfig.COUNTER_BITS))
                .desc("accelerator: width of the 17 cycle and memory-access counters, 1 to 32 bits (default 32); "
                        + "they wrap at 2^B, so fewer bits (a smaller design, for a layout) count only short runs")
                .build();
    }

    /** The --counter-bits given, 32 without it. */
    static int counterBits(CommandLine cmd) {
        return OptionTypes.value(cmd, "counter-bits", AcceleratorConfig.COUNTER_BITS);
    }

    /** The --requantiser-cycles given, 1 without it. */
    static int requantiserCycles(CommandLine cmd) {
        return Integer.parseInt(OptionTypes.value(cmd, "requantiser-cycles", "1"));
    }

    /** --memories and --memory-sizes are read only with --target accelerator. */
    static final List<OptionRule> RULES = List.of(
            new OptionRule("memories", "with --target accelerator", AcceleratorOptions::accelerator),
            new OptionRule("memory-sizes", "with --target accelerator", AcceleratorOptions::accelerator),
            new OptionRule("requantiser-cycles", "with --target accelerator", AcceleratorOptions::accelerator));

    /** True for --target accelerator. */
    static boolean accelerator(CommandLine cmd) {
        return OptionTypes.value(cmd, "target", "array").equals("accelerator");
    }

    /** The accelerator around {@code array} as the options say. */
    static AcceleratorConfig config(CommandLine cmd, Context ctx, ArrayConfig array) {
        AcceleratorConfig.MemoryStyle style = AcceleratorConfig.MemoryStyle.valueOf(
                OptionTypes.value(cmd, "memories", "flops").toUpperCase(Locale.ROOT));
        if (!cmd.hasOption("memory-sizes")) {
            return GenerateRtl.defaultAccelerator(array, ctx.assets(), style).withRequantiserCycles(requantiserCycles(cmd))
                    .withCounterBits(counterBits(cmd));
        }
        int[] v = OptionTypes.value(cmd, "memory-sizes", null);
        try {
            return new AcceleratorConfig(array, v[0], v[1], v[2], v[3], v[4], style, requantiserCycles(cmd),
                    counterBits(cmd));
        } catch (MaxdnnException e) {
            throw new MaxdnnException(MaxdnnException.USAGE, "--memory-sizes: " + e.getMessage());
        }
    }
}
