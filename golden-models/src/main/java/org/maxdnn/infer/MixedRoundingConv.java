package org.maxdnn.infer;

import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.mult.RoupMultiplier;

/**
 * The closed-form path for exact and {@code roup-pPrR} kernels mixing many rounding levels R in one
 * layer (kernel-level maps): f(x, w) − f(x_zp, w) = (x_R − x_zp,R) · w_P, with the patch rounded
 * once per R used (a few KB, in L1) and each kernel's multiplication gathering its own R's value
 * through a precomputed offset. One multiply-add per multiplication, whatever the number of R —
 * where {@link DotProductConv} needs a pass per R and {@link TableConv} a lookup into tables that
 * do not fit the cache.
 */
final class MixedRoundingConv extends ConvKernel {
    /** Per R used (its slot), x_R − x_zp,R for every activation code x + 128. */
    private final int[][] rounding;
    /**
     * Per output channel and tap, packed into one int so a multiplication loads one word: the
     * perforated weight w_P in the high 16 bits, the offset R-slot · kernelSize + k in the low 16.
     */
    private final int[][] taps;

    MixedRoundingConv(ConvLayer layer, MultiplierConfig[][] configs) {
        super(layer);
        int[] slot = new int[MultiplierConfig.MAX_R + 1];
        java.util.Arrays.fill(slot, -1);
        int used = 0;
        for (MultiplierConfig[] row : configs) {
            for (MultiplierConfig c : row) {
                if (slot[c.r()] < 0) {
                    slot[c.r()] = used++;
                }
            }
        }
        rounding = new int[used][256];
        for (int r = 0; r <= MultiplierConfig.MAX_R; r++) {
            if (slot[r] >= 0) {
                int zp = RoupMultiplier.roundMultiplicand(layer.inZeroPoint(), r);
                for (int x = -128; x < 128; x++) {
                    rounding[slot[r]][x + 128] = RoupMultiplier.roundMultiplicand(x, r) - zp;
                }
            }
        }
        int inC = layer.inC();
        if (used * kernelSize > 0xFFFF) {
            throw new IllegalArgumentException(layer.name() + ": kernel too large for the mixed-rounding path");
        }
        taps = new int[layer.outC()][kernelSize];
        for (int oc = 0; oc < layer.outC(); oc++) {
            for (int k = 0; k < kernelSize; k++) {
                MultiplierConfig c = configs[oc][k % inC];
                taps[oc][k] = RoupMultiplier.perforatedWeight(weightAt(oc, k), c.p()) << 16 | (slot[c.r()] * kernelSize + k);
            }
        }
    }

    @Override
    protected void accumulate(int[] patch, int[] acc, Scratch s) {
        int n = kernelSize;
        int[] u = s.rounded;
        for (int slot = 0; slot < rounding.length; slot++) {
            int[] lut = rounding[slot];
            int base = slot * n;
            for (int k = 0; k < n; k++) {
                u[base + k] = lut[patch[k] + 128];
            }
        }
        for (int oc = 0; oc < taps.length; oc++) {
            int[] t = taps[oc];
            int sum = 0;
            for (int k = 0; k < n; k++) {
                int tap = t[k];
                sum += u[tap & 0xFFFF] * (tap >> 16);
            }
            acc[oc] = sum;
        }
    }
}
