package org.maxdnn.report;

/**
 * A factory of one report section from a stage's result {@code R}. A report is a list of them
 * ({@link Report#of}); a new section is one factory and one line in that list, and it appears in
 * the HTML page, on the console and, for each of its tables, in a CSV file.
 */
@FunctionalInterface
public interface ReportSection<R> {
    /** The section, or {@link Section#NONE} when the result has nothing for it. */
    Section of(R result);
}
