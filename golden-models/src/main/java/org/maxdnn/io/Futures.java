package org.maxdnn.io;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for work done on other threads, with its failures as the caller's own. */
public final class Futures {
    private Futures() {
    }

    /**
     * The task's result. A task that threw a {@link RuntimeException} (a
     * {@link org.maxdnn.MaxdnnException} with its exit code, say) throws it here unchanged; an
     * interruption keeps the thread's interrupted flag.
     */
    public static <T> T await(Future<T> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        }
    }
}
