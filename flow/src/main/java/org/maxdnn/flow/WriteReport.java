package org.maxdnn.flow;

import java.nio.file.Path;
import java.util.List;
import org.maxdnn.report.AlignedText;
import org.maxdnn.report.Report;
import org.maxdnn.report.ReportSection;

/**
 * Stage 7, the report of a stage's result: the sections {@code sections} make of it, in order, as
 * an HTML page, a CSV file per table beside it, and lines on the console.
 */
public final class WriteReport {
    private WriteReport() {
    }

    public static <R> Report write(String title, R result, List<? extends ReportSection<? super R>> sections, Path html,
                                   FlowListener listener) {
        Report report = Report.of(title, result, sections);
        report.write(html);
        AlignedText.lines(report).forEach(listener::note);
        return report;
    }
}
