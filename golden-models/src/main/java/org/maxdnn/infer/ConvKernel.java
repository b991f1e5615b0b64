package org.maxdnn.infer;

import java.util.HashSet;
import java.util.Set;
import org.maxdnn.model.OpType;
import org.maxdnn.mult.Multiplier;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.mult.MultiplierRegistry;
import org.maxdnn.mult.ProductTerms;

/**
 * One conv, depthwise or FC layer compiled for a per-kernel multiplier assignment (SPEC §4, §12):
 * acc = Σ over in-bounds taps of [f(x, w) − f(x_zp, w)] + bias, requantized. Padded taps are fed
 * x_zp, where the two terms cancel. Subclasses differ only in how they compute the sums.
 */
public abstract sealed class ConvKernel permits PlanarConv, VectorFullyConnected, PatchConv {
    /**
     * Whether the JDK Vector API is resolved ({@code java --add-modules jdk.incubator.vector}, as the
     * launcher and the tests run): {@link PlanarConv} and {@link VectorFullyConnected} need it.
     */
    public static final boolean VECTOR_API = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    protected final ConvLayer layer;
    protected final int kernelSize;

    protected ConvKernel(ConvLayer layer) {
        this.layer = layer;
        this.kernelSize = layer.kernelSize();
    }

    /**
     * The planar path ({@link VectorFullyConnected} for FC layers) when every kernel's multiplier
     * decomposes into {@link ProductTerms} (exact, {@code roup}, {@code roupc}); without the Vector
     * API, the dot-product path for ungrouped layers whose kernels' products are separable (exact,
     * {@code roup}) with at most {@link DotProductConv#MAX_PASSES} distinct activation kinds (R); the
     * table path for anything else.
     */
    public static ConvKernel compile(ConvLayer layer, MultiplierConfig[][] configs, MultiplierRegistry registry) {
        return compile(layer, configs, registry, Path.AUTO);
    }

    /**
     * Which implementation computes the sums; tests force each to check one against the other.
     * PLANAR is the vectorised path of the layer's kind ({@link PlanarConv}, {@link VectorFullyConnected}).
     * AUTO_UNGROUPED is AUTO with {@link PlanarConv} summing every output channel alone (no groups of
     * channels sharing plane loads): the baseline {@code bench} times the groups against, in one process.
     */
    public enum Path { AUTO, AUTO_UNGROUPED, PLANAR, DOT_PRODUCT, TABLE }

    /** {@code configs} is [outC][filterDepth], as {@code ApproxMap.resolve} gives it. */
    public static ConvKernel compile(ConvLayer layer, MultiplierConfig[][] configs, MultiplierRegistry registry,
                                     Path path) {
        Multiplier[][] f = new Multiplier[layer.outC()][layer.filterDepth()];
        ProductTerms[][] terms = new ProductTerms[f.length][];
        boolean closedForm = layer.groups() == 1;
        boolean planar = !layer.window().stuffed(); // the planar kernels read no zero-stuffed input
        Set<ProductTerms.Kind> kinds = new HashSet<>();
        for (int oc = 0; oc < f.length; oc++) {
            terms[oc] = new ProductTerms[f[oc].length];
            for (int j = 0; j < f[oc].length; j++) {
                f[oc][j] = registry.get(configs[oc][j]);
                if (f[oc][j] instanceof ProductTerms t) {
                    terms[oc][j] = t;
                    closedForm &= t.separableKind() != null;
                    kinds.add(t.separableKind());
                } else {
                    planar = false;
                    closedForm = false;
                }
            }
        }
        if (path == Path.DOT_PRODUCT && !closedForm) {
            throw new IllegalArgumentException(layer.name() + ": the " + path
                    + " path takes ungrouped layers whose products are separable (exact and roup) only");
        }
        if (path == Path.PLANAR && !planar) {
            throw new IllegalArgumentException(layer.name() + ": the planar path takes multipliers that decompose "
                    + "into product terms (exact, roup and roupc) only");
        }
        if (path == Path.PLANAR && !VECTOR_API) {
            throw new IllegalStateException("the planar path needs the JDK Vector API: run java with "
                    + "--add-modules jdk.incubator.vector");
        }
        boolean grouping = path != Path.AUTO_UNGROUPED;
        if (path == Path.AUTO || path == Path.AUTO_UNGROUPED) {
            path = planar && VECTOR_API ? Path.PLANAR
                    : closedForm && kinds.size() <= DotProductConv.MAX_PASSES ? Path.DOT_PRODUCT : Path.TABLE;
        }
        return switch (path) {
            case PLANAR -> layer.op() == OpType.FULLY_CONNECTED ? new VectorFullyConnected(layer, terms)
                    : new PlanarConv(layer, terms, grouping);
            case DOT_PRODUCT -> new DotProductConv(layer, terms);
            default -> new TableConv(layer, f);
        };
    }

    public ConvLayer layer() {
        return layer;
    }

    /** Weight of output channel oc at kernel position k = (ky·kw + kx)·filterDepth + j. */
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
        private float[] floatPlanes = new float[0];
        private int[] rowAt = new int[0];
        private int[] factor = new int[0];

        /** {@code maxPatchSize}: the largest {@link ConvLayer#patchSize()}. */
        public Scratch(int maxPatchSize, int maxOutC) {
            patch = new int[maxPatchSize];
            rounded = new int[maxPatchSize];
            index = new int[maxPatchSize];
            acc = new int[maxOutC];
        }

        /** {@link PlanarConv}'s planes of input codes, at least {@code size} long (they depend on the map, so grow on demand). */
        int[] planes(int size) {
            if (planes.length < size) {
                planes = new int[size];
            }
            return planes;
        }

        /** {@link PlanarConv}'s planes of product-term values, at least {@code size} long. */
        float[] floatPlanes(int size) {
            if (floatPlanes.length < size) {
                floatPlanes = new float[size];
            }
            return floatPlanes;
        }

        /** {@link PlanarConv}'s accumulator planes, one per output channel; {@link VectorFullyConnected}'s accumulators. */
        int[] planeAcc(int size) {
            if (planeAcc.length < size) {
                planeAcc = new int[size];
            }
            return planeAcc;
        }

        /** {@link VectorFullyConnected}'s list of weight rows to add. */
        int[] rowAt(int size) {
            if (rowAt.length < size) {
                rowAt = new int[size];
            }
            return rowAt;
        }

        /** {@link VectorFullyConnected}'s factor of each row in {@link #rowAt}. */
        int[] factor(int size) {
            if (factor.length < size) {
                factor = new int[size];
            }
            return factor;
        }
    }
}
