package org.maxdnn.sim;

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
}
