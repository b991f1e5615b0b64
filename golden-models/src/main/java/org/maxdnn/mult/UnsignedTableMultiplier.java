package org.maxdnn.mult;

/**
 * A multiplier defined by a table on unsigned 8-bit codes and used on signed operands the TFApprox
 * way (SPEC §3.3): a_u = a + 128, b_u = b + 128, f(a, b) = U(a_u, b_u) − 128·a_u − 128·b_u + 16384,
 * so that only the a_u·b_u term is approximated.
 */
public interface UnsignedTableMultiplier extends Multiplier {
    /** The product on unsigned codes, a_u (activation) and b_u (weight) in 0..255. */
    int unsignedProduct(int au, int bu);

    @Override
    default int multiply(int a, int b) {
        int au = a + 128;
        int bu = b + 128;
        return unsignedProduct(au, bu) - 128 * au - 128 * bu + 16384;
    }
}
