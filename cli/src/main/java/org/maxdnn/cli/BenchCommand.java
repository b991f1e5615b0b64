package org.maxdnn.cli;

import java.util.List;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.maxdnn.metrics.ErrorMetrics;
import org.maxdnn.metrics.MetricsTable;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.mult.MultiplierRegistry;

/**
 * {@code maxdnn bench}: speed figures that are targets, printed rather than asserted in tests.
 * Each figure comes with a baseline measured in the same run, so ratios survive a slower machine.
 */
final class BenchCommand implements CliCommand {
    private static final List<String> SUITES = List.of("multipliers");

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String summary() {
        return "benchmarks that print speed figures (suites: " + String.join(", ", SUITES) + ")";
    }

    @Override
    public Options options() {
        return new Options().addOption(Option.builder().longOpt("only").hasArg().argName("SUITE")
                .desc("run one suite: " + String.join("|", SUITES)).build())
                .addOption(Option.builder().longOpt("repeat").hasArg().argName("N")
                        .desc("timed repetitions after one warm-up (default 5)").build());
    }

    @Override
    public int run(CommandLine cmd, Context ctx) {
        String only = cmd.getOptionValue("only");
        if (only != null && !SUITES.contains(only)) {
            ctx.err().println("maxdnn bench: unknown suite '" + only + "' (one of " + SUITES + ")");
            return 1;
        }
        int repeat = Integer.parseInt(cmd.getOptionValue("repeat", "5"));
        if (only == null || only.equals("multipliers")) {
            multipliers(ctx, repeat);
        }
        return 0;
    }

    /** All 64 ROUP tables built and measured from scratch, against the exact multiplier ×64. */
    private static void multipliers(Context ctx, int repeat) {
        time(() -> MetricsTable.roupRows(new MultiplierRegistry(null)));
        double all = best(repeat, () -> MetricsTable.roupRows(new MultiplierRegistry(null)));
        double exact = best(repeat, () -> {
            for (int i = 0; i < 64; i++) {
                ErrorMetrics.signed(new MultiplierRegistry(null).get(MultiplierConfig.EXACT));
            }
        });
        ctx.out().printf(Locale.ROOT, "multipliers: metrics of exact + 64 ROUP configs (tables built from the "
                + "bit-level models): %.3f s (target < 2 s)%n", all);
        ctx.out().printf(Locale.ROOT, "multipliers: baseline, exact metrics x64 (shared table): %.3f s; ratio %.1fx%n",
                exact, all / exact);
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
}
