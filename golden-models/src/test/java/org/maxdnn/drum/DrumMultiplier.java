package org.maxdnn.drum;

import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.mult.TabulatedMultiplier;

/**
 * DRUM-k on signed operands: each operand's magnitude keeps the k bits from its leading one, the
 * lowest of them forced to 1 (so the truncation is unbiased), and the product of the two signed
 * approximations is exact. A magnitude below 2^k is kept as it is.
 */
final class DrumMultiplier extends TabulatedMultiplier {
    private final DrumFamily.Config config;

    DrumMultiplier(DrumFamily.Config config) {
        this.config = config;
    }

    /** sign(x) · ((|x| >> s) | 1) << s with s = t − k + 1, t the leading one of |x|; x when |x| < 2^k. */
    static int approximate(int x, int k) {
        int magnitude = Math.abs(x);
        int shift = 32 - Integer.numberOfLeadingZeros(magnitude) - k;
        if (shift <= 0) {
            return x;
        }
        return Integer.signum(x) * (((magnitude >> shift) | 1) << shift);
    }

    @Override
    public MultiplierConfig config() {
        return config;
    }

    @Override
    public int multiply(int a, int b) {
        return approximate(a, config.k()) * approximate(b, config.k());
    }
}
