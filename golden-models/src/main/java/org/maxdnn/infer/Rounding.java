package org.maxdnn.infer;

import java.util.Locale;
import org.maxdnn.MaxdnnException;

/**
 * Which integer arithmetic a {@link Network} reproduces (SPEC §12). Both agree on everything but
 * the rounding of CONV_2D and FULLY_CONNECTED requantization.
 */
public enum Rounding {
    /**
     * TFLite's reference kernels (and TFLite Micro, CMSIS-NN: what an MCU deployment computes):
     * gemmlowp's double rounding in every requantization.
     */
    REFERENCE,
    /**
     * What the TFLite x86 interpreter (2.6, default options) computes: CONV_2D and FULLY_CONNECTED
     * run on ruy, whose output stage rounds once; DEPTHWISE_CONV_2D, ADD and AVERAGE_POOL_2D keep the
     * reference arithmetic in its optimized kernels. Checked bit for bit against the interpreter.
     */
    RUNTIME;

    /** The lower-case name used on the command line. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Rounding parse(String s) {
        for (Rounding r : values()) {
            if (r.label().equals(s)) {
                return r;
            }
        }
        throw new MaxdnnException(MaxdnnException.USAGE, "unknown rounding '" + s + "' (reference or runtime)");
    }
}
