package org.maxdnn.flow;

import java.nio.file.Path;
import java.util.List;
import org.maxdnn.explore.HtmlReport;

/** Stage 7, the report: an HTML page of the given sections, in order. */
public final class WriteReport {
    private WriteReport() {
    }

    public static Path write(String title, List<ReportSection> sections, Path file) {
        HtmlReport html = new HtmlReport(title);
        sections.forEach(s -> s.render(html));
        html.write(file);
        return file;
    }
}
