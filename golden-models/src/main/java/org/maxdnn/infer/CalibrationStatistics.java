package org.maxdnn.infer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.mult.MultiplierRegistry;

/**
 * What bias compensation needs to know about a calibration set: for every conv, depthwise and FC
 * layer, how often each int8 value appears at each position of the layer's im2col patch (index
 * (ky·kw + kx)·inC + ic, padded taps counted as the input zero point they are fed), over every
 * output pixel of every input, as the <em>exact</em> network computes the layer's input. A channel's
 * mean error under any multipliers is then a weighted sum over these counts, so one pass over the
 * data serves every map an exploration tries.
 */
public final class CalibrationStatistics {
    private final Network net;
    private final Map<String, long[]> histograms = new LinkedHashMap<>();
    private final int inputs;

    private CalibrationStatistics(Network net, int inputs) {
        this.net = net;
        this.inputs = inputs;
    }

    /** Counts over {@code inputs} (each in unsigned form, as {@link InferencePlan#run} takes them). */
    public static CalibrationStatistics collect(Network net, List<byte[]> inputs, MultiplierRegistry registry) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("calibration needs at least one input");
        }
        CalibrationStatistics s = new CalibrationStatistics(net, inputs.size());
        for (ConvLayer l : net.weightedLayers()) {
            s.histograms.put(l.name(), new long[l.patchSize() * 256]);
        }
        InferencePlan exact = InferencePlan.compile(net, ApproxMap.exact(), registry);
        Workspace ws = exact.newWorkspace();
        int[] patch = new int[net.weightedLayers().stream().mapToInt(ConvLayer::patchSize).max().orElse(0)];
        for (byte[] in : inputs) {
            exact.run(in, ws, (layer, input, acc, out) -> {
                long[] h = s.histograms.get(layer.name());
                for (int oy = 0; oy < layer.outH(); oy++) {
                    for (int ox = 0; ox < layer.outW(); ox++) {
                        layer.im2col(input, oy, ox, patch);
                        for (int p = 0; p < layer.patchSize(); p++) {
                            h[(p << 8) + patch[p] + 128]++;
                        }
                    }
                }
            });
        }
        return s;
    }

    public Network network() {
        return net;
    }

    /** How many inputs were counted. */
    public int inputs() {
        return inputs;
    }

    /** Outputs of one channel of {@code layer} counted: inputs × output pixels. */
    public long outputs(ConvLayer layer) {
        return (long) inputs * layer.outH() * layer.outW();
    }

    /**
     * The counts of {@code layer}: how often value x appears at patch position p is at index
     * (p << 8) + x + 128. Shared: do not modify.
     */
    public long[] histogram(ConvLayer layer) {
        return histograms.get(layer.name());
    }
}
