package org.maxdnn.explore;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.maxdnn.data.LabeledImage;
import org.maxdnn.infer.ConvLayer;
import org.maxdnn.infer.InferencePlan;
import org.maxdnn.infer.Network;
import org.maxdnn.infer.QuantizedMultiplier;
import org.maxdnn.infer.Workspace;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.mult.Multiplier;

/**
 * How much error a probe multiplier injects into each filter and each kernel of every conv, depthwise and FC layer,
 * measured on the real activations of the exact network: the mean absolute accumulator error,
 * converted to output quantisation steps by the channel's requantisation scale. A unit with a
 * small score is tolerant: its errors stay below the output's resolution or cancel. The ranked
 * filter and kernel approaches approximate the tolerant units harder.
 *
 * <p>Why this measure: the output of a conv layer is int8 after requantisation, so an error only
 * matters in units of that layer's output step; scaling by s_in·s_w/s_out makes filters with very
 * different weight scales comparable, and measuring on real activations (most are at the ReLU zero
 * point) weighs the weights by how they are actually used.
 */
public final class Sensitivity {
    /** Per layer: filter scores [oc] and kernel scores [oc][j], j over the filter's depth, in output steps per output. */
    public record LayerScores(double[] filters, double[][] kernels) {
        /** Filter indices from most tolerant (smallest score) to most sensitive. */
        public int[] filterOrder() {
            return IntStream.range(0, filters.length).boxed()
                    .sorted(Comparator.comparingDouble((Integer i) -> filters[i]).thenComparing(i -> i))
                    .mapToInt(Integer::intValue).toArray();
        }

        /** Kernel indices oc·depth + j (j over the filter's depth) from most tolerant to most sensitive. */
        public int[] kernelOrder() {
            int inC = kernels[0].length;
            return IntStream.range(0, kernels.length * inC).boxed()
                    .sorted(Comparator.comparingDouble((Integer i) -> kernels[i / inC][i % inC]).thenComparing(i -> i))
                    .mapToInt(Integer::intValue).toArray();
        }
    }

    private Sensitivity() {
    }

    public static Map<String, LayerScores> measure(Network net, List<LabeledImage> images, Multiplier probe,
                                                   org.maxdnn.mult.MultiplierRegistry registry) {
        InferencePlan exact = InferencePlan.compile(net, ApproxMap.exact(), registry);
        Map<String, double[]> filterSums = new LinkedHashMap<>();
        Map<String, double[][]> kernelSums = new LinkedHashMap<>();
        Map<String, Long> outputs = new LinkedHashMap<>();
        int[] f = probe.table();
        Workspace ws = exact.newWorkspace();
        for (LabeledImage im : images) {
            exact.run(im.pixels(), ws, (layer, in, acc, out) -> {
                double[] fs = filterSums.computeIfAbsent(layer.name(), k -> new double[layer.outC()]);
                double[][] ks = kernelSums.computeIfAbsent(layer.name(), k -> new double[layer.outC()][layer.filterDepth()]);
                accumulate(layer, in, f, fs, ks);
                outputs.merge(layer.name(), (long) layer.outH() * layer.outW(), Long::sum);
            });
        }
        Map<String, LayerScores> out = new LinkedHashMap<>();
        for (ConvLayer l : net.weightedLayers()) {
            if (!filterSums.containsKey(l.name())) {
                continue;
            }
            double n = outputs.get(l.name());
            double[] fs = filterSums.get(l.name());
            double[][] ks = kernelSums.get(l.name());
            for (int oc = 0; oc < l.outC(); oc++) {
                double scale = realScale(l.requant()[oc]) / n;
                fs[oc] *= scale;
                for (int j = 0; j < l.filterDepth(); j++) {
                    ks[oc][j] *= scale;
                }
            }
            out.put(l.name(), new LayerScores(fs, ks));
        }
        return out;
    }

    /**
     * Σ over outputs of |Σ_j e| per filter and of |e| per kernel, e = Σ_taps f(x,w) − f(zp,w) − (x − zp)·w,
     * j over the filter's depth (all input channels for conv and FC, its one channel for depthwise).
     */
    private static void accumulate(ConvLayer l, byte[] in, int[] f, double[] fs, double[][] ks) {
        int zp = l.inZeroPoint();
        int depth = l.filterDepth();
        long[] e = new long[depth];
        for (int oy = 0; oy < l.outH(); oy++) {
            for (int ox = 0; ox < l.outW(); ox++) {
                for (int oc = 0; oc < l.outC(); oc++) {
                    Arrays.fill(e, 0);
                    for (int ky = 0; ky < l.kh(); ky++) {
                        int iy = oy * l.strideH() - l.padTop() + ky;
                        if (iy < 0 || iy >= l.inH()) {
                            continue;
                        }
                        for (int kx = 0; kx < l.kw(); kx++) {
                            int ix = ox * l.strideW() - l.padLeft() + kx;
                            if (ix < 0 || ix >= l.inW()) {
                                continue;
                            }
                            int base = (iy * l.inW() + ix) * l.inC() + l.firstInputChannel(oc);
                            for (int j = 0; j < depth; j++) {
                                int x = in[base + j];
                                int w = l.weight(oc, ky, kx, j);
                                e[j] += f[Multiplier.index(x, w)] - f[Multiplier.index(zp, w)] - (x - zp) * w;
                            }
                        }
                    }
                    long total = 0;
                    for (int j = 0; j < depth; j++) {
                        ks[oc][j] += Math.abs(e[j]);
                        total += e[j];
                    }
                    fs[oc] += Math.abs(total);
                }
            }
        }
    }

    /** The real value of a (Q31 multiplier, shift) pair. */
    static double realScale(QuantizedMultiplier q) {
        return q.multiplier() * Math.pow(2, q.shift() - 31);
    }
}
