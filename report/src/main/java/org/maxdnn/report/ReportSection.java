package org.maxdnn.report;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * A factory of one report section from a stage's result {@code R}. A report is a list of them
 * ({@link Report#of}); a new section is one factory and one line in that list, and it appears in
 * the HTML page, on the console and, for each of its tables, in a CSV file. A list made with
 * {@link #withPlugins} also takes sections from outside the toolkit (a test's, a user's).
 */
@FunctionalInterface
public interface ReportSection<R> {
    /** The section, or {@link Section#NONE} when the result has nothing for it. */
    Section of(R result);

    /**
     * {@code builtIn}, then a section of each class named in a {@code META-INF/services/} file named
     * after {@code plugin} on the class path (a public class with a no-argument constructor: one file
     * and one line), in the class path's order, read through {@code plugin}'s own class loader as the
     * multiplier families are.
     */
    static <R> List<ReportSection<R>> withPlugins(List<ReportSection<R>> builtIn,
                                                  Class<? extends ReportSection<R>> plugin) {
        List<ReportSection<R>> all = new ArrayList<>(builtIn);
        ServiceLoader.load(plugin, plugin.getClassLoader()).forEach(all::add);
        return List.copyOf(all);
    }
}
