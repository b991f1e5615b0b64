package org.maxdnn.mult;

/**
 * A product table with ALWANN's weight tuning ({@code alwann:NAME}, SPEC §9): each unsigned weight
 * code w is replaced, once, by the code w′ that minimises Σ_i |i·w − T[i, w′]| over all activation
 * codes i, so a table that errs systematically for some weights is steered to a better column.
 * Ties go to the w′ closest to w (then the smaller), so an exact table keeps every weight.
 */
public final class WeightTunedMultiplier extends TabulatedMultiplier implements UnsignedTableMultiplier {
    private final LutMultiplier lut;
    private final MultiplierConfig config;
    private final int[] tuned = new int[256];

    public WeightTunedMultiplier(LutMultiplier lut) {
        this.lut = lut;
        this.config = TableConfig.alwann(lut.config().table());
        for (int w = 0; w < 256; w++) {
            tuned[w] = bestColumn(w);
        }
    }

    private int bestColumn(int w) {
        long bestCost = Long.MAX_VALUE;
        int best = w;
        for (int candidate = 0; candidate < 256; candidate++) {
            long cost = 0;
            for (int i = 0; i < 256 && cost <= bestCost; i++) {
                cost += Math.abs(i * w - lut.unsignedProduct(i, candidate));
            }
            boolean closer = Math.abs(candidate - w) < Math.abs(best - w);
            if (cost < bestCost || (cost == bestCost && closer)) {
                bestCost = cost;
                best = candidate;
            }
        }
        return best;
    }

    /** The weight code the hardware stores in place of unsigned code {@code w}. */
    public int tunedWeightCode(int w) {
        return tuned[w];
    }

    @Override
    public MultiplierConfig config() {
        return config;
    }

    @Override
    public int unsignedProduct(int au, int bu) {
        return lut.unsignedProduct(au, tuned[bu]);
    }

    @Override
    public int multiply(int a, int b) {
        return UnsignedTableMultiplier.super.multiply(a, b);
    }
}
