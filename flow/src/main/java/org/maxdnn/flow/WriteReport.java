package org.maxdnn.flow;

import java.nio.file.Path;
import java.util.List;
import org.maxdnn.report.HtmlPage;

/** Stage 7, the report: an HTML page of the given sections, in order. */
public final class WriteReport {
    private WriteReport() {
    }

    public static Path write(String title, List<ReportSection> sections, Path file) {
        HtmlPage html = new HtmlPage(title);
        sections.forEach(s -> s.render(html));
        html.write(file);
        return file;
    }
}
