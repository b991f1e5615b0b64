package org.maxdnn.mult;

/**
 * Radix-4 Booth recoding of the signed 8-bit weight into four digits
 * d_j = −2·b[2j+1] + b[2j] + b[2j−1] (b[−1] = 0), so that b = Σ d_j·4^j (SPEC §3.2).
 *
 * <p>The hardware encoder produces the same three select signals per digit: {@code neg} (digit
 * negative), {@code one} (|d| = 1) and {@code two} (|d| = 2). A zero digit is never negative, so a
 * "111" group selects nothing at all — that matters once low columns are cut away (roupc).
 */
public final class BoothEncoder {
    public static final int DIGITS = 4;

    private BoothEncoder() {
    }

    /** The digit d_j of weight b, j = 0..3. */
    public static int digit(int b, int j) {
        return -2 * bit(b, 2 * j + 1) + bit(b, 2 * j) + (j == 0 ? 0 : bit(b, 2 * j - 1));
    }

    /** True when digit j is negative: b[2j+1] and not (b[2j] and b[2j−1]). */
    public static boolean neg(int b, int j) {
        return digit(b, j) < 0;
    }

    /** True when |d_j| = 1: b[2j] xor b[2j−1]. */
    public static boolean one(int b, int j) {
        return (bit(b, 2 * j) ^ (j == 0 ? 0 : bit(b, 2 * j - 1))) == 1;
    }

    /** True when |d_j| = 2: the group is 100 or 011. */
    public static boolean two(int b, int j) {
        return Math.abs(digit(b, j)) == 2;
    }

    private static int bit(int v, int i) {
        return (v >> i) & 1;
    }
}
