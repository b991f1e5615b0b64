package org.maxdnn.spark;

import java.io.Serializable;
import java.nio.file.Path;
import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.maxdnn.explore.AccuracyOracle;
import org.maxdnn.explore.StoppingRule;
import org.maxdnn.map.ApproxMap;

/**
 * The task of each RDD element, a map as JSON with its stopping rule: its score
 * ({@link AccuracyOracle#score(ApproxMap, StoppingRule)}). The oracle is built once per executor JVM
 * and exploration (the first task there builds it; the others wait), from the broadcast {@link Shipment}.
 */
final class ExecutorOracle implements Function<ExecutorOracle.Job, AccuracyOracle.Score> {
    /** One map to score, as JSON, and its rule (null: on every input). */
    record Job(String map, StoppingRule rule) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    private static final long serialVersionUID = 1L;
    /** Where executors write the shipped files (default: the executor JVM's temporary folder). */
    static final String SCRATCH = "spark.maxdnn.scratch";

    private static Shipment builtFor;
    private static Path builtIn;
    private static AccuracyOracle built;

    private final Broadcast<Shipment> shipment;

    ExecutorOracle(Broadcast<Shipment> shipment) {
        this.shipment = shipment;
    }

    @Override
    public AccuracyOracle.Score call(Job job) {
        return oracle(shipment.value()).score(ApproxMap.parse(job.map(), "a map sent by the driver"), job.rule());
    }

    private static synchronized AccuracyOracle oracle(Shipment s) {
        if (builtFor == null || !s.id.equals(builtFor.id)) {
            if (builtFor != null) { // the previous exploration's, no longer needed
                built = null;
                builtFor.delete(builtIn);
                builtFor = null;
            }
            builtIn = scratch(SparkEnv.get().conf());
            built = s.oracle(builtIn, Runtime.getRuntime().availableProcessors());
            builtFor = s;
        }
        return built;
    }

    /** Where executors write shipments: {@value #SCRATCH}, else the JVM's temporary folder. */
    static Path scratch(org.apache.spark.SparkConf conf) {
        return Path.of(conf.get(SCRATCH, System.getProperty("java.io.tmpdir")));
    }
}
