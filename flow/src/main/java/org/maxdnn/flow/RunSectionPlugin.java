package org.maxdnn.flow;

import org.maxdnn.report.ReportSection;

/**
 * A section of {@code run}'s report from outside the toolkit (a test's, a user's), found on the
 * class path: a public class with a no-argument constructor, named in one
 * {@code META-INF/services/org.maxdnn.flow.RunSectionPlugin} line. It follows {@link RunSections}'
 * own sections on the page, on the console and, its tables, in CSV files.
 */
public interface RunSectionPlugin extends ReportSection<MainFlow.Result> {
}
