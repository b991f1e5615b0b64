package org.maxdnn.mult;

/** The exact product a·b. */
public final class ExactMultiplier extends TabulatedMultiplier {
    public static final ExactMultiplier INSTANCE = new ExactMultiplier();

    private ExactMultiplier() {
    }

    @Override
    public MultiplierConfig config() {
        return MultiplierConfig.EXACT;
    }

    @Override
    public int multiply(int a, int b) {
        return a * b;
    }
}
