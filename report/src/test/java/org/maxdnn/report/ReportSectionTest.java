package org.maxdnn.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A section registered on the class path follows a list's own sections into every rendering. */
class ReportSectionTest {
    @TempDir
    Path dir;

    @Test
    void aRegisteredSectionFollowsTheListsOwnOnPageConsoleAndCsv() throws Exception {
        List<ReportSection<String>> sections = ReportSection.withPlugins(List.of(
                s -> Section.builder("Built in").paragraph("of " + s).build()), LengthSection.class);
        assertEquals(2, sections.size(), "the test resources' META-INF/services line");
        Report r = Report.of("run", "seven", sections);
        assertEquals(List.of("Built in", "Length (test only)"), r.sections().stream().map(Section::heading).toList());
        r.write(dir.resolve("report.html"));
        assertTrue(Files.readString(dir.resolve("report.html")).contains("<h2>Length (test only)</h2>"));
        assertEquals("text,characters\nseven,5\n", Files.readString(dir.resolve("test-only/length.csv")));
        assertTrue(AlignedText.lines(r).containsAll(List.of("-- Length (test only)", "seven           5")),
                String.join("\n", AlignedText.lines(r)));
    }

    @Test
    void withoutARegistrationTheListIsItsOwn() {
        List<ReportSection<String>> own = List.of(s -> Section.NONE);
        assertEquals(own, ReportSection.withPlugins(own, Unregistered.class));
    }

    /** A section type no services file names. */
    public interface Unregistered extends ReportSection<String> {
    }
}
