package org.maxdnn.explore;

import java.util.List;
import org.maxdnn.map.ApproxMap;

/**
 * Scores batches of maps on the exploration's data set: the one way every approach, the ALWANN
 * baseline included, has its candidates evaluated. The search hands over a generation at a time,
 * so an implementation may spread a batch over threads ({@link InProcessEvaluator}, the default)
 * or over the executors of a distributed engine.
 */
public interface MapEvaluator extends AutoCloseable {
    /** The score of each map, in the order given. Deterministic: a map always gets the same score. */
    List<AccuracyOracle.Score> scores(List<ApproxMap> maps);

    /**
     * The score of each map under its {@link StoppingRule} (an entry may be null: scored in full).
     * By default every map is scored in full, which a rule allows; both evaluators of the toolkit, the
     * in-process one and Spark's, apply the rules.
     */
    default List<AccuracyOracle.Score> scores(List<ApproxMap> maps, List<StoppingRule> rules) {
        return scores(maps);
    }

    /** Releases what the evaluator holds (threads, a cluster connection). */
    @Override
    default void close() {
    }

    /** Opens the evaluator of an exploration, once its oracle (model, data set, multipliers) is built. */
    @FunctionalInterface
    interface Factory {
        /** The default: {@link InProcessEvaluator} on {@code threads} threads. */
        Factory IN_PROCESS = InProcessEvaluator::new;

        MapEvaluator open(AccuracyOracle oracle, int threads);
    }
}
