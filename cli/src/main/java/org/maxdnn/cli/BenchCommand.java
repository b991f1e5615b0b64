package org.maxdnn.cli;

import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.maxdnn.flow.Bench;

/**
 * {@code maxdnn bench}: speed figures that are targets, printed rather than asserted in tests
 * ({@link Bench}); the spark suite is the optional Spark module's.
 */
final class BenchCommand implements CliCommand {
    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String summary() {
        return "benchmarks that print speed figures (suites: " + String.join(", ", Bench.SUITES) + ")";
    }

    @Override
    public Options options() {
        return new Options().addOption(Option.builder().longOpt("only").hasArg().argName("SUITE")
                        .converter(OptionTypes.oneOf(Bench.SUITES)).desc("run one suite: " + String.join("|", Bench.SUITES))
                        .build())
                .addOption(Option.builder().longOpt("repeat").hasArg().argName("N")
                        .converter(OptionTypes.wholeNumber(1, MAX_REPEAT))
                        .desc("timed repetitions after one warm-up (default 5)").build());
    }

    /** More repetitions than this is a typing error: the figures are a best of N, a few suffice. */
    static final int MAX_REPEAT = 1000;

    @Override
    public int run(CommandLine cmd, Context ctx) {
        String only = OptionTypes.value(cmd, "only", null);
        int repeat = OptionTypes.value(cmd, "repeat", 5);
        for (String suite : only == null ? Bench.SUITES : List.of(only)) {
            if (!suite.equals("spark")) {
                Bench.run(suite, repeat, suite.equals("multipliers") || suite.equals("rtl") ? null : ctx.assets(),
                        new ConsoleListener(ctx));
            } else if (only == null && !SparkModule.present()) {
                ctx.out().println("spark: skipped, the spark module is not built (mvn -pl spark -am package)");
            } else {
                // evaluations/s in-process vs local[2] vs a standalone cluster, and Spark's start-up
                SparkModule.bench(ctx.out(), ctx.assets().model(), ctx.assets().images(), ctx.assets().lutDir());
            }
        }
        return 0;
    }
}
