package org.maxdnn.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.maxdnn.MaxdnnException;
import org.maxdnn.io.ChildProcesses;

/**
 * {@code maxdnn COMMAND [options]}. Exit codes (SPEC §11): 0 success, 1 usage error, 2 bad input,
 * 3 verification mismatch, 4 missing external tool. Errors print one line; {@code --debug} adds the
 * stack trace.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        ChildProcesses.destroyedOnExit();
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one invocation and returns its exit code (tests call this directly). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<CliCommand> commands = Commands.all();
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            printOverview(commands, args.length == 0 ? err : out);
            return args.length == 0 ? 1 : 0;
        }
        CliCommand command = commands.stream().filter(c -> c.name().equals(args[0])).findFirst().orElse(null);
        if (command == null) {
            err.println("maxdnn: unknown command '" + args[0] + "' (see maxdnn --help)");
            return 1;
        }
        Options options = withCommonOptions(command.options());
        CommandLine cmd;
        try {
            cmd = new DefaultParser().parse(options, Arrays.copyOfRange(args, 1, args.length));
        } catch (ParseException e) {
            err.println("maxdnn " + command.name() + ": " + e.getMessage() + " (see maxdnn " + command.name() + " --help)");
            return 1;
        }
        if (cmd.hasOption("help")) {
            printHelp(command, options, out);
            return 0;
        }
        if (!cmd.getArgList().isEmpty()) {
            err.println("maxdnn " + command.name() + ": unexpected argument '" + cmd.getArgList().get(0)
                    + "' (see maxdnn " + command.name() + " --help)");
            return 1;
        }
        boolean debug = cmd.hasOption("debug");
        try {
            Context ctx = new Context(cmd.getOptionValue("assets"), out, err);
            OptionCheck.all(cmd, options, command.rules(), ctx);
            return command.run(cmd, ctx);
        } catch (MaxdnnException e) {
            err.println("maxdnn " + command.name() + ": " + e.getMessage());
            if (debug) {
                e.printStackTrace(err);
            }
            return e.exitCode();
        } catch (Exception | OutOfMemoryError | StackOverflowError e) {
            err.println("maxdnn " + command.name() + ": internal error: " + e);
            err.println("  This is a bug in maxdnn, not in your input. Please report the command line, the files it"
                    + " names and " + (debug ? "the stack trace below." : "the output of the same command with --debug."));
            if (debug) {
                e.printStackTrace(err);
            }
            return 70;
        }
    }

    /** The command's own options (made afresh for each call; its groups, such as --images or --cifar, kept) and the common ones. */
    private static Options withCommonOptions(Options own) {
        return own.addOption(Option.builder("h").longOpt("help").desc("show this help").build())
                .addOption(Option.builder().longOpt("assets").hasArg().argName("DIR").converter(OptionTypes.inputFolder())
                        .desc("asset folder (default: $MAXDNN_ASSETS)").build())
                .addOption(Option.builder().longOpt("debug").desc("print stack traces on errors").build());
    }

    private static void printOverview(List<CliCommand> commands, PrintStream s) {
        s.println("usage: maxdnn COMMAND [options]   (maxdnn COMMAND --help for its options)");
        s.println();
        s.println("commands:");
        for (CliCommand c : commands) {
            s.printf("  %-12s %s%n", c.name(), c.summary());
        }
        s.println();
        s.println("Assets (model, images, tables, liberty) come from --assets DIR or $MAXDNN_ASSETS.");
        s.println("Exit codes: 0 ok, 1 usage, 2 bad input, 3 verification mismatch, 4 missing tool.");
    }

    private static void printHelp(CliCommand command, Options options, PrintStream s) {
        PrintWriter w = new PrintWriter(s);
        new HelpFormatter().printHelp(w, 100, "maxdnn " + command.name() + " [options]",
                command.summary(), options, 2, 2, "", false);
        w.flush();
    }
}
