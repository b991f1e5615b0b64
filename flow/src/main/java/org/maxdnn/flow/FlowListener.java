package org.maxdnn.flow;

/**
 * What a flow tells whoever runs it while it works: stage titles, lines worth showing (what was
 * read, built, found or written) and the progress of long steps. The command line prints them; a
 * test or another program may ignore them ({@link #SILENT}).
 */
public interface FlowListener {
    /** Ignores everything. */
    FlowListener SILENT = new FlowListener() {
    };

    /** A stage of a longer flow begins, e.g. "2/4 RTL of the chosen map". */
    default void stage(String title) {
    }

    /** One line of narration. */
    default void note(String line) {
    }

    /** {@code done} of {@code total} units of a long step are finished. */
    default void progress(String step, int done, int total) {
    }
}
