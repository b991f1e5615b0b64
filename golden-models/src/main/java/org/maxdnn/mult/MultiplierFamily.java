package org.maxdnn.mult;

/** The kinds of multiplier the toolkit knows (SPEC §3.1). */
public enum MultiplierFamily {
    /** a·b. */
    EXACT,
    /** ROUP with Booth-row perforation P and multiplicand rounding R ({@code roup-pPrR}). */
    ROUP,
    /** ROUP with Booth-row perforation P and partial-product column rounding R ({@code roupc-pPrR}). */
    ROUPC,
    /** A 256×256 product table, e.g. an EvoApprox {@code mul8u_*.bin} ({@code lut:NAME}). */
    LUT,
    /** A product table used with ALWANN's weight tuning ({@code alwann:NAME}, SPEC §9). */
    ALWANN;

    /** True for the two ROUP families, which take P and R. */
    public boolean isRoup() {
        return this == ROUP || this == ROUPC;
    }

    /** True for the families backed by a product table file, which take a table name. */
    public boolean isTable() {
        return this == LUT || this == ALWANN;
    }
}
