package org.maxdnn.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.Future;
import org.maxdnn.io.Futures;
import org.maxdnn.map.ApproxMap;

/**
 * The default {@link MapEvaluator}: the maps of a batch scored in parallel on this JVM's threads, a
 * fork-join pool whose idle threads also take inputs of the maps still running
 * ({@link AccuracyOracle#score}), so the last map of a batch does not run alone.
 */
public final class InProcessEvaluator implements MapEvaluator {
    private final AccuracyOracle oracle;
    private final ForkJoinPool pool;

    public InProcessEvaluator(AccuracyOracle oracle, int threads) {
        this.oracle = oracle;
        this.pool = new ForkJoinPool(Math.max(1, threads), p -> {
            ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
            t.setName("maxdnn-explore");
            return t;
        }, null, false);
    }

    @Override
    public List<AccuracyOracle.Score> scores(List<ApproxMap> maps) {
        return scores(maps, java.util.Collections.nCopies(maps.size(), null));
    }

    @Override
    public List<AccuracyOracle.Score> scores(List<ApproxMap> maps, List<StoppingRule> rules) {
        List<Future<AccuracyOracle.Score>> pending = new ArrayList<>();
        for (int i = 0; i < maps.size(); i++) {
            ApproxMap m = maps.get(i);
            StoppingRule rule = rules.get(i);
            pending.add(pool.submit(() -> oracle.score(m, rule)));
        }
        return pending.stream().map(Futures::await).toList();
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
