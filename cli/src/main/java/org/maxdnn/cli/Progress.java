package org.maxdnn.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A progress line on stderr for long phases: redrawn in place on a terminal, a line every 10%
 * otherwise (so logs stay short). Thread-safe.
 */
final class Progress {
    private final PrintStream err;
    private final String label;
    private final int total;
    private final boolean terminal = System.console() != null;
    private final long start = System.nanoTime();
    private int lastShown = -1;

    Progress(PrintStream err, String label, int total) {
        this.err = err;
        this.label = label;
        this.total = total;
    }

    synchronized void update(int done) {
        int percent = (int) (100L * done / Math.max(1, total));
        int step = terminal ? percent : percent / 10 * 10;
        if (step == lastShown && done != total) {
            return;
        }
        lastShown = step;
        int width = 30;
        int filled = width * done / Math.max(1, total);
        double s = (System.nanoTime() - start) / 1e9;
        String line = String.format(Locale.ROOT, "%s [%s%s] %d/%d %3d%% %.1fs", label, "#".repeat(filled),
                ".".repeat(width - filled), done, total, percent, s);
        if (terminal) {
            err.print("\r" + line + (done == total ? "\n" : ""));
        } else {
            err.println(line);
        }
        err.flush();
    }
}
