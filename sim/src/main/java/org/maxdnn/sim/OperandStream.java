package org.maxdnn.sim;

import java.util.Random;
import org.maxdnn.MaxdnnException;

/**
 * A sequence of multiplier operand pairs in the order one multiplier sees them, one pair per clock:
 * {@code a} the activation (multiplicand), {@code b} the weight, both signed 8-bit.
 *
 * @param name what the stream is (e.g. "conv3" or "uniform")
 * @param a activations in [-128, 127]
 * @param b weights in [-128, 127]
 */
public record OperandStream(String name, int[] a, int[] b) {
    public OperandStream {
        if (a.length != b.length) {
            throw MaxdnnException.badInput("operand stream " + name + ": " + a.length + " activations but " + b.length
                    + " weights");
        }
        for (int i = 0; i < a.length; i++) {
            if (a[i] < -128 || a[i] > 127 || b[i] < -128 || b[i] > 127) {
                throw MaxdnnException.badInput("operand stream " + name + ": pair " + i + " (" + a[i] + ", " + b[i]
                        + ") is not signed 8-bit");
            }
        }
    }

    public int size() {
        return a.length;
    }

    /** The same pairs in a random order (same operand distribution, temporal correlation removed). */
    public OperandStream shuffled(long seed) {
        int[] x = a.clone();
        int[] y = b.clone();
        Random r = new Random(seed);
        for (int i = x.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = x[i];
            x[i] = x[j];
            x[j] = t;
            t = y[i];
            y[i] = y[j];
            y[j] = t;
        }
        return new OperandStream(name + "-shuffled", x, y);
    }

    /** Mean number of operand bits (of both operands) that change from one pair to the next. */
    public double meanOperandBitFlips() {
        if (a.length < 2) {
            return 0;
        }
        long s = 0;
        for (int i = 1; i < a.length; i++) {
            s += Integer.bitCount((a[i] ^ a[i - 1]) & 0xFF) + Integer.bitCount((b[i] ^ b[i - 1]) & 0xFF);
        }
        return (double) s / (a.length - 1);
    }
}
