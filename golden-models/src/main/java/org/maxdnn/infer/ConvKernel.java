package org.maxdnn.infer;

import org.maxdnn.mult.Multiplier;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.mult.MultiplierFamily;
import org.maxdnn.mult.MultiplierRegistry;

/**
 * One conv/FC layer compiled for a per-kernel multiplier assignment (SPEC §4):
 * acc = Σ over in-bounds taps of [f(x, w) − f(x_zp, w)] + bias, requantized. Padded taps are fed
 * x_zp, where the two terms cancel, so every output is a sum over all taps of an im2col patch.
 * Subclasses differ only in how they compute that sum.
 */
public abstract sealed class ConvKernel permits DotProductConv, MixedRoundingConv, TableConv {
    protected final ConvLayer layer;
    protected final int kernelSize;

    protected ConvKernel(ConvLayer layer) {
        this.layer = layer;
        this.kernelSize = layer.kernelSize();
    }

    /**
     * When every kernel is exact or {@code roup}: the dot-product path if the layer uses at most
     * {@link DotProductConv#MAX_PASSES} distinct R, else the mixed-rounding path; the table path
     * for anything else (roupc, tables).
     */
    public static ConvKernel compile(ConvLayer layer, MultiplierConfig[][] configs, MultiplierRegistry registry) {
        return compile(layer, configs, registry, Path.AUTO);
    }

    /** Which implementation sums a patch; tests force each to check one against the other. */
    public enum Path { AUTO, DOT_PRODUCT, MIXED_ROUNDING, TABLE }

    public static ConvKernel compile(ConvLayer layer, MultiplierConfig[][] configs, MultiplierRegistry registry,
                                     Path path) {
        Multiplier[][] f = new Multiplier[layer.outC()][layer.inC()];
        boolean closedForm = true;
        int rs = 0;
        for (int oc = 0; oc < f.length; oc++) {
            for (int ic = 0; ic < f[oc].length; ic++) {
                MultiplierConfig c = configs[oc][ic];
                f[oc][ic] = registry.get(c);
                closedForm &= c.family() == MultiplierFamily.EXACT || c.family() == MultiplierFamily.ROUP;
                rs |= 1 << c.r();
            }
        }
        if ((path == Path.DOT_PRODUCT || path == Path.MIXED_ROUNDING) && !closedForm) {
            throw new IllegalArgumentException(layer.name() + ": the " + path + " path takes exact and roup only");
        }
        if (path == Path.AUTO) {
            path = !closedForm ? Path.TABLE
                    : Integer.bitCount(rs) <= DotProductConv.MAX_PASSES ? Path.DOT_PRODUCT : Path.MIXED_ROUNDING;
        }
        return switch (path) {
            case DOT_PRODUCT -> new DotProductConv(layer, configs);
            case MIXED_ROUNDING -> new MixedRoundingConv(layer, configs);
            default -> new TableConv(layer, f);
        };
    }

    public ConvLayer layer() {
        return layer;
    }

    /** Weight of output channel oc at patch position k = (ky·kw + kx)·inC + ic. */
    protected final int weightAt(int oc, int k) {
        return layer.weights()[oc * kernelSize + k];
    }

    /** acc[oc] = Σ_k [f(patch[k], w[oc][k]) − f(x_zp, w[oc][k])] for every output channel. */
    protected abstract void accumulate(int[] patch, int[] acc, Scratch s);

    /**
     * Runs the layer on an int8 HWC input. {@code rawAcc}, when not null, receives the int32
     * accumulators (acc + bias, before requantization) in HWC order, for cosimulation.
     */
    public final void run(byte[] in, byte[] out, Scratch s, int[] rawAcc) {
        ConvLayer l = layer;
        int[] patch = s.patch;
        int[] acc = s.acc;
        int outC = l.outC();
        int o = 0;
        for (int oy = 0; oy < l.outH(); oy++) {
            for (int ox = 0; ox < l.outW(); ox++) {
                l.im2col(in, oy, ox, patch);
                java.util.Arrays.fill(acc, 0, outC, 0);
                accumulate(patch, acc, s);
                for (int oc = 0; oc < outC; oc++, o++) {
                    int a = acc[oc] + l.bias()[oc];
                    if (rawAcc != null) {
                        rawAcc[o] = a;
                    }
                    out[o] = l.requantize(oc, a);
                }
            }
        }
    }

    /** Per-thread buffers sized for the largest layer. */
    public static final class Scratch {
        final int[] patch;
        final int[] rounded;
        final int[] acc;
        final int[] index;

        public Scratch(int maxKernelSize, int maxOutC) {
            patch = new int[maxKernelSize];
            rounded = new int[maxKernelSize * (MultiplierConfig.MAX_R + 1)];
            index = new int[maxKernelSize];
            acc = new int[maxOutC];
        }
    }
}
