package org.maxdnn.infer;

import java.util.LinkedHashMap;
import java.util.Map;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorSpecies;
import org.maxdnn.mult.ProductTerms;

/**
 * The fast path of a FULLY_CONNECTED layer for exact, {@code roup} and {@code roupc} kernels in any
 * mix. With one output pixel there are no planes to sweep ({@link PlanarConv}), so this vectorises
 * over the output neurons instead: per term kind k ({@link ProductTerms}) the weights form a matrix
 * W_k[in][out], and acc += (φ_k(x_i) − φ_k(x_zp)) · W_k[i] for every input i and kind k whose
 * difference is not zero — inputs at the zero point (half of them after a ReLU) cost nothing. The
 * accumulators of four vectors of outputs stay in registers over all those rows.
 */
final class VectorFullyConnected extends ConvKernel {
    private static final VectorSpecies<Integer> LANES = IntVector.SPECIES_PREFERRED;
    private static final int BLOCK = 4 * LANES.length();

    private final int inC;
    private final int outC;
    /** Row length: outC rounded up to whole blocks of four vectors. */
    private final int pitch;
    private final ProductTerms.Kind[] kinds;
    /** W_k[i] at (k·inC + i)·pitch. */
    private final int[] rows;
    /** Whether row (k, i) has a non-zero weight. */
    private final boolean[] used;

    VectorFullyConnected(ConvLayer layer, ProductTerms[][] terms) {
        super(layer);
        inC = layer.inC();
        outC = layer.outC();
        pitch = (outC + BLOCK - 1) / BLOCK * BLOCK;
        Map<ProductTerms.Kind, int[]> byKind = new LinkedHashMap<>();
        for (int oc = 0; oc < outC; oc++) {
            for (int i = 0; i < inC; i++) {
                int at = i * pitch + oc;
                terms[oc][i].terms(weightAt(oc, i), (kind, weight) ->
                        byKind.computeIfAbsent(kind, k -> new int[inC * pitch])[at] += weight);
            }
        }
        kinds = byKind.keySet().toArray(new ProductTerms.Kind[0]);
        rows = new int[Math.max(1, kinds.length * inC * pitch)];
        used = new boolean[kinds.length * inC];
        int k = 0;
        for (int[] w : byKind.values()) {
            System.arraycopy(w, 0, rows, k * inC * pitch, w.length);
            for (int i = 0; i < inC; i++) {
                for (int oc = 0; oc < outC; oc++) {
                    used[k * inC + i] |= w[i * pitch + oc] != 0;
                }
            }
            k++;
        }
    }

    @Override
    public void run(byte[] in, byte[] out, Scratch s, int[] rawAcc) {
        int zp = layer.inZeroPoint();
        int[] rowAt = s.rowAt(used.length);
        int[] factor = s.factor(used.length);
        int n = 0;
        for (int k = 0; k < kinds.length; k++) {
            ProductTerms.Kind kind = kinds[k];
            int zero = kind.apply(zp);
            for (int i = 0; i < inC; i++) {
                int u = kind.apply(in[i]) - zero;
                if (u != 0 && used[k * inC + i]) {
                    rowAt[n] = (k * inC + i) * pitch;
                    factor[n++] = u;
                }
            }
        }
        int[] acc = s.planeAcc(pitch);
        int step = LANES.length();
        for (int b = 0; b < pitch; b += BLOCK) {
            IntVector a0 = IntVector.zero(LANES);
            IntVector a1 = a0;
            IntVector a2 = a0;
            IntVector a3 = a0;
            for (int t = 0; t < n; t++) {
                int base = rowAt[t] + b;
                int u = factor[t];
                a0 = a0.add(IntVector.fromArray(LANES, rows, base).mul(u));
                a1 = a1.add(IntVector.fromArray(LANES, rows, base + step).mul(u));
                a2 = a2.add(IntVector.fromArray(LANES, rows, base + 2 * step).mul(u));
                a3 = a3.add(IntVector.fromArray(LANES, rows, base + 3 * step).mul(u));
            }
            a0.intoArray(acc, b);
            a1.intoArray(acc, b + step);
            a2.intoArray(acc, b + 2 * step);
            a3.intoArray(acc, b + 3 * step);
        }
        for (int oc = 0; oc < outC; oc++) {
            int a = acc[oc] + layer.bias()[oc];
            if (rawAcc != null) {
                rawAcc[oc] = a;
            }
            out[oc] = layer.requantize(oc, a);
        }
    }

}
