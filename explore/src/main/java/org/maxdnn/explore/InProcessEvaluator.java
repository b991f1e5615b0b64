package org.maxdnn.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.maxdnn.io.Futures;
import org.maxdnn.map.ApproxMap;

/** The default {@link MapEvaluator}: the maps of a batch scored in parallel on this JVM's threads. */
public final class InProcessEvaluator implements MapEvaluator {
    private final AccuracyOracle oracle;
    private final ExecutorService pool;

    public InProcessEvaluator(AccuracyOracle oracle, int threads) {
        this.oracle = oracle;
        this.pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "maxdnn-explore");
            t.setDaemon(true);
            return t;
        });
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
