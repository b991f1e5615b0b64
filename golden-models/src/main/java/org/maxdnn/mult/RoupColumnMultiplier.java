package org.maxdnn.mult;

/**
 * ROUP(P, R) with partial-product column rounding ({@code roupc-pPrR}, SPEC §3.2): Booth rows of
 * digits j ≥ P, every bit in columns below R removed, and the rounding constant 2^(R−1) added when
 * R > 2P (only then does the cut reach a surviving row). There is no closed form; this bit-level
 * model is the reference.
 */
public final class RoupColumnMultiplier extends TabulatedMultiplier implements ProductTerms {
    private final RoupConfig config;
    private final int constant;

    public RoupColumnMultiplier(int p, int r) {
        this.config = RoupConfig.roupc(p, r);
        this.constant = roundingConstant(p, r);
    }

    /** 2^(R−1) when R > 2P, else 0. */
    public static int roundingConstant(int p, int r) {
        return r > 2 * p ? 1 << (r - 1) : 0;
    }

    /**
     * Row j's value as an integer, divided by 4^j, for the fast path: with {@code cut} = R − 2j the
     * row's own columns removed, d·a when cut ≤ 0, else ⌊(d·a − [d < 0]) / 2^cut⌋ · 2^cut (the
     * complemented row is d·a − 1, and its negation bit falls below the cut). The product is
     * Σ_{j≥P} 4^j · rowValue(a, d_j(b), R − 2j) + {@link #roundingConstant}: the matrix sum never
     * wraps modulo 2^16 (|a·b_P| ≤ 2^14), which a test checks on every pair.
     */
    public static int rowValue(int a, int digit, int cut) {
        if (cut <= 0) {
            return digit * a;
        }
        return ((digit * a - (digit < 0 ? 1 : 0)) >> cut) << cut;
    }

    /** The product as Σ of {@link #rowValue}s and the constant, which must equal {@link #multiply}. */
    public int rowForm(int a, int b) {
        int sum = constant;
        for (int j = config.p(); j < BoothEncoder.DIGITS; j++) {
            sum += rowValue(a, BoothEncoder.digit(b, j), config.r() - 2 * j) << (2 * j);
        }
        return sum;
    }

    /**
     * The rows the cut reaches each read their own kind, rowValue as ((d·x − [d &lt; 0]) >> cut) << cut;
     * the others sum into one exact term.
     */
    @Override
    public void terms(int w, Sink sink) {
        int exact = 0;
        for (int j = config.p(); j < BoothEncoder.DIGITS; j++) {
            int d = BoothEncoder.digit(w, j);
            int cut = config.r() - 2 * j;
            if (cut <= 0) {
                exact += d << (2 * j);
            } else if (d != 0) {
                sink.term(new Kind(d, d < 0 ? -1 : 0, cut), 1 << (2 * j));
            }
        }
        if (exact != 0) {
            sink.term(Kind.IDENTITY, exact);
        }
    }

    /** A row per Booth digit and the exact term. */
    @Override
    public int maxTerms() {
        return BoothEncoder.DIGITS + 1;
    }

    @Override
    public RoupConfig config() {
        return config;
    }

    @Override
    public int multiply(int a, int b) {
        return BoothPartialProducts.sum(a, b, config.p(), config.r(), constant);
    }
}
