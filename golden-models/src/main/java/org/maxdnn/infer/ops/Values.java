package org.maxdnn.infer.ops;

import org.maxdnn.model.ElementType;
import org.maxdnn.model.Quantization;
import org.maxdnn.model.TensorInfo;

/**
 * Quantized values of any integer type the kernels take (int8, uint8 stored as bytes, int16):
 * their ranges, loading and storing by element, and TFLite's rounding.
 */
final class Values {
    private Values() {
    }

    /** A tensor's per-tensor quantization, which must exist. */
    static Quantization perTensor(OperatorContext c, TensorInfo t, String what) {
        if (t.quant() == null || t.quant().channels() != 1) {
            throw c.error(what + ": tensor " + t.name() + " needs per-tensor quantization");
        }
        return t.quant();
    }

    /** The value range [min, max] of an int8, uint8 or int16 tensor. */
    static int[] range(OperatorContext c, TensorInfo t) {
        return switch (t.type()) {
            case INT8 -> new int[] {-128, 127};
            case UINT8 -> new int[] {0, 255};
            case INT16 -> new int[] {-32768, 32767};
            default -> throw c.error("tensor " + t.name() + " is " + t.type() + " (int8, uint8 or int16 expected)");
        };
    }

    static boolean isUnsigned(TensorInfo t) {
        return t.type() == ElementType.UINT8;
    }

    /** Element i of a byte[] (int8, or uint8 when {@code unsigned}) or short[] (int16) tensor, as an int. */
    static int load(Object array, int i, boolean unsigned) {
        return array instanceof byte[] b ? (unsigned ? b[i] & 0xFF : b[i]) : ((short[]) array)[i];
    }

    /** Stores an in-range value; a uint8 value 128…255 wraps into the byte as stored. */
    static void store(Object array, int i, int v) {
        if (array instanceof byte[] b) {
            b[i] = (byte) v;
        } else {
            ((short[]) array)[i] = (short) v;
        }
    }

    /** std::round: half away from zero. */
    static double roundHalfAway(double x) {
        return Math.signum(x) * Math.floor(Math.abs(x) + 0.5);
    }
}
