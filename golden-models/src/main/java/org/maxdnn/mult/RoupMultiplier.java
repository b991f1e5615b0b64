package org.maxdnn.mult;

/**
 * ROUP(P, R) with multiplicand rounding ({@code roup-pPrR}, SPEC §3.2): the multiplicand is rounded
 * to a multiple of 2^R, then the Booth rows of digits j ≥ P are summed. {@link #multiply} is the
 * bit-level Booth form (the reference); {@link #closedForm} is a_R·b_P, which must agree with it on
 * every pair and is what fast paths may use.
 */
public final class RoupMultiplier extends TabulatedMultiplier implements ProductTerms {
    private final RoupConfig config;

    public RoupMultiplier(int p, int r) {
        this.config = RoupConfig.roup(p, r);
    }

    @Override
    public RoupConfig config() {
        return config;
    }

    @Override
    public int multiply(int a, int b) {
        return BoothPartialProducts.sum(roundMultiplicand(a, config.r()), b, config.p(), 0, 0);
    }

    /** a_R = ((a + 2^(R−1)) >> R) << R, arithmetic shift, no saturation; a_0 = a. */
    public static int roundMultiplicand(int a, int r) {
        return r == 0 ? a : ((a + (1 << (r - 1))) >> r) << r;
    }

    /** b_P = ((b + 2^(2P−1)) >> 2P) << 2P: the weight the surviving Booth digits represent. */
    public static int perforatedWeight(int b, int p) {
        return p == 0 ? b : ((b + (1 << (2 * p - 1))) >> (2 * p)) << (2 * p);
    }

    /** The closed form a_R · b_P. */
    public int closedForm(int a, int b) {
        return roundMultiplicand(a, config.r()) * perforatedWeight(b, config.p());
    }

    /** The closed form as one term: b_P · x_R. */
    @Override
    public void terms(int w, Sink sink) {
        int wp = perforatedWeight(w, config.p());
        if (wp != 0) {
            sink.term(separableKind(), wp);
        }
    }

    @Override
    public int maxTerms() {
        return 1;
    }

    /** x_R = ((x + 2^(R−1)) >> R) << R. */
    @Override
    public Kind separableKind() {
        int r = config.r();
        return r == 0 ? Kind.IDENTITY : new Kind(1, 1 << (r - 1), r);
    }
}
