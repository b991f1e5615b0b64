package org.maxdnn.mult;

/** The exact product a·b. */
public final class ExactMultiplier extends TabulatedMultiplier implements ProductTerms {
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

    @Override
    public void terms(int w, Sink sink) {
        if (w != 0) {
            sink.term(Kind.IDENTITY, w);
        }
    }

    @Override
    public int maxTerms() {
        return 1;
    }

    @Override
    public Kind separableKind() {
        return Kind.IDENTITY;
    }
}
