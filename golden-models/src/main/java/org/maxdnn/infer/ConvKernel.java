package org.maxdnn.infer;

import org.maxdnn.mult.Multiplier;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.mult.MultiplierFamily;
import org.maxdnn.mult.MultiplierRegistry;

/**
 * One conv/FC layer compiled for a per-kernel multiplier assignment (SPEC §4):
 * acc = Σ over in-bounds taps of [f(x, w) − f(x_zp, w)] + bias, requantized. Padded taps are fed
 * x_zp, where the two terms cancel. Subclasses differ only in how they compute the sums.
 */
public abstract sealed class ConvKernel permits PlanarConv, PatchConv {
    /**
     * Whether the JDK Vector API is resolved ({@code java --add-modules jdk.incubator.vector}, as the
     * launcher and the tests run): {@link PlanarConv} needs it.
     */
    public static final boolean VECTOR_API = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    protected final ConvLayer layer;
    protected final int kernelSize;

    protected ConvKernel(ConvLayer layer) {
        this.layer = layer;
        this.kernelSize = layer.kernelSize();
    }

    /**
     * The planar path when every kernel is exact, {@code roup} or {@code roupc}; without the Vector
     * API, the dot-product path for exact and {@code roup} kernels using at most
     * {@link DotProductConv#MAX_PASSES} distinct R; the table path for anything else.
     */
    public static ConvKernel compile(ConvLayer layer, MultiplierConfig[][] configs, MultiplierRegistry registry) {
        return compile(layer, configs, registry, Path.AUTO);
    }

    /** Which implementation computes the sums; tests force each to check one against the other. */
    public enum Path { AUTO, PLANAR, DOT_PRODUCT, TABLE }

    public static ConvKernel compile(ConvLayer layer, MultiplierConfig[][] configs, MultiplierRegistry registry,
                                     Path path) {
        Multiplier[][] f = new Multiplier[layer.outC()][layer.inC()];
        boolean closedForm = true;
        boolean planar = true;
        int rs = 0;
        for (int oc = 0; oc < f.length; oc++) {
            for (int ic = 0; ic < f[oc].length; ic++) {
                MultiplierConfig c = configs[oc][ic];
                f[oc][ic] = registry.get(c);
                boolean roup = c.family() == MultiplierFamily.EXACT || c.family() == MultiplierFamily.ROUP;
                closedForm &= roup;
                planar &= roup || c.family() == MultiplierFamily.ROUPC;
                rs |= 1 << c.r();
            }
        }
        if (path == Path.DOT_PRODUCT && !closedForm) {
            throw new IllegalArgumentException(layer.name() + ": the " + path + " path takes exact and roup only");
        }
        if (path == Path.PLANAR && !planar) {
            throw new IllegalArgumentException(layer.name() + ": the planar path takes exact, roup and roupc only");
        }
        if (path == Path.PLANAR && !VECTOR_API) {
            throw new IllegalStateException("the planar path needs the JDK Vector API: run java with "
                    + "--add-modules jdk.incubator.vector");
        }
        if (path == Path.AUTO) {
            path = planar && VECTOR_API ? Path.PLANAR
                    : closedForm && Integer.bitCount(rs) <= DotProductConv.MAX_PASSES ? Path.DOT_PRODUCT : Path.TABLE;
        }
        return switch (path) {
            case PLANAR -> new PlanarConv(layer, configs);
            case DOT_PRODUCT -> new DotProductConv(layer, configs);
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

    /**
     * Runs the layer on an int8 HWC input. {@code rawAcc}, when not null, receives the int32
     * accumulators (acc + bias, before requantization) in HWC order, for cosimulation.
     */
    public abstract void run(byte[] in, byte[] out, Scratch s, int[] rawAcc);

    /** Per-thread buffers sized for the largest layer. */
    public static final class Scratch {
        final int[] patch;
        final int[] rounded;
        final int[] acc;
        final int[] index;
        private int[] planes = new int[0];
        private int[] planeAcc = new int[0];

        public Scratch(int maxKernelSize, int maxOutC) {
            patch = new int[maxKernelSize];
            rounded = new int[maxKernelSize];
            index = new int[maxKernelSize];
            acc = new int[maxOutC];
        }

        /** {@link PlanarConv}'s input planes, at least {@code size} long (they depend on the map, so grow on demand). */
        int[] planes(int size) {
            if (planes.length < size) {
                planes = new int[size];
            }
            return planes;
        }

        /** {@link PlanarConv}'s accumulator planes, one per output channel. */
        int[] planeAcc(int size) {
            if (planeAcc.length < size) {
                planeAcc = new int[size];
            }
            return planeAcc;
        }
    }
}
