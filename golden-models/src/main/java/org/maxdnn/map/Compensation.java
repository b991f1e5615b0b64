package org.maxdnn.map;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.maxdnn.infer.CalibrationStatistics;
import org.maxdnn.infer.ConvLayer;
import org.maxdnn.infer.Network;
import org.maxdnn.mult.Multiplier;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.mult.MultiplierRegistry;

/**
 * Bias compensation (issue #16): an approximate multiplier's systematic error shifts each output
 * channel's accumulator by about the same amount on every output, and the array adds an int32 bias
 * anyway, so the shift is cancelled for free by subtracting it from the bias.
 *
 * <p>With the golden model's accumulation (SPEC §4) an output of channel oc is
 * acc = Σ over taps [f(x, w) − f(x_zp, w)] + bias, whose exact value is Σ (x − x_zp)·w + bias; its
 * error is Σ over the channel's kernel positions of e_f(x, w) = f(x, w) − f(x_zp, w) − (x − x_zp)·w,
 * with f the kernel's own multiplier (ALWANN's weight-tuned tables included) and w the model's int8
 * weight. A padded tap is fed x_zp, where e_f = 0. The correction of channel oc is the mean of that
 * error over every output pixel of every calibration input, rounded half away from zero, with the
 * layer inputs as the exact network computes them ({@link CalibrationStatistics}): the same
 * statistics serve every map, and the correction of a layer does not depend on the approximations
 * before it. Layers whose multipliers are all exact get no entry; the result replaces any
 * compensation the map had.
 */
public final class Compensation {
    private Compensation() {
    }

    /** {@code map} compensated over {@code inputs} (unsigned form, as the golden model takes them). */
    public static ApproxMap calibrate(Network net, ApproxMap map, List<byte[]> inputs, MultiplierRegistry registry) {
        return of(map, CalibrationStatistics.collect(net, inputs, registry), registry);
    }

    /** {@code map} compensated with the corrections its multipliers need on {@code stats}' data. */
    public static ApproxMap of(ApproxMap map, CalibrationStatistics stats, MultiplierRegistry registry) {
        map.validate(stats.network(), "(in memory)");
        Map<String, List<Integer>> out = new LinkedHashMap<>();
        for (ConvLayer l : stats.network().weightedLayers()) {
            MultiplierConfig[][] configs = map.resolve(l);
            if (!ApproxMap.allExact(configs)) {
                out.put(l.name(), java.util.Arrays.stream(corrections(l, configs, stats, registry)).boxed().toList());
            }
        }
        return map.withCompensation(out);
    }

    /** The rounded mean accumulator error of each output channel of {@code layer}. */
    static int[] corrections(ConvLayer layer, MultiplierConfig[][] configs, CalibrationStatistics stats,
                             MultiplierRegistry registry) {
        long[] h = stats.histogram(layer);
        long outputs = stats.outputs(layer);
        int zp = layer.inZeroPoint();
        int depth = layer.filterDepth();
        int[] out = new int[layer.outC()];
        for (int oc = 0; oc < layer.outC(); oc++) {
            long sum = 0;
            int first = layer.firstInputChannel(oc);
            for (int k = 0; k < layer.kernelSize(); k++) {
                int tap = k / depth;
                int j = k % depth;
                MultiplierConfig c = configs[oc][j];
                if (c.isExactByDefinition()) {
                    continue;
                }
                int[] t = registry.get(c).table();
                int w = layer.weights()[oc * layer.kernelSize() + k];
                int atZp = t[Multiplier.index(zp, w)];
                int base = (tap * layer.inC() + first + j) << 8;
                for (int x = -128; x < 128; x++) {
                    long n = h[base + x + 128];
                    if (n != 0) {
                        sum += n * (t[Multiplier.index(x, w)] - atZp - (x - zp) * w);
                    }
                }
            }
            out[oc] = roundedMean(sum, outputs);
        }
        return out;
    }

    /** sum / count rounded half away from zero, as an int32 (saturated). */
    static int roundedMean(long sum, long count) {
        long q = (2 * Math.abs(sum) + count) / (2 * count);
        long v = sum < 0 ? -q : q;
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
    }
}
