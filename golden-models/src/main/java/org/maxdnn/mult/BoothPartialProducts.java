package org.maxdnn.mult;

/**
 * The radix-4 Booth partial-product matrix of SPEC §3.2, bit for bit, shared by both ROUP
 * families. Row j (j ≥ P survive) is 16 bits wide: the bits of |d_j|·a for d_j ≥ 0, the bits of
 * ~(|d_j|·a) plus a negation bit at column 2j for d_j < 0, all shifted left by 2j. Columns below
 * {@code cut} are removed from rows and negation bits alike. The sum is taken modulo 2^16 and read
 * as signed, as a 16-bit final adder would.
 */
public final class BoothPartialProducts {
    static final int WIDTH = 16;
    static final int MASK = (1 << WIDTH) - 1;

    private BoothPartialProducts() {
    }

    /**
     * Σ over surviving rows and negation bits, columns ≥ cut only, plus {@code constant}; modulo
     * 2^16, sign-extended.
     *
     * @param a        the multiplicand as it enters the rows (already rounded for roup), |a| ≤ 128
     * @param b        the signed 8-bit weight
     * @param p        rows j < p are perforated (not generated)
     * @param cut      columns below this are removed (0 = none)
     * @param constant a value added into the matrix (the rounding constant of roupc)
     */
    public static int sum(int a, int b, int p, int cut, int constant) {
        int keep = MASK & ~((1 << cut) - 1);
        int acc = constant;
        for (int j = p; j < BoothEncoder.DIGITS; j++) {
            acc += row(a, b, j) & keep;
            acc += negationBit(b, j) & keep;
        }
        return (short) (acc & MASK);
    }

    /** Row j without its negation bit: the 16 bits of (|d_j|·a or its complement) << 2j. */
    public static int row(int a, int b, int j) {
        int magnitude = BoothEncoder.one(b, j) ? a : BoothEncoder.two(b, j) ? 2 * a : 0;
        int bits = BoothEncoder.neg(b, j) ? ~magnitude : magnitude;
        return (bits << (2 * j)) & MASK;
    }

    /** The negation bit of row j as a value: 2^(2j) when d_j < 0, else 0. */
    public static int negationBit(int b, int j) {
        return BoothEncoder.neg(b, j) ? 1 << (2 * j) : 0;
    }
}
