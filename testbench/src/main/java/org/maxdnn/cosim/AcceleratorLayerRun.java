package org.maxdnn.cosim;

import java.util.LinkedHashMap;
import java.util.Map;
import org.maxdnn.accel.HostInterface;
import org.maxdnn.model.OpType;

/**
 * What one layer took on the accelerator over a run, from its own counters
 * ({@link HostInterface#COUNTERS_NAMES}, summed over the inputs): the sequencer's busy cycles split
 * into descriptor fetch, weight preload, streaming and draining (the stalls at each fold's end), every
 * memory's reads and writes, beside the cycles the {@link org.maxdnn.array.Tiling} predicts for the
 * bare array and SCALE-Sim's count; and the int8 outputs that mismatched.
 */
public record AcceleratorLayerRun(String layer, OpType op, int folds, long macs, Map<String, Long> counters,
                                  long arrayCycles, long scaleSimCycles, long mismatches) {
    public static final String CSV_HEADER = "layer,op,folds,macs,cycles,fetch,load,stream,drain,array_cycles,"
            + "scalesim_cycles,activation_reads,activation_writes,weight_reads,accumulator_reads,accumulator_writes,"
            + "parameter_reads,host_writes,mismatches";

    public AcceleratorLayerRun {
        counters = Map.copyOf(counters);
    }

    /** The sequencer's cycles for this layer: fetch, preload, stream and drain. */
    public long cycles() {
        return counters.get("busy");
    }

    public long count(String counter) {
        Long v = counters.get(counter);
        if (v == null) {
            throw new IllegalArgumentException("no counter " + counter);
        }
        return v;
    }

    public String csvRow() {
        return String.join(",", layer, op.toString(), Integer.toString(folds), Long.toString(macs),
                Long.toString(cycles()), Long.toString(count("fetch")), Long.toString(count("load")),
                Long.toString(count("stream")), Long.toString(count("drain")), Long.toString(arrayCycles),
                Long.toString(scaleSimCycles), Long.toString(count("activation.read")),
                Long.toString(count("activation.write")), Long.toString(count("weight.read")),
                Long.toString(count("accumulator.read")), Long.toString(count("accumulator.write")),
                Long.toString(count("parameter.read")), Long.toString(count("host.write")), Long.toString(mismatches));
    }

    /** Counters by name from their values in {@link HostInterface#COUNTERS_NAMES} order. */
    static Map<String, Long> named(long[] values) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            m.put(HostInterface.COUNTERS_NAMES.get(i), values[i]);
        }
        return m;
    }
}
