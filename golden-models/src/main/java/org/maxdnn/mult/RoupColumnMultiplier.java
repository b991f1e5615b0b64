package org.maxdnn.mult;

/**
 * ROUP(P, R) with partial-product column rounding ({@code roupc-pPrR}, SPEC §3.2): Booth rows of
 * digits j ≥ P, every bit in columns below R removed, and the rounding constant 2^(R−1) added when
 * R > 2P (only then does the cut reach a surviving row). There is no closed form; this bit-level
 * model is the reference.
 */
public final class RoupColumnMultiplier extends TabulatedMultiplier {
    private final MultiplierConfig config;
    private final int constant;

    public RoupColumnMultiplier(int p, int r) {
        this.config = MultiplierConfig.roupc(p, r);
        this.constant = roundingConstant(p, r);
    }

    /** 2^(R−1) when R > 2P, else 0. */
    public static int roundingConstant(int p, int r) {
        return r > 2 * p ? 1 << (r - 1) : 0;
    }

    @Override
    public MultiplierConfig config() {
        return config;
    }

    @Override
    public int multiply(int a, int b) {
        return BoothPartialProducts.sum(a, b, config.p(), config.r(), constant);
    }
}
