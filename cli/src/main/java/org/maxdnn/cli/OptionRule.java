package org.maxdnn.cli;

import java.util.function.Predicate;
import org.apache.commons.cli.CommandLine;

/**
 * An option that only some runs of a command read, and which: given to a run that would not read
 * it, it is refused as not applicable ({@link OptionCheck}), so that a value is never ignored.
 *
 * @param option the option's long name
 * @param when the runs that read it, in words ("with --mode fixed")
 * @param applies whether a command line is such a run
 */
record OptionRule(String option, String when, Predicate<CommandLine> applies) {
    /** {@code option} applies only when {@code other} is given. */
    static OptionRule onlyWith(String option, String other) {
        return new OptionRule(option, "with --" + other, c -> c.hasOption(other));
    }

    /** {@code option} applies only when {@code other} is not given. */
    static OptionRule onlyWithout(String option, String other) {
        return new OptionRule(option, "without --" + other, c -> !c.hasOption(other));
    }
}
