package org.maxdnn.report;

/**
 * A test-only section of a string's report: its length. Registered as a plug-in of its own type
 * ({@code META-INF/services/org.maxdnn.report.LengthSection} names this class), so a list made with
 * {@link ReportSection#withPlugins} for this type finds it.
 */
public class LengthSection implements ReportSection<String> {
    @Override
    public Section of(String result) {
        return Section.builder("Length (test only)").table(Table.builder("test-only/length", "",
                Column.text("text", "text"), Column.number("characters", "characters", "", "%d"))
                .row(result, result.length()).build()).build();
    }
}
