package org.maxdnn.cli;

import java.util.List;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** The command table of SPEC §11, in the order the flow runs. */
final class Commands {
    private Commands() {
    }

    static List<CliCommand> all() {
        return List.of(
                new MultipliersCommand(),
                new BenchCommand(),
                new ModelCommand(),
                new EvalCommand(),
                new GenerateCommand(),
                notBuilt("cosim", "run layers / inferences through the generated RTL against the golden model",
                        opts("map FILE:approximation map", "images DIR:image folder", "limit N:first N images",
                                "simulator SIM:verilator|icarus", "vcd-on-mismatch:write a VCD around the first mismatch")),
                new SynthCommand(),
                new EnergyCommand(),
                new ExploreCommand(),
                notBuilt("run", "the main job end to end (explore, pick, generate, cosim, energy, report)",
                        opts("out DIR:output folder", "quick:a small run that finishes in minutes")));
    }

    private static CliCommand notBuilt(String name, String summary, Options options) {
        return new NotBuiltCommand(name, summary, options);
    }

    /** Options from "long ARG:description" (ARG omitted for flags). */
    private static Options opts(String... specs) {
        Options o = new Options();
        for (String s : specs) {
            String[] nameDesc = s.split(":", 2);
            String[] parts = nameDesc[0].split(" ");
            Option.Builder b = Option.builder().longOpt(parts[0]).desc(nameDesc[1]);
            if (parts.length > 1) {
                b.hasArg().argName(parts[1]);
            }
            o.addOption(b.build());
        }
        return o;
    }
}
