package org.maxdnn.mult;

/** Base for multipliers (a family's own too) whose table is computed once from {@link #multiply} and then shared. */
public abstract class TabulatedMultiplier implements Multiplier {
    private volatile int[] table;

    @Override
    public int[] table() {
        int[] t = table;
        if (t == null) {
            t = new int[1 << 16];
            for (int a = -128; a < 128; a++) {
                for (int b = -128; b < 128; b++) {
                    t[Multiplier.index(a, b)] = multiply(a, b);
                }
            }
            table = t;
        }
        return t;
    }

    @Override
    public String toString() {
        return name();
    }
}
