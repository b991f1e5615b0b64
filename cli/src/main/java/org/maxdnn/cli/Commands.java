package org.maxdnn.cli;

import java.util.List;

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
                new CompensateCommand(),
                new GenerateCommand(),
                new CosimCommand(),
                new SynthCommand(),
                new EnergyCommand(),
                new LayoutCommand(),
                new ExploreCommand(),
                new FinetuneCommand(),
                new RunCommand());
    }
}
