package org.maxdnn.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * A command of SPEC §11 that is specified but not built yet: its {@code --help} shows the planned
 * options, and running it says so and exits 1 rather than printing anything that looks like a result.
 */
final class NotBuiltCommand implements CliCommand {
    private final String name;
    private final String summary;
    private final Options options;

    NotBuiltCommand(String name, String summary, Options options) {
        this.name = name;
        this.summary = summary;
        this.options = options;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String summary() {
        return summary + " [not built yet]";
    }

    @Override
    public Options options() {
        return options;
    }

    @Override
    public int run(CommandLine cmd, Context ctx) {
        ctx.err().println("maxdnn " + name + ": not built yet in this version of the toolkit");
        return 1;
    }
}
