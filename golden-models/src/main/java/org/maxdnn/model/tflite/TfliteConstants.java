package org.maxdnn.model.tflite;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;
import org.maxdnn.MaxdnnException;

/**
 * A copy of a .tflite model with new contents for some constant tensors: their data (weights,
 * biases) and their quantisation scales, written in place into the original flatbuffer. Sizes do
 * not change (an int8 weight stays int8, a per-channel scale vector keeps its length), so the graph,
 * every other tensor, the operators and their options stay byte for byte what they were: the
 * fine-tuned model is the original one with new numbers.
 */
public final class TfliteConstants {
    private final byte[] model;
    private final Map<Integer, byte[]> data = new HashMap<>();
    private final Map<Integer, float[]> scales = new HashMap<>();

    public TfliteConstants(byte[] model) {
        this.model = model.clone();
    }

    /** New little-endian content of tensor {@code tensor}'s buffer (the same length as the old). */
    public TfliteConstants data(int tensor, byte[] bytes) {
        data.put(tensor, bytes.clone());
        return this;
    }

    /** New quantisation scales of tensor {@code tensor} (as many as it has). */
    public TfliteConstants scales(int tensor, float[] values) {
        scales.put(tensor, values.clone());
        return this;
    }

    /** The rewritten model. */
    public byte[] bytes() {
        ByteBuffer buf = ByteBuffer.wrap(model.clone()).order(ByteOrder.LITTLE_ENDIAN);
        TfliteSchema.Model m = TfliteSchema.Model.root(buf);
        if (m.subgraphsLength() != 1) {
            throw MaxdnnException.badInput("only single-subgraph models can be rewritten");
        }
        TfliteSchema.SubGraph g = m.subgraph(0);
        Map<Long, Integer> bufferOwner = new HashMap<>();
        for (int t = 0; t < g.tensorsLength(); t++) {
            long b = g.tensor(t).buffer();
            if (b != 0) {
                bufferOwner.merge(b, 1, Integer::sum);
            }
        }
        for (var e : data.entrySet()) {
            TfliteSchema.Tensor t = tensor(g, e.getKey());
            long b = t.buffer();
            if (b == 0 || bufferOwner.getOrDefault(b, 0) != 1) {
                throw new IllegalArgumentException("tensor " + e.getKey() + " (" + t.name() + ") has "
                        + (b == 0 ? "no buffer" : "a buffer shared with another tensor"));
            }
            int[] pos = m.buffer((int) b).dataPosition();
            if (pos == null || pos[1] != e.getValue().length) {
                throw new IllegalArgumentException("tensor " + e.getKey() + " (" + t.name() + ") holds "
                        + (pos == null ? 0 : pos[1]) + " bytes, not " + e.getValue().length);
            }
            buf.put(pos[0], e.getValue());
        }
        for (var e : scales.entrySet()) {
            TfliteSchema.Tensor t = tensor(g, e.getKey());
            TfliteSchema.QuantizationParameters q = t.quantization();
            int[] pos = q == null ? null : q.scalePosition();
            if (pos == null || pos[1] != e.getValue().length) {
                throw new IllegalArgumentException("tensor " + e.getKey() + " (" + t.name() + ") has "
                        + (pos == null ? 0 : pos[1]) + " scales, not " + e.getValue().length);
            }
            for (int i = 0; i < pos[1]; i++) {
                buf.putFloat(pos[0] + 4 * i, e.getValue()[i]);
            }
        }
        return buf.array();
    }

    private static TfliteSchema.Tensor tensor(TfliteSchema.SubGraph g, int index) {
        if (index < 0 || index >= g.tensorsLength()) {
            throw new IllegalArgumentException("tensor " + index + " out of range (" + g.tensorsLength() + " tensors)");
        }
        return g.tensor(index);
    }
}
