package org.maxdnn.cli;

import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** One {@code maxdnn} sub-command. Implementations live one per file, named {@code XxxCommand}. */
public interface CliCommand {
    String name();

    /** One line for the command list. */
    String summary();

    /**
     * The command's own options, each with the type of value it takes ({@link OptionTypes}); {@code --help},
     * {@code --assets} and {@code --debug} are added by Main.
     */
    Options options();

    /** The options only some runs read, and which ({@link OptionRule}); none by default. */
    default List<OptionRule> rules() {
        return List.of();
    }

    /**
     * Runs the command and returns its exit code. Throw {@link org.maxdnn.MaxdnnException} for
     * errors the user can act on; Main prints its message on one line.
     */
    int run(CommandLine cmd, Context ctx) throws Exception;
}
