package org.maxdnn.metrics;

import org.maxdnn.mult.Multiplier;
import org.maxdnn.mult.UnsignedTableMultiplier;

/**
 * Error metrics of a multiplier, computed exhaustively over all 65,536 operand pairs (SPEC §3.2).
 *
 * @param med  mean |error|
 * @param nmed MED normalised by the largest exact product magnitude (16384 signed, 65025 unsigned)
 * @param mred mean |error| / |exact| over pairs with exact ≠ 0 (a fraction)
 * @param ep   share of pairs with error ≠ 0 (a fraction)
 * @param wce  max |error|
 * @param bias mean signed error (approximate − exact)
 */
public record ErrorMetrics(double med, double nmed, double mred, double ep, long wce, double bias) {
    public static final double SIGNED_NORM = 128.0 * 128.0;
    public static final double UNSIGNED_NORM = 255.0 * 255.0;

    /** Metrics on the signed int8 domain a, b ∈ [−128, 127]. */
    public static ErrorMetrics signed(Multiplier m) {
        int[] t = m.table();
        Accumulator acc = new Accumulator();
        for (int a = -128; a < 128; a++) {
            for (int b = -128; b < 128; b++) {
                acc.add(a * b, t[Multiplier.index(a, b)]);
            }
        }
        return acc.result(SIGNED_NORM);
    }

    /** Metrics of a table on its own unsigned domain a_u, b_u ∈ [0, 255] (EvoApprox's convention). */
    public static ErrorMetrics unsigned(UnsignedTableMultiplier m) {
        Accumulator acc = new Accumulator();
        for (int a = 0; a < 256; a++) {
            for (int b = 0; b < 256; b++) {
                acc.add(a * b, m.unsignedProduct(a, b));
            }
        }
        return acc.result(UNSIGNED_NORM);
    }

    private static final class Accumulator {
        private long sumAbs;
        private long sumSigned;
        private double sumRel;
        private long nonZeroExact;
        private long wrong;
        private long worst;
        private long count;

        void add(int exact, int approx) {
            long e = (long) approx - exact;
            long abs = Math.abs(e);
            sumAbs += abs;
            sumSigned += e;
            if (exact != 0) {
                sumRel += (double) abs / Math.abs(exact);
                nonZeroExact++;
            }
            if (e != 0) {
                wrong++;
            }
            worst = Math.max(worst, abs);
            count++;
        }

        ErrorMetrics result(double norm) {
            double med = (double) sumAbs / count;
            return new ErrorMetrics(med, med / norm, sumRel / nonZeroExact, (double) wrong / count,
                    worst, (double) sumSigned / count);
        }
    }
}
