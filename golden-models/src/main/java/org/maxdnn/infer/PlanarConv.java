package org.maxdnn.infer;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.maxdnn.mult.ProductTerms;

/**
 * The fast path for exact, {@code roup} and {@code roupc} kernels in any mix (layer, filter or
 * kernel level), on layers with a spatial output (conv and depthwise). Each product is a sum of
 * terms weight · φ(x) ({@link ProductTerms}), so f(x, w) − f(x_zp, w) = Σ weight · (φ(x) − φ(x_zp)).
 *
 * <p>The input is laid out as planes of φ(x) − φ(x_zp), one per kind, input channel and stride phase
 * (those a tap reads); padding holds x_zp, so it contributes nothing. An output channel then
 * accumulates, per term, the weight times the plane (of an input channel of its group) shifted by the
 * term's tap offset, over the output pixels a block of vectors at a time (JDK Vector API), the block's
 * sums held in registers over all the channel's terms. A kernel's configuration only selects which
 * planes its terms read, so a kernel-level mix costs no more per term than a uniform map; zero
 * weights (common after perforation) are dropped.
 *
 * <p>The multiply-adds run on float lanes (fused multiply-add: 8 per AVX2 instruction, where the
 * JDK 17 Vector API has no int8 or int16 multiply-add), and are exact: the terms are integers, and
 * an output channel's terms are cut into chunks whose sum of |weight| · max |φ(x) − φ(x_zp)| is below
 * 2^22, so every partial sum of a chunk, offset by 1.5 · 2^23, is an integer in (2^23, 2^24) where
 * floats are exact; its bits minus those of the offset are the int sum, added to int lanes.
 *
 * <p>Geometry: with stride s, padded input pixel (s·i + a, s·j + b) is element (i, j) of phase plane
 * (a, b), so tap (ky, kx) of output (oy, ox) reads phase (ky mod s, kx mod s) at (oy + ky/s, ox + kx/s):
 * a constant shift of the output index oy·pitch + ox. Columns ox ≥ outW of an accumulator plane are
 * computed too (on wrapped-around data) and discarded.
 */
final class PlanarConv extends ConvKernel {
    private static final VectorSpecies<Integer> LANES = IntVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
    /** Vectors of output positions whose accumulators stay in registers over an output channel's terms. */
    private static final int BLOCK = 4;
    /**
     * 1.5 · 2^23 as float bits: every integer v with |v| < 2^22 is exact in magic + v, whose bits are
     * MAGIC_BITS + v, so int ↔ float conversions are an add and a reinterpretation.
     */
    private static final int MAGIC_BITS = 0x4B400000;
    private static final float MAGIC_FLOAT = Float.intBitsToFloat(MAGIC_BITS);
    /** A chunk of terms summed in float never reaches this (|magic + sum − magic| < 2^22 keeps every step exact). */
    private static final long FLOAT_EXACT = 1L << 22;

    private final int inC;
    private final int outC;
    private final int phases;
    /** Row length of a phase plane and of an accumulator plane. */
    private final int pitch;
    /**
     * Accumulator plane length: outH rows, rounded up to whole blocks of {@link #BLOCK} vectors (a
     * single vector's sum would be one chain of dependent multiply-adds).
     */
    private final int span;
    /** Phase plane length: the span plus the largest tap shift, rounded up to whole vectors. */
    private final int planeLength;
    private final ProductTerms.Kind[] kinds;
    /** Per padded input row and column: its part of the offset in the code planes, −1 when no output reads it. */
    private final int[] rowAt;
    private final int[] colAt;
    /** Per phase: whether a tap reads it. */
    private final boolean[] phaseUsed;
    /**
     * Every output channel's terms in turn, each a start in the planes array and a weight: those of
     * output channel oc are [termStart[oc], termStart[oc + 1]), cut into chunks (ends in chunkEnd,
     * those of oc at [firstChunk[oc], firstChunk[oc + 1])) whose sum of |weight| · max |φ(x) − φ(x_zp)|
     * stays below {@link #FLOAT_EXACT}, so a chunk's sum in float lanes is exact.
     */
    private final int[] termOffset;
    private final float[] termWeight;
    private final int[] termStart;
    private final int[] chunkEnd;
    private final int[] firstChunk;

    PlanarConv(ConvLayer layer, ProductTerms[][] terms) {
        super(layer);
        inC = layer.inC();
        outC = layer.outC();
        int taps = layer.kh() * layer.kw();
        int sh = layer.strideH();
        int sw = layer.strideW();
        phases = sh * sw;
        pitch = layer.outW() + (layer.kw() - 1) / sw;
        int rows = layer.outH() + (layer.kh() - 1) / sh;
        span = roundUp(layer.outH() * pitch, BLOCK * LANES.length());
        planeLength = roundUp(span + (layer.kh() - 1) / sh * pitch + (layer.kw() - 1) / sw, LANES.length());
        int[] tapOffset = new int[taps];
        phaseUsed = new boolean[phases];
        for (int ky = 0; ky < layer.kh(); ky++) {
            for (int kx = 0; kx < layer.kw(); kx++) {
                tapOffset[ky * layer.kw() + kx] = (ky % sh * sw + kx % sw) * planeLength + ky / sh * pitch + kx / sw;
                phaseUsed[ky % sh * sw + kx % sw] = true;
            }
        }
        rowAt = new int[layer.inH()];
        for (int iy = 0; iy < rowAt.length; iy++) {
            int py = iy + layer.padTop();
            boolean read = py / sh < rows && py % sh < layer.kh();
            rowAt[iy] = read ? py % sh * sw * planeLength + py / sh * pitch : -1;
        }
        colAt = new int[layer.inW()];
        for (int ix = 0; ix < colAt.length; ix++) {
            int px = ix + layer.padLeft();
            boolean read = px / sw < pitch && px % sw < layer.kw();
            colAt[ix] = read ? px % sw * planeLength + px / sw : -1;
        }

        Map<ProductTerms.Kind, Integer> slots = new LinkedHashMap<>();
        int kindStride = inC * phases * planeLength;
        int depth = layer.filterDepth();
        int[] offsets = new int[outC * depth * taps * maxTerms(terms)];
        int[] weights = new int[offsets.length];
        ProductTerms.Kind[] termKinds = new ProductTerms.Kind[offsets.length];
        int[] n = {0};
        termStart = new int[outC + 1];
        for (int oc = 0; oc < outC; oc++) {
            for (int j = 0; j < depth; j++) {
                ProductTerms f = terms[oc][j];
                int channelAt = (layer.firstInputChannel(oc) + j) * phases * planeLength;
                for (int t = 0; t < taps; t++) {
                    int at = tapOffset[t] + channelAt;
                    f.terms(weightAt(oc, t * depth + j), (kind, weight) -> {
                        offsets[n[0]] = at + slot(slots, kind) * kindStride;
                        termKinds[n[0]] = kind;
                        weights[n[0]++] = weight;
                    });
                }
            }
            termStart[oc + 1] = n[0];
        }
        termOffset = Arrays.copyOf(offsets, n[0]);
        termWeight = new float[n[0]];
        kinds = slots.keySet().toArray(new ProductTerms.Kind[0]);
        Map<ProductTerms.Kind, Long> largest = new LinkedHashMap<>();
        for (ProductTerms.Kind k : kinds) {
            largest.put(k, largestDifference(k, layer.inZeroPoint()));
        }
        int[] ends = new int[n[0] + outC];
        firstChunk = new int[outC + 1];
        int chunks = 0;
        for (int oc = 0; oc < outC; oc++) {
            long sum = 0;
            for (int t = termStart[oc]; t < termStart[oc + 1]; t++) {
                termWeight[t] = weights[t];
                long bound = Math.abs((long) weights[t]) * largest.get(termKinds[t]);
                if (bound >= FLOAT_EXACT) {
                    throw new IllegalArgumentException(layer.name() + ": a product term of weight " + weights[t]
                            + " is too large for the planar path");
                }
                if (sum + bound >= FLOAT_EXACT) {
                    ends[chunks++] = t;
                    sum = 0;
                }
                sum += bound;
            }
            if (termStart[oc + 1] > termStart[oc]) {
                ends[chunks++] = termStart[oc + 1];
            }
            firstChunk[oc + 1] = chunks;
        }
        chunkEnd = Arrays.copyOf(ends, chunks);
    }

    /** max |φ(x) − φ(x_zp)| over the int8 codes x. */
    private static long largestDifference(ProductTerms.Kind kind, int zp) {
        long most = 0;
        for (int x = -128; x < 128; x++) {
            most = Math.max(most, Math.abs((long) kind.apply(x) - kind.apply(zp)));
        }
        return most;
    }

    /** The most terms a product of {@code terms} has. */
    private static int maxTerms(ProductTerms[][] terms) {
        return Arrays.stream(terms).flatMap(Arrays::stream).mapToInt(ProductTerms::maxTerms).max().orElse(1);
    }

    /** The kind's slot: its planes (every input channel and phase) are the slot-th block of the planes array. */
    private static int slot(Map<ProductTerms.Kind, Integer> slots, ProductTerms.Kind k) {
        return slots.computeIfAbsent(k, key -> slots.size());
    }

    private static int roundUp(int n, int multiple) {
        return (n + multiple - 1) / multiple * multiple;
    }

    @Override
    public void run(byte[] in, byte[] out, Scratch s, int[] rawAcc) {
        int kindStride = inC * phases * planeLength;
        int[] codes = s.planes(kindStride);
        float[] planes = s.floatPlanes(kinds.length * kindStride);
        fillPlanes(in, codes, planes, kindStride);
        int[] acc = s.planeAcc(outC * span);
        for (int p = 0; p < span; p += BLOCK * LANES.length()) {
            accumulateBlock(acc, planes, p);
        }
        ConvLayer l = layer;
        if (rawAcc == null) {
            // each channel's plane requantised in place, a vector at a time, then interleaved into HWC
            for (int oc = 0; oc < outC; oc++) {
                PlaneRequantization.apply(l.outputStage(), oc, l.bias()[oc], acc, oc * span, span);
            }
            int o = 0;
            for (int oy = 0; oy < l.outH(); oy++) {
                for (int ox = 0, q = oy * pitch; ox < l.outW(); ox++, q++) {
                    for (int at = q; at < outC * span; at += span) {
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
                for (int ox = 0, q = oc * span + oy * pitch; ox < l.outW(); ox++, q++, o += outC) {
                    int a = acc[q] + bias;
                    rawAcc[o] = a;
                    out[o] = l.requantize(oc, a);
                }
            }
        }
    }

    /**
     * The raw input codes of the phase planes that taps read, padded with x_zp, then each kind's
     * planes φ(x) − φ(x_zp) from them as floats, a vector at a time.
     */
    private void fillPlanes(byte[] in, int[] codes, float[] planes, int kindStride) {
        int zp = layer.inZeroPoint();
        int perChannel = phases * planeLength;
        for (int at = 0; at < kindStride; at += planeLength) {
            if (phaseUsed[at / planeLength % phases]) {
                Arrays.fill(codes, at, at + planeLength, zp);
            }
        }
        int inW = colAt.length;
        for (int iy = 0; iy < rowAt.length; iy++) {
            if (rowAt[iy] < 0) {
                continue;
            }
            for (int ix = 0; ix < inW; ix++) {
                if (colAt[ix] < 0) {
                    continue;
                }
                int at = rowAt[iy] + colAt[ix];
                int src = (iy * inW + ix) * inC;
                for (int ic = 0; ic < inC; ic++, at += perChannel) {
                    codes[at] = in[src + ic];
                }
            }
        }
        int step = LANES.length();
        for (int k = 0; k < kinds.length; k++) {
            ProductTerms.Kind kind = kinds[k];
            int zero = kind.apply(zp);
            for (int plane = 0; plane < kindStride; plane += planeLength) {
                if (!phaseUsed[plane / planeLength % phases]) {
                    continue;
                }
                int dst = k * kindStride + plane;
                for (int p = 0; p < planeLength; p += step) {
                    IntVector x = IntVector.fromArray(LANES, codes, plane + p);
                    if (kind.s() == 0) {
                        x = x.mul(kind.m()).sub(zero);
                    } else {
                        x = x.mul(kind.m()).add(kind.c()).lanewise(VectorOperators.ASHR, kind.s())
                                .lanewise(VectorOperators.LSHL, kind.s()).sub(zero);
                    }
                    x.add(MAGIC_BITS).reinterpretAsFloats().sub(MAGIC_FLOAT).intoArray(planes, dst + p);
                }
            }
        }
    }

    /**
     * acc[oc · span + p … + BLOCK vectors) = Σ of output channel oc's terms w_t · u[off_t + p …], for
     * every output channel: the BLOCK vectors' sums stay in registers, a chunk at a time in float
     * lanes (fused multiply-adds, exact by the chunk bound) added to int lanes.
     */
    private void accumulateBlock(int[] acc, float[] u, int p) {
        int step = FLOATS.length();
        int[] off = termOffset;
        float[] w = termWeight;
        for (int oc = 0, t = 0; oc < outC; oc++) {
            IntVector a0 = IntVector.zero(LANES);
            IntVector a1 = a0;
            IntVector a2 = a0;
            IntVector a3 = a0;
            for (int c = firstChunk[oc]; c < firstChunk[oc + 1]; c++) {
                // a fresh broadcast, not the constant: C2 (JDK 17) boxes a vector whose loop phi starts at a constant
                FloatVector f0 = FloatVector.broadcast(FLOATS, MAGIC_FLOAT);
                FloatVector f1 = f0;
                FloatVector f2 = f0;
                FloatVector f3 = f0;
                for (int end = chunkEnd[c]; t < end; t++) {
                    int o = off[t] + p;
                    FloatVector wt = FloatVector.broadcast(FLOATS, w[t]);
                    f0 = FloatVector.fromArray(FLOATS, u, o).fma(wt, f0);
                    f1 = FloatVector.fromArray(FLOATS, u, o + step).fma(wt, f1);
                    f2 = FloatVector.fromArray(FLOATS, u, o + 2 * step).fma(wt, f2);
                    f3 = FloatVector.fromArray(FLOATS, u, o + 3 * step).fma(wt, f3);
                }
                a0 = a0.add(f0.reinterpretAsInts()).sub(MAGIC_BITS);
                a1 = a1.add(f1.reinterpretAsInts()).sub(MAGIC_BITS);
                a2 = a2.add(f2.reinterpretAsInts()).sub(MAGIC_BITS);
                a3 = a3.add(f3.reinterpretAsInts()).sub(MAGIC_BITS);
            }
            int base = oc * span + p;
            a0.intoArray(acc, base);
            a1.intoArray(acc, base + step);
            a2.intoArray(acc, base + 2 * step);
            a3.intoArray(acc, base + 3 * step);
        }
    }
}
