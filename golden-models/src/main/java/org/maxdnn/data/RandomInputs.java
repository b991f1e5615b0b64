package org.maxdnn.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.maxdnn.MaxdnnException;
import org.maxdnn.infer.Network;
import org.maxdnn.model.ElementType;
import org.maxdnn.model.OpType;
import org.maxdnn.model.Operator;
import org.maxdnn.model.TensorInfo;

/**
 * Deterministic inputs for a model without data ({@code --random N --seed S}): every element of
 * every input tensor uniform over the tensor's whole range, the same for the same seed on any
 * machine. Integer tensors take every code of their type (the first two elements of a tensor of at
 * least two are its two ends); a float32 input takes the real range its QUANTIZE maps onto the
 * quantised type's codes, {@code [(min − zp)·s, (max − zp)·s]} (±1 when no QUANTIZE reads it). Each
 * sample is held as {@link org.maxdnn.infer.InferencePlan#setInput} takes it; its label is −1.
 */
public final class RandomInputs {
    private RandomInputs() {
    }

    /** {@code n} samples named {@code random0}, {@code random1}, … */
    public static List<LabeledImage> of(Network net, int n, long seed) {
        Random rnd = new Random(seed);
        List<LabeledImage> out = new ArrayList<>(n);
        for (int s = 0; s < n; s++) {
            ByteBuffer b = ByteBuffer.allocate(net.inputBytes()).order(ByteOrder.LITTLE_ENDIAN);
            for (int t : net.inputTensors()) {
                fill(net, net.model().tensor(t), rnd, b);
            }
            out.add(new LabeledImage("random" + s, -1, b.array()));
        }
        return out;
    }

    private static void fill(Network net, TensorInfo t, Random rnd, ByteBuffer b) {
        int n = t.elements();
        for (int i = 0; i < n; i++) {
            boolean low = n >= 2 && i == 0;
            boolean high = n >= 2 && i == 1;
            switch (t.type()) {
                // one-byte tensors in unsigned form: int8 code + 128, uint8 code ^ 0x80
                case INT8 -> b.put((byte) ((low ? -128 : high ? 127 : rnd.nextInt(256) - 128) ^ 0x80));
                case UINT8 -> b.put((byte) ((low ? 0 : high ? 255 : rnd.nextInt(256)) ^ 0x80));
                case INT16 -> b.putShort((short) (low ? Short.MIN_VALUE : high ? Short.MAX_VALUE
                        : rnd.nextInt(65536) + Short.MIN_VALUE));
                case FLOAT32 -> {
                    float[] range = floatRange(net, t);
                    b.putFloat(low ? range[0] : high ? range[1] : range[0] + rnd.nextFloat() * (range[1] - range[0]));
                }
                default -> throw MaxdnnException.badInput("model " + net.model().file() + ": input tensor " + t.index()
                        + " (" + t.name() + ") is " + t.type() + "; --random makes int8, uint8, int16 and float32 "
                        + "inputs");
            }
        }
    }

    /** The reals the QUANTIZE reading {@code t} maps onto its output type's codes, else ±1. */
    private static float[] floatRange(Network net, TensorInfo t) {
        for (Operator op : net.model().operators()) {
            if (op.type() == OpType.QUANTIZE && op.inputs().length > 0 && op.inputs()[0] == t.index()) {
                TensorInfo q = net.model().tensor(op.outputs()[0]);
                if (q.quant() != null && q.quant().scales().length > 0) {
                    float s = q.quant().scale();
                    int zp = q.quant().zeroPoint();
                    int min = q.type() == ElementType.UINT8 ? 0 : q.type() == ElementType.INT16 ? Short.MIN_VALUE : -128;
                    int max = q.type() == ElementType.UINT8 ? 255 : q.type() == ElementType.INT16 ? Short.MAX_VALUE : 127;
                    return new float[] {(min - zp) * s, (max - zp) * s};
                }
            }
        }
        return new float[] {-1, 1};
    }
}
