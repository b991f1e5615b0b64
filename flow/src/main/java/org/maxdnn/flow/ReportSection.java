package org.maxdnn.flow;

import org.maxdnn.report.HtmlPage;

/**
 * One part of the run's report: headings, text, tables, figures and links it adds to the page.
 * The report is a list of them ({@link WriteReport}); a new result (array-level energy, post-route
 * hardware, a table over several networks) is one more section.
 */
@FunctionalInterface
public interface ReportSection {
    void render(HtmlPage html);
}
