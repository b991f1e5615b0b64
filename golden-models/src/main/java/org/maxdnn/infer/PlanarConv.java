package org.maxdnn.infer;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.maxdnn.mult.ProductTerms;

/**
 * The fast path for exact, {@code roup} and {@code roupc} kernels in any mix (layer, filter or
 * kernel level), on layers with a spatial output (conv and depthwise). Each product is a sum of
 * terms weight · φ(x) ({@link ProductTerms}), so f(x, w) − f(x_zp, w) = Σ weight · (φ(x) − φ(x_zp)).
 *
 * <p>The input is laid out as planes of φ(x) − φ(x_zp), one per kind, input channel and stride phase;
 * padding holds x_zp, so it contributes nothing. An output channel then accumulates, per term, the
 * weight times the plane (of an input channel of its group) shifted by the term's tap offset, over
 * all output pixels at once, a vector of lanes per instruction (JDK Vector API). A kernel's
 * configuration only selects which planes its terms read, so a kernel-level mix costs no more per
 * term than a uniform map; zero weights (common after perforation) are dropped.
 *
 * <p>Geometry: with stride s, padded input pixel (s·i + a, s·j + b) is element (i, j) of phase plane
 * (a, b), so tap (ky, kx) of output (oy, ox) reads phase (ky mod s, kx mod s) at (oy + ky/s, ox + kx/s):
 * a constant shift of the output index oy·pitch + ox. Columns ox ≥ outW of an accumulator plane are
 * computed too (on wrapped-around data) and discarded.
 */
final class PlanarConv extends ConvKernel {
    private static final VectorSpecies<Integer> LANES = IntVector.SPECIES_PREFERRED;
    /**
     * Input channels are taken in blocks of about this many taps, so an output channel's terms come
     * in runs long enough to load and store its accumulators once per nine terms (1×1 layers too).
     */
    private static final int TERMS_PER_BLOCK = 18;

    private final int inC;
    private final int outC;
    private final int phases;
    /** Row length of a phase plane and of an accumulator plane. */
    private final int pitch;
    /** Rows of a phase plane that outputs read. */
    private final int rows;
    /** Accumulator plane length: outH rows, rounded up to whole vectors. */
    private final int span;
    /** Phase plane length: the span plus the largest tap shift, rounded up to whole vectors. */
    private final int planeLength;
    private final ProductTerms.Kind[] kinds;
    /**
     * Per block of input channels, the terms of every output channel: those of output channel oc
     * are [bound[block][oc], bound[block][oc + 1]), each a start in the planes array and a weight,
     * padded with zero-weight terms to a multiple of nine.
     */
    private final int[][] termOffset;
    private final int[][] termWeight;
    private final int[][] bound;

    PlanarConv(ConvLayer layer, ProductTerms[][] terms) {
        super(layer);
        inC = layer.inC();
        outC = layer.outC();
        int taps = layer.kh() * layer.kw();
        int sh = layer.strideH();
        int sw = layer.strideW();
        phases = sh * sw;
        pitch = layer.outW() + (layer.kw() - 1) / sw;
        rows = layer.outH() + (layer.kh() - 1) / sh;
        span = roundUp(layer.outH() * pitch);
        planeLength = roundUp(span + (layer.kh() - 1) / sh * pitch + (layer.kw() - 1) / sw);
        int[] tapOffset = new int[taps];
        for (int ky = 0; ky < layer.kh(); ky++) {
            for (int kx = 0; kx < layer.kw(); kx++) {
                tapOffset[ky * layer.kw() + kx] = (ky % sh * sw + kx % sw) * planeLength + ky / sh * pitch + kx / sw;
            }
        }

        Map<ProductTerms.Kind, Integer> slots = new LinkedHashMap<>();
        int kindStride = inC * phases * planeLength;
        int depth = layer.filterDepth();
        int blockSize = (TERMS_PER_BLOCK + taps - 1) / taps;
        int blocks = (depth + blockSize - 1) / blockSize;
        termOffset = new int[blocks][];
        termWeight = new int[blocks][];
        bound = new int[blocks][outC + 1];
        int[] offsets = new int[outC * (blockSize * taps * maxTerms(terms) + 8)];
        int[] weights = new int[offsets.length];
        int[] n = {0};
        for (int block = 0; block < blocks; block++) {
            n[0] = 0;
            for (int oc = 0; oc < outC; oc++) {
                for (int j = block * blockSize; j < Math.min(depth, (block + 1) * blockSize); j++) {
                    ProductTerms f = terms[oc][j];
                    int channelAt = (layer.firstInputChannel(oc) + j) * phases * planeLength;
                    for (int t = 0; t < taps; t++) {
                        int at = tapOffset[t] + channelAt;
                        f.terms(weightAt(oc, t * depth + j), (kind, weight) -> {
                            offsets[n[0]] = at + slot(slots, kind) * kindStride;
                            weights[n[0]++] = weight;
                        });
                    }
                }
                while ((n[0] - bound[block][oc]) % 9 != 0) {
                    offsets[n[0]] = 0; // a zero-weight term, so the terms go in nines
                    weights[n[0]++] = 0;
                }
                bound[block][oc + 1] = n[0];
            }
            termOffset[block] = Arrays.copyOf(offsets, n[0]);
            termWeight[block] = Arrays.copyOf(weights, n[0]);
        }
        kinds = slots.keySet().toArray(new ProductTerms.Kind[0]);
    }

    /** The most terms a product of {@code terms} has. */
    private static int maxTerms(ProductTerms[][] terms) {
        return Arrays.stream(terms).flatMap(Arrays::stream).mapToInt(ProductTerms::maxTerms).max().orElse(1);
    }

    /** The kind's slot: its planes (every input channel and phase) are the slot-th block of the planes array. */
    private static int slot(Map<ProductTerms.Kind, Integer> slots, ProductTerms.Kind k) {
        return slots.computeIfAbsent(k, key -> slots.size());
    }

    private static int roundUp(int n) {
        int l = LANES.length();
        return (n + l - 1) / l * l;
    }

    @Override
    public void run(byte[] in, byte[] out, Scratch s, int[] rawAcc) {
        int kindStride = inC * phases * planeLength;
        int[] planes = s.planes((kinds.length + 1) * kindStride);
        fillPlanes(in, planes, kinds.length * kindStride, kindStride);
        int[] acc = s.planeAcc(outC * span);
        Arrays.fill(acc, 0, outC * span, 0);
        for (int block = 0; block < bound.length; block++) {
            int[] off = termOffset[block];
            int[] w = termWeight[block];
            int[] b = bound[block];
            for (int oc = 0, base = 0; oc < outC; oc++, base += span) {
                for (int t = b[oc]; t < b[oc + 1]; t += 9) {
                    accumulate9(acc, base, planes, off, w, t);
                }
            }
        }
        ConvLayer l = layer;
        if (rawAcc == null) {
            // each channel's plane requantised in place, a vector at a time, then interleaved into HWC
            for (int oc = 0; oc < outC; oc++) {
                PlaneRequantization.apply(l.outputStage(), oc, l.bias()[oc], acc, oc * span, span);
            }
            int o = 0;
            for (int oy = 0; oy < l.outH(); oy++) {
                for (int ox = 0, p = oy * pitch; ox < l.outW(); ox++, p++) {
                    for (int at = p; at < outC * span; at += span) {
                        out[o++] = (byte) acc[at];
                    }
                }
            }
            return;
        }
        for (int oc = 0; oc < outC; oc++) {
            int bias = l.bias()[oc];
            for (int oy = 0; oy < l.outH(); oy++) {
                int o = oy * l.outW() * outC + oc;
                for (int ox = 0, p = oc * span + oy * pitch; ox < l.outW(); ox++, p++, o += outC) {
                    int a = acc[p] + bias;
                    rawAcc[o] = a;
                    out[o] = l.requantize(oc, a);
                }
            }
        }
    }

    /**
     * The raw input codes, as phase planes at {@code xAt} padded with x_zp, then each kind's planes
     * φ(x) − φ(x_zp) from them, a vector at a time.
     */
    private void fillPlanes(byte[] in, int[] planes, int xAt, int kindStride) {
        ConvLayer l = layer;
        int zp = l.inZeroPoint();
        Arrays.fill(planes, xAt, xAt + kindStride, zp);
        int sh = l.strideH();
        int sw = l.strideW();
        for (int iy = 0; iy < l.inH(); iy++) {
            int py = iy + l.padTop();
            if (py / sh >= rows) {
                continue;
            }
            for (int ix = 0; ix < l.inW(); ix++) {
                int px = ix + l.padLeft();
                if (px / sw >= pitch) {
                    continue;
                }
                int at = xAt + (py % sh * sw + px % sw) * planeLength + py / sh * pitch + px / sw;
                int src = (iy * l.inW() + ix) * inC;
                for (int ic = 0; ic < inC; ic++, at += phases * planeLength) {
                    planes[at] = in[src + ic];
                }
            }
        }
        int step = LANES.length();
        for (int k = 0; k < kinds.length; k++) {
            ProductTerms.Kind kind = kinds[k];
            int dst = k * kindStride;
            int zero = kind.apply(zp);
            for (int p = 0; p < kindStride; p += step) {
                IntVector x = IntVector.fromArray(LANES, planes, xAt + p);
                if (kind.s() == 0) {
                    x.mul(kind.m()).sub(zero).intoArray(planes, dst + p);
                } else {
                    x.mul(kind.m()).add(kind.c()).lanewise(VectorOperators.ASHR, kind.s())
                            .lanewise(VectorOperators.LSHL, kind.s()).sub(zero).intoArray(planes, dst + p);
                }
            }
        }
    }

    /** acc[base + p] += Σ of 9 terms w_t · planes[off_t + p]: one load and store of acc per 9 terms. */
    private void accumulate9(int[] acc, int base, int[] u, int[] off, int[] w, int t) {
        int o0 = off[t], o1 = off[t + 1], o2 = off[t + 2], o3 = off[t + 3], o4 = off[t + 4];
        int o5 = off[t + 5], o6 = off[t + 6], o7 = off[t + 7], o8 = off[t + 8];
        int w0 = w[t], w1 = w[t + 1], w2 = w[t + 2], w3 = w[t + 3], w4 = w[t + 4];
        int w5 = w[t + 5], w6 = w[t + 6], w7 = w[t + 7], w8 = w[t + 8];
        int step = LANES.length();
        for (int p = 0; p < span; p += step) {
            IntVector.fromArray(LANES, acc, base + p)
                    .add(IntVector.fromArray(LANES, u, o0 + p).mul(w0))
                    .add(IntVector.fromArray(LANES, u, o1 + p).mul(w1))
                    .add(IntVector.fromArray(LANES, u, o2 + p).mul(w2))
                    .add(IntVector.fromArray(LANES, u, o3 + p).mul(w3))
                    .add(IntVector.fromArray(LANES, u, o4 + p).mul(w4))
                    .add(IntVector.fromArray(LANES, u, o5 + p).mul(w5))
                    .add(IntVector.fromArray(LANES, u, o6 + p).mul(w6))
                    .add(IntVector.fromArray(LANES, u, o7 + p).mul(w7))
                    .add(IntVector.fromArray(LANES, u, o8 + p).mul(w8))
                    .intoArray(acc, base + p);
        }
    }
}
