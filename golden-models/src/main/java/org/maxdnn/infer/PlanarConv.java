package org.maxdnn.infer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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
 * <p>Output channels whose terms read (nearly) the same planes, as under an exact or uniform map, are
 * summed {@link #GROUP} at a time: each plane load then feeds {@link #GROUP} channels' multiply-adds
 * (their weights, zero where a channel lacks the term), where one channel alone spends more loads
 * than multiply-adds. A channel whose terms share too few planes with others' (depthwise layers, a
 * kernel-level mix) is summed alone.
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
    /** Output channels summed together when they share planes, over {@link #GROUP_BLOCK} vectors of positions. */
    private static final int GROUP = 4;
    private static final int GROUP_BLOCK = 2;
    /**
     * A group is formed when its cost, {@link #GROUP} multiply-adds per plane term, is below its channels'
     * alone by this factor (measured: one plane load per four channels' multiply-adds runs about 1.6×
     * faster per term than one channel's, which waits on its loads).
     */
    private static final double GROUP_GAIN = 2.5;
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
     * Accumulator plane length: outH rows, rounded up to whole blocks of {@link #BLOCK} vectors when a
     * channel is summed alone (a single vector's sum would be one chain of dependent multiply-adds),
     * else of {@link #GROUP_BLOCK}.
     */
    private final int span;
    /** Output positions per step: {@link #BLOCK} vectors when a channel is summed alone, else {@link #GROUP_BLOCK}. */
    private final int stepPositions;
    /** Phase plane length: the span plus the largest tap shift, rounded up to whole vectors. */
    private final int planeLength;
    private final ProductTerms.Kind[] kinds;
    /** Per padded input row and column: its part of the offset in the code planes, −1 when no output reads it. */
    private final int[] rowAt;
    private final int[] colAt;
    /** Per phase: whether a tap reads it. */
    private final boolean[] phaseUsed;
    /**
     * The channels summed alone (single[i] for i &lt; singles), each one's terms in turn, a start in the
     * planes array and a weight: those of single[i] are [termStart[i], termStart[i + 1]), cut into chunks
     * (ends in chunkEnd, those of single[i] at [firstChunk[i], firstChunk[i + 1])) whose sum of
     * |weight| · max |φ(x) − φ(x_zp)| stays below {@link #FLOAT_EXACT}, so a chunk's sum in float lanes
     * is exact.
     */
    private final int[] single;
    private final int[] termOffset;
    private final float[] termWeight;
    private final int[] termStart;
    private final int[] chunkEnd;
    private final int[] firstChunk;
    /**
     * The groups: group g's channels are groupChannel[GROUP·g …] (outC for an unused slot: a spare
     * accumulator plane), its terms [groupStart[g], groupStart[g + 1]) each a start in the planes array
     * and GROUP weights (groupWeight[GROUP·t + slot]), cut into chunks as the singles' are, every slot's
     * sum below {@link #FLOAT_EXACT} (ends in groupChunkEnd, those of g at [groupFirstChunk[g], groupFirstChunk[g + 1])).
     */
    private final int[] groupChannel;
    private final int[] groupOffset;
    private final float[] groupWeight;
    private final int[] groupStart;
    private final int[] groupChunkEnd;
    private final int[] groupFirstChunk;

    /** {@code grouping}: whether output channels that share planes are summed in groups (else each alone). */
    PlanarConv(ConvLayer layer, ProductTerms[][] terms, boolean grouping) {
        super(layer);
        inC = layer.inC();
        outC = layer.outC();
        int taps = layer.kh() * layer.kw();
        int sh = layer.strideH();
        int sw = layer.strideW();
        phases = sh * sw;
        pitch = layer.outW() + (layer.kw() - 1) / sw;
        int rows = layer.outH() + (layer.kh() - 1) / sh;

        // every channel's terms as (kind slot, input channel, tap) keys first: the layout depends on the grouping
        Map<ProductTerms.Kind, Integer> slots = new LinkedHashMap<>();
        int depth = layer.filterDepth();
        int[] keys = new int[outC * depth * taps * maxTerms(terms)];
        int[] weights = new int[keys.length];
        int[] n = {0};
        int[] start = new int[outC + 1];
        for (int oc = 0; oc < outC; oc++) {
            for (int j = 0; j < depth; j++) {
                ProductTerms f = terms[oc][j];
                int ic = layer.firstInputChannel(oc) + j;
                for (int t = 0; t < taps; t++) {
                    int tap = t;
                    f.terms(weightAt(oc, t * depth + j), (kind, weight) -> {
                        keys[n[0]] = (slot(slots, kind) * inC + ic) * taps + tap;
                        weights[n[0]++] = weight;
                    });
                }
            }
            start[oc + 1] = n[0];
        }
        kinds = slots.keySet().toArray(new ProductTerms.Kind[0]);
        long[] largest = new long[kinds.length];
        for (int k = 0; k < kinds.length; k++) {
            largest[k] = largestDifference(kinds[k], layer.inZeroPoint());
        }
        long[] bound = new long[n[0]];
        for (int t = 0; t < n[0]; t++) {
            bound[t] = Math.abs((long) weights[t]) * largest[keys[t] / taps / inC];
            if (bound[t] >= FLOAT_EXACT) {
                throw new IllegalArgumentException(layer.name() + ": a product term of weight " + weights[t]
                        + " is too large for the planar path");
            }
        }
        List<int[]> groups = grouping ? group(keys, start) : List.of();
        boolean[] grouped = new boolean[outC];
        groups.forEach(g -> Arrays.stream(g).filter(oc -> oc < outC).forEach(oc -> grouped[oc] = true));
        single = java.util.stream.IntStream.range(0, outC).filter(oc -> !grouped[oc]).toArray();

        stepPositions = (single.length > 0 ? BLOCK : GROUP_BLOCK) * LANES.length();
        span = roundUp(layer.outH() * pitch, stepPositions);
        planeLength = roundUp(span + (layer.kh() - 1) / sh * pitch + (layer.kw() - 1) / sw, LANES.length());
        int kindStride = inC * phases * planeLength;
        int[] tapOffset = new int[taps];
        phaseUsed = new boolean[phases];
        for (int ky = 0; ky < layer.kh(); ky++) {
            for (int kx = 0; kx < layer.kw(); kx++) {
                tapOffset[ky * layer.kw() + kx] = (ky % sh * sw + kx % sw) * planeLength + ky / sh * pitch + kx / sw;
                phaseUsed[ky % sh * sw + kx % sw] = true;
            }
        }
        int[] offsetOf = new int[kinds.length * inC * taps];
        for (int key = 0; key < offsetOf.length; key++) {
            offsetOf[key] = key / taps / inC * kindStride + key / taps % inC * phases * planeLength + tapOffset[key % taps];
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

        // the singles: their terms in order, cut into chunks
        int count = 0;
        for (int oc : single) {
            count += start[oc + 1] - start[oc];
        }
        termOffset = new int[count];
        termWeight = new float[count];
        termStart = new int[single.length + 1];
        int[] ends = new int[count + single.length];
        firstChunk = new int[single.length + 1];
        int chunks = 0;
        for (int i = 0, to = 0; i < single.length; i++) {
            long sum = 0;
            int oc = single[i];
            for (int t = start[oc]; t < start[oc + 1]; t++, to++) {
                termOffset[to] = offsetOf[keys[t]];
                termWeight[to] = weights[t];
                if (sum + bound[t] >= FLOAT_EXACT) {
                    ends[chunks++] = to;
                    sum = 0;
                }
                sum += bound[t];
            }
            termStart[i + 1] = to;
            if (termStart[i + 1] > termStart[i]) {
                ends[chunks++] = to;
            }
            firstChunk[i + 1] = chunks;
        }
        chunkEnd = Arrays.copyOf(ends, chunks);

        // the groups: the union of their channels' keys, each with GROUP weights, cut where a slot's sum would pass the bound
        groupChannel = new int[groups.size() * GROUP];
        groupStart = new int[groups.size() + 1];
        groupFirstChunk = new int[groups.size() + 1];
        List<int[]> unions = new ArrayList<>();
        int[] weightOf = new int[offsetOf.length * GROUP];
        long[] boundOf = new long[offsetOf.length * GROUP];
        int total = 0;
        for (int g = 0; g < groups.size(); g++) {
            int[] members = groups.get(g);
            System.arraycopy(members, 0, groupChannel, g * GROUP, GROUP);
            BitSet union = new BitSet();
            for (int s = 0; s < GROUP; s++) {
                int oc = members[s];
                for (int t = oc < outC ? start[oc] : 0; oc < outC && t < start[oc + 1]; t++) {
                    union.set(keys[t]);
                }
            }
            int[] u = union.stream().toArray();
            unions.add(u);
            total += u.length;
            groupStart[g + 1] = total;
        }
        groupOffset = new int[total];
        groupWeight = new float[total * GROUP];
        int[] groupEnds = new int[total + groups.size()];
        int groupChunks = 0;
        for (int g = 0, to = 0; g < groups.size(); g++) {
            int[] members = groups.get(g);
            for (int s = 0; s < GROUP; s++) {
                int oc = members[s];
                for (int t = oc < outC ? start[oc] : 0; oc < outC && t < start[oc + 1]; t++) {
                    weightOf[keys[t] * GROUP + s] += weights[t];
                    boundOf[keys[t] * GROUP + s] += bound[t];
                }
            }
            long[] sum = new long[GROUP];
            for (int key : unions.get(g)) {
                boolean full = false;
                for (int s = 0; s < GROUP; s++) {
                    full |= sum[s] + boundOf[key * GROUP + s] >= FLOAT_EXACT;
                }
                if (full) {
                    groupEnds[groupChunks++] = to;
                    Arrays.fill(sum, 0);
                }
                groupOffset[to] = offsetOf[key];
                for (int s = 0; s < GROUP; s++) {
                    sum[s] += boundOf[key * GROUP + s];
                    groupWeight[to * GROUP + s] = weightOf[key * GROUP + s];
                    weightOf[key * GROUP + s] = 0;
                    boundOf[key * GROUP + s] = 0;
                }
                to++;
            }
            if (groupStart[g + 1] > groupStart[g]) {
                groupEnds[groupChunks++] = to;
            }
            groupFirstChunk[g + 1] = groupChunks;
        }
        groupChunkEnd = Arrays.copyOf(groupEnds, groupChunks);
    }

    /**
     * Groups of {@link #GROUP} output channels (outC for an unused slot) whose terms mostly read the
     * same planes: greedily, each channel not yet grouped with the channels that add the fewest keys
     * to the group's, kept when the group's multiply-adds (GROUP per key of the union) cost less,
     * by {@link #GROUP_GAIN}, than its channels' alone. A key is a kind slot, input channel and tap;
     * a channel with two terms of one key (their weights would be summed, which could pass the float
     * bound) stays alone.
     */
    private List<int[]> group(int[] keys, int[] start) {
        BitSet[] sets = new BitSet[outC];
        boolean[] taken = new boolean[outC];
        for (int oc = 0; oc < outC; oc++) {
            sets[oc] = new BitSet();
            for (int t = start[oc]; t < start[oc + 1]; t++) {
                taken[oc] |= sets[oc].get(keys[t]);
                sets[oc].set(keys[t]);
            }
        }
        List<int[]> groups = new ArrayList<>();
        BitSet trial = new BitSet();
        for (int oc = 0; oc < outC; oc++) {
            if (taken[oc]) {
                continue;
            }
            int[] members = new int[GROUP];
            Arrays.fill(members, outC);
            members[0] = oc;
            BitSet union = (BitSet) sets[oc].clone();
            long alone = start[oc + 1] - start[oc];
            int size = 1;
            for (; size < GROUP; size++) {
                int best = -1;
                int bestCard = Integer.MAX_VALUE;
                for (int d = oc + 1; d < outC; d++) {
                    if (taken[d] || contains(members, size, d)) {
                        continue;
                    }
                    trial.clear();
                    trial.or(union);
                    trial.or(sets[d]);
                    int card = trial.cardinality();
                    if (card < bestCard) {
                        bestCard = card;
                        best = d;
                    }
                }
                if (best < 0) {
                    break;
                }
                members[size] = best;
                union.or(sets[best]);
                alone += start[best + 1] - start[best];
            }
            if (GROUP_GAIN * union.cardinality() < alone) {
                for (int s = 0; s < size; s++) {
                    taken[members[s]] = true;
                }
                groups.add(members);
            }
        }
        return groups;
    }

    private static boolean contains(int[] members, int size, int oc) {
        for (int s = 0; s < size; s++) {
            if (members[s] == oc) {
                return true;
            }
        }
        return false;
    }

    /** How many output channels are summed in groups (the others alone). */
    int groupedChannels() {
        return outC - single.length;
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
        int[] acc = s.planeAcc((outC + 1) * span);
        for (int p = 0; p < span; p += stepPositions) {
            for (int q = p; q < p + stepPositions; q += GROUP_BLOCK * LANES.length()) {
                accumulateGroups(acc, planes, q);
            }
            if (single.length > 0) {
                accumulateBlock(acc, planes, p);
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
     * every channel summed alone (oc = single[i]): the BLOCK vectors' sums stay in registers, a chunk
     * at a time in float lanes (fused multiply-adds, exact by the chunk bound) added to int lanes.
     */
    private void accumulateBlock(int[] acc, float[] u, int p) {
        int step = FLOATS.length();
        int[] off = termOffset;
        float[] w = termWeight;
        for (int i = 0, t = 0; i < single.length; i++) {
            int oc = single[i];
            IntVector a0 = IntVector.zero(LANES);
            IntVector a1 = a0;
            IntVector a2 = a0;
            IntVector a3 = a0;
            for (int c = firstChunk[i]; c < firstChunk[i + 1]; c++) {
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

    /**
     * For every group, acc[oc · span + p … + GROUP_BLOCK vectors) of each of its channels: one load of
     * each term's plane feeds the GROUP channels' fused multiply-adds, a chunk at a time in float lanes
     * (exact by the chunk bound), each chunk's sums added to the accumulator planes.
     */
    private void accumulateGroups(int[] acc, float[] u, int p) {
        int step = FLOATS.length();
        int[] off = groupOffset;
        float[] w = groupWeight;
        for (int g = 0, t = 0; g * GROUP < groupChannel.length; g++) {
            int at0 = groupChannel[g * GROUP] * span + p;
            int at1 = groupChannel[g * GROUP + 1] * span + p;
            int at2 = groupChannel[g * GROUP + 2] * span + p;
            int at3 = groupChannel[g * GROUP + 3] * span + p;
            boolean first = true;
            for (int c = groupFirstChunk[g]; c < groupFirstChunk[g + 1]; c++) {
                // a fresh broadcast, not the constant: C2 (JDK 17) boxes a vector whose loop phi starts at a constant
                FloatVector a0 = FloatVector.broadcast(FLOATS, MAGIC_FLOAT);
                FloatVector a1 = a0;
                FloatVector b0 = a0;
                FloatVector b1 = a0;
                FloatVector c0 = a0;
                FloatVector c1 = a0;
                FloatVector d0 = a0;
                FloatVector d1 = a0;
                for (int end = groupChunkEnd[c]; t < end; t++) {
                    int o = off[t] + p;
                    FloatVector x0 = FloatVector.fromArray(FLOATS, u, o);
                    FloatVector x1 = FloatVector.fromArray(FLOATS, u, o + step);
                    FloatVector wt = FloatVector.broadcast(FLOATS, w[t * GROUP]);
                    a0 = x0.fma(wt, a0);
                    a1 = x1.fma(wt, a1);
                    wt = FloatVector.broadcast(FLOATS, w[t * GROUP + 1]);
                    b0 = x0.fma(wt, b0);
                    b1 = x1.fma(wt, b1);
                    wt = FloatVector.broadcast(FLOATS, w[t * GROUP + 2]);
                    c0 = x0.fma(wt, c0);
                    c1 = x1.fma(wt, c1);
                    wt = FloatVector.broadcast(FLOATS, w[t * GROUP + 3]);
                    d0 = x0.fma(wt, d0);
                    d1 = x1.fma(wt, d1);
                }
                flush(acc, at0, a0, a1, first);
                flush(acc, at1, b0, b1, first);
                flush(acc, at2, c0, c1, first);
                flush(acc, at3, d0, d1, first);
                first = false;
            }
            if (first) {
                for (int at : new int[] {at0, at1, at2, at3}) {
                    Arrays.fill(acc, at, at + GROUP_BLOCK * step, 0);
                }
            }
        }
    }

    /** acc[at … + 2 vectors) = (or, after the first chunk, +=) the int sums in float lanes f0, f1 (offset by the magic). */
    private static void flush(int[] acc, int at, FloatVector f0, FloatVector f1, boolean first) {
        int step = LANES.length();
        IntVector v0 = f0.reinterpretAsInts().sub(MAGIC_BITS);
        IntVector v1 = f1.reinterpretAsInts().sub(MAGIC_BITS);
        if (!first) {
            v0 = v0.add(IntVector.fromArray(LANES, acc, at));
            v1 = v1.add(IntVector.fromArray(LANES, acc, at + step));
        }
        v0.intoArray(acc, at);
        v1.intoArray(acc, at + step);
    }
}
