package org.maxdnn.mult;

/**
 * A capability of a {@link Multiplier}: its products are sums of terms weight · φ(x), each φ one of
 * a few {@link Kind}s of function of the activation x, so that
 * f(x, w) − f(x′, w) = Σ weight · (φ(x) − φ(x′)) for every x, x′ (a part that does not depend on x,
 * such as roupc's rounding constant, cancels and is left out). The golden model's fast paths then
 * transform the activations once per kind and only multiply-add:
 * <ul>
 * <li>exact: x · w, one term;</li>
 * <li>roup-pPrR (SPEC §3.2 closed form): w_P · x_R, one term;</li>
 * <li>roupc-pPrR ({@link RoupColumnMultiplier#rowValue}): 4^j · rowValue(x, d_j, R − 2j) per Booth row
 * the cut reaches, plus one exact term (Σ of the other rows' d_j·4^j) · x.</li>
 * </ul>
 */
public interface ProductTerms {
    /** φ(x) = ((m·x + c) >> s) << s. */
    record Kind(int m, int c, int s) {
        public static final Kind IDENTITY = new Kind(1, 0, 0);

        public int apply(int x) {
            return ((m * x + c) >> s) << s;
        }
    }

    /** Receives the terms of one product. */
    @FunctionalInterface
    interface Sink {
        void term(Kind kind, int weight);
    }

    /** The non-zero terms of f(·, w), at most {@link #maxTerms()}. */
    void terms(int w, Sink sink);

    /** The most terms one product has. */
    int maxTerms();

    /**
     * The one kind every product's single term has when f(x, w) − f(x′, w) = (φ(x) − φ(x′)) · g(w),
     * so a layer is one dot product per kind; null otherwise.
     */
    default Kind separableKind() {
        return null;
    }
}
