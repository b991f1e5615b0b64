package org.maxdnn.infer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.maxdnn.data.LabeledImage;
import org.maxdnn.task.Task;

/** Golden inference of an {@link InferencePlan} over a set of inputs, on several threads. */
public final class Evaluation {
    private Evaluation() {
    }

    /** Logits and predicted class (argmax) of every input, in input order. */
    public record Result(List<LabeledImage> images, int[][] logits, int[] predictions) {
        /** Every input's value for {@code task}'s metric ({@link Task#perInput}). */
        public double[] perInput(Task task) {
            double[] v = new double[logits.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = task.perInput(i, logits[i]);
            }
            return v;
        }

        public int correct() {
            int n = 0;
            for (int i = 0; i < predictions.length; i++) {
                n += predictions[i] == images.get(i).label() ? 1 : 0;
            }
            return n;
        }

        public double accuracy() {
            return correct() / (double) predictions.length;
        }

        /** Share of images whose predicted class equals {@code other}'s (top-1 agreement). */
        public double agreement(Result other) {
            int n = 0;
            for (int i = 0; i < predictions.length; i++) {
                n += predictions[i] == other.predictions[i] ? 1 : 0;
            }
            return n / (double) predictions.length;
        }
    }

    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * Runs every image; {@code progress} (may be null) is called with the number done so far, from
     * worker threads.
     */
    public static Result run(InferencePlan plan, List<LabeledImage> images, int threads, IntConsumer progress) {
        int n = images.size();
        int[][] logits = new int[n][];
        int[] preds = new int[n];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        Runnable worker = () -> {
            Workspace ws = plan.newWorkspace();
            for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                logits[i] = plan.logits(images.get(i).pixels(), ws);
                preds[i] = InferencePlan.argmax(logits[i]);
                int d = done.incrementAndGet();
                if (progress != null) {
                    progress.accept(d);
                }
            }
        };
        int t = Math.max(1, Math.min(threads, n));
        if (t == 1) {
            worker.run();
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(t, r -> {
                Thread th = new Thread(r, "maxdnn-eval");
                th.setDaemon(true);
                return th;
            });
            try {
                List<Future<?>> fs = new ArrayList<>();
                for (int i = 0; i < t; i++) {
                    fs.add(pool.submit(worker));
                }
                for (Future<?> f : fs) {
                    f.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("evaluation interrupted", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        return new Result(List.copyOf(images), logits, preds);
    }
}
