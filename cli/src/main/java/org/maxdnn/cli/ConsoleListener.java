package org.maxdnn.cli;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.maxdnn.flow.FlowListener;

/** Prints what a flow reports: stage titles and notes on stdout, a {@link Progress} line per long step on stderr. */
final class ConsoleListener implements FlowListener {
    private final Context ctx;
    private final Map<String, Progress> bars = new ConcurrentHashMap<>();

    ConsoleListener(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public void stage(String title) {
        ctx.out().println("== " + title);
    }

    @Override
    public void note(String line) {
        ctx.out().println(line);
    }

    @Override
    public void progress(String step, int done, int total) {
        bars.computeIfAbsent(step, s -> new Progress(ctx.err(), s, total)).update(done);
    }
}
