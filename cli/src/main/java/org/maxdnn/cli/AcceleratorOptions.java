package org.maxdnn.cli;

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
                        .desc("array (default: the systolic array alone) or accelerator (the array with memories, "
                                + "address generation, requantising foot and sequencer)").build())
                .addOption(Option.builder().longOpt("memories").hasArg().argName("KIND")
                        .desc("accelerator: flops (default: behavioural memories Yosys maps to flip-flops) or macros "
                                + "(black boxes maxdnn_sram_1r1w with a behavioural model beside)").build())
                .addOption(Option.builder().longOpt("memory-sizes").hasArg().argName("A,W,C,P,D")
                        .desc("accelerator: activation bytes per bank (a power of two), weight words per bank, "
                                + "accumulator words, parameter entries per bank, descriptors (default: what the "
                                + "largest layer of the five bundled networks needs on this array)").build());
    }

    /** True for --target accelerator; a usage error for a target that is neither. */
    static boolean accelerator(CommandLine cmd) {
        String t = cmd.getOptionValue("target", "array");
        if (!t.equals("array") && !t.equals("accelerator")) {
            throw new MaxdnnException(MaxdnnException.USAGE, "--target must be array or accelerator, got '" + t + "'");
        }
        if (t.equals("array") && (cmd.hasOption("memories") || cmd.hasOption("memory-sizes"))) {
            throw new MaxdnnException(MaxdnnException.USAGE, "--memories and --memory-sizes go with --target accelerator");
        }
        return t.equals("accelerator");
    }

    /** The accelerator around {@code array} as the options say. */
    static AcceleratorConfig config(CommandLine cmd, Context ctx, ArrayConfig array) {
        String kind = cmd.getOptionValue("memories", "flops").toUpperCase(Locale.ROOT);
        AcceleratorConfig.MemoryStyle style;
        try {
            style = AcceleratorConfig.MemoryStyle.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw new MaxdnnException(MaxdnnException.USAGE, "--memories must be flops or macros, got '"
                    + cmd.getOptionValue("memories") + "'");
        }
        if (!cmd.hasOption("memory-sizes")) {
            return GenerateRtl.defaultAccelerator(array, ctx.assets(), style);
        }
        String[] parts = cmd.getOptionValue("memory-sizes").split(",");
        int[] v = new int[5];
        try {
            if (parts.length != 5) {
                throw new NumberFormatException();
            }
            for (int i = 0; i < 5; i++) {
                v[i] = Integer.parseInt(parts[i].trim());
            }
        } catch (NumberFormatException e) {
            throw new MaxdnnException(MaxdnnException.USAGE, "--memory-sizes takes five whole numbers A,W,C,P,D, got '"
                    + cmd.getOptionValue("memory-sizes") + "'");
        }
        try {
            return new AcceleratorConfig(array, v[0], v[1], v[2], v[3], v[4], style);
        } catch (MaxdnnException e) {
            throw new MaxdnnException(MaxdnnException.USAGE, "--memory-sizes: " + e.getMessage());
        }
    }
}
