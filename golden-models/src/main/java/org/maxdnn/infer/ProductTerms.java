package org.maxdnn.infer;

import org.maxdnn.mult.BoothEncoder;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.mult.MultiplierFamily;
import org.maxdnn.mult.RoupColumnMultiplier;
import org.maxdnn.mult.RoupMultiplier;

/**
 * exact, {@code roup} and {@code roupc} products as sums of terms weight · φ(x), where
 * φ(x) = ((m·x + c) >> s) << s is one of a few {@link Kind}s of function of the activation:
 * <ul>
 * <li>roup-pPrR (SPEC §3.2 closed form): w_P · x_R, one term;</li>
 * <li>roupc-pPrR ({@link RoupColumnMultiplier#rowValue}): 4^j · rowValue(x, d_j, R − 2j) per Booth row
 * the cut reaches, plus one exact term (Σ of the other rows' d_j·4^j) · x.</li>
 * </ul>
 * So f(x, w) − f(x_zp, w) = Σ weight · (φ(x) − φ(x_zp)) (roupc's rounding constant cancels): the fast
 * paths transform the activations once per kind and then only multiply-add.
 */
final class ProductTerms {
    private ProductTerms() {
    }

    /** φ(x) = ((m·x + c) >> s) << s. */
    record Kind(int m, int c, int s) {
        static final Kind IDENTITY = new Kind(1, 0, 0);

        /** roup's x_R = ((x + 2^(R−1)) >> R) << R. */
        static Kind rounding(int r) {
            return r == 0 ? IDENTITY : new Kind(1, 1 << (r - 1), r);
        }

        /** roupc's row value for digit d cut at {@code cut} ≥ 1 columns ({@link RoupColumnMultiplier#rowValue}). */
        static Kind row(int d, int cut) {
            return new Kind(d, d < 0 ? -1 : 0, cut);
        }

        int apply(int x) {
            return ((m * x + c) >> s) << s;
        }
    }

    /** Receives the terms of one product. */
    @FunctionalInterface
    interface Sink {
        void term(Kind kind, int weight);
    }

    /** Whether {@link #of} can decompose products of this configuration. */
    static boolean decomposes(MultiplierConfig c) {
        return c.family() == MultiplierFamily.EXACT || c.family() == MultiplierFamily.ROUP
                || c.family() == MultiplierFamily.ROUPC;
    }

    /** The non-zero terms of f(·, w) for configuration c (at most {@link #MAX_TERMS}). */
    static void of(MultiplierConfig c, int w, Sink sink) {
        if (c.family() == MultiplierFamily.ROUPC) {
            // the rows the cut reaches each read their own kind; the others sum into one exact term
            int exact = 0;
            for (int j = c.p(); j < BoothEncoder.DIGITS; j++) {
                int d = BoothEncoder.digit(w, j);
                int cut = c.r() - 2 * j;
                if (cut <= 0) {
                    exact += d << (2 * j);
                } else if (d != 0) {
                    sink.term(Kind.row(d, cut), 1 << (2 * j));
                }
            }
            if (exact != 0) {
                sink.term(Kind.IDENTITY, exact);
            }
        } else {
            int wp = RoupMultiplier.perforatedWeight(w, c.p());
            if (wp != 0) {
                sink.term(Kind.rounding(c.r()), wp);
            }
        }
    }

    /** The most terms one product has: a row per Booth digit and the exact term. */
    static final int MAX_TERMS = BoothEncoder.DIGITS + 1;
}
