package org.maxdnn.model.tflite;

import com.google.flatbuffers.Table;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The part of TensorFlow Lite's {@code schema.fbs} (schema version 3) that int8 CNNs need, as
 * flatbuffers-java table views. Each field is read by its slot number in the schema (slot n lives
 * at vtable offset 4 + 2n; a union takes two slots, type then value). Absent fields give the
 * schema's default.
 */
final class TfliteSchema {
    private TfliteSchema() {
    }

    /** Accessors shared by every table view. */
    abstract static class View extends Table {
        final <T extends View> T at(int pos, ByteBuffer buf) {
            __reset(pos, buf);
            @SuppressWarnings("unchecked")
            T self = (T) this;
            return self;
        }

        private int field(int slot) {
            return __offset(4 + 2 * slot);
        }

        final boolean has(int slot) {
            return field(slot) != 0;
        }

        final int int32(int slot, int dflt) {
            int o = field(slot);
            return o != 0 ? bb.getInt(o + bb_pos) : dflt;
        }

        final long uint32(int slot) {
            int o = field(slot);
            return o != 0 ? Integer.toUnsignedLong(bb.getInt(o + bb_pos)) : 0;
        }

        final int int8(int slot, int dflt) {
            int o = field(slot);
            return o != 0 ? bb.get(o + bb_pos) : dflt;
        }

        final int uint8(int slot) {
            int o = field(slot);
            return o != 0 ? bb.get(o + bb_pos) & 0xFF : 0;
        }

        final float float32(int slot, float dflt) {
            int o = field(slot);
            return o != 0 ? bb.getFloat(o + bb_pos) : dflt;
        }

        final String string(int slot) {
            int o = field(slot);
            return o != 0 ? __string(o + bb_pos) : null;
        }

        final int length(int slot) {
            int o = field(slot);
            return o != 0 ? __vector_len(o) : 0;
        }

        final int[] ints(int slot) {
            int o = field(slot);
            if (o == 0) {
                return new int[0];
            }
            int n = __vector_len(o);
            int start = __vector(o);
            int[] v = new int[n];
            for (int i = 0; i < n; i++) {
                v[i] = bb.getInt(start + 4 * i);
            }
            return v;
        }

        final float[] floats(int slot) {
            int o = field(slot);
            if (o == 0) {
                return new float[0];
            }
            int n = __vector_len(o);
            int start = __vector(o);
            float[] v = new float[n];
            for (int i = 0; i < n; i++) {
                v[i] = bb.getFloat(start + 4 * i);
            }
            return v;
        }

        final long[] longs(int slot) {
            int o = field(slot);
            if (o == 0) {
                return new long[0];
            }
            int n = __vector_len(o);
            int start = __vector(o);
            long[] v = new long[n];
            for (int i = 0; i < n; i++) {
                v[i] = bb.getLong(start + 8 * i);
            }
            return v;
        }

        final byte[] bytes(int slot) {
            int o = field(slot);
            if (o == 0) {
                return new byte[0];
            }
            int n = __vector_len(o);
            byte[] v = new byte[n];
            bb.get(__vector(o), v, 0, n);
            return v;
        }

        /** The sub-table in {@code slot}, or null when absent. */
        final <T extends View> T table(int slot, T view) {
            int o = field(slot);
            return o != 0 ? view.at(__indirect(o + bb_pos), bb) : null;
        }

        /** Element {@code i} of a vector of tables. */
        final <T extends View> T element(int slot, int i, T view) {
            int o = field(slot);
            return view.at(__indirect(__vector(o) + 4 * i), bb);
        }
    }

    /** table Model. */
    static final class Model extends View {
        static Model root(ByteBuffer buf) {
            buf.order(ByteOrder.LITTLE_ENDIAN);
            return new Model().at(buf.getInt(buf.position()) + buf.position(), buf);
        }

        long version() {
            return uint32(0);
        }

        int operatorCodesLength() {
            return length(1);
        }

        OperatorCode operatorCode(int i) {
            return element(1, i, new OperatorCode());
        }

        int subgraphsLength() {
            return length(2);
        }

        SubGraph subgraph(int i) {
            return element(2, i, new SubGraph());
        }

        String description() {
            return string(3);
        }

        int buffersLength() {
            return length(4);
        }

        Buffer buffer(int i) {
            return element(4, i, new Buffer());
        }
    }

    /** table OperatorCode: the builtin code is the larger of the deprecated byte and the int32 field. */
    static final class OperatorCode extends View {
        int builtinCode() {
            return Math.max(int8(0, 0), int32(3, 0));
        }

        String customCode() {
            return string(1);
        }
    }

    /** table SubGraph. */
    static final class SubGraph extends View {
        int tensorsLength() {
            return length(0);
        }

        Tensor tensor(int i) {
            return element(0, i, new Tensor());
        }

        int[] inputs() {
            return ints(1);
        }

        int[] outputs() {
            return ints(2);
        }

        /** Absolute position of the outputs field (a uoffset to the vector), or -1 when absent. */
        int outputsFieldPosition() {
            int o = __offset(4 + 2 * 2);
            return o != 0 ? bb_pos + o : -1;
        }

        int operatorsLength() {
            return length(3);
        }

        Operator operator(int i) {
            return element(3, i, new Operator());
        }
    }

    /** table Tensor. */
    static final class Tensor extends View {
        int[] shape() {
            return ints(0);
        }

        int type() {
            return int8(1, 0);
        }

        long buffer() {
            return uint32(2);
        }

        String name() {
            return string(3);
        }

        QuantizationParameters quantization() {
            return table(4, new QuantizationParameters());
        }
    }

    /** table QuantizationParameters (slots 4–5 are the details union). */
    static final class QuantizationParameters extends View {
        float[] scale() {
            return floats(2);
        }

        long[] zeroPoint() {
            return longs(3);
        }

        int quantizedDimension() {
            return int32(6, 0);
        }
    }

    /** table Buffer: inline data only (slots 1–2, data outside the flatbuffer, are rejected). */
    static final class Buffer extends View {
        byte[] data() {
            return bytes(0);
        }

        boolean hasExternalData() {
            return has(1) || has(2);
        }
    }

    /** table Operator. */
    static final class Operator extends View {
        long opcodeIndex() {
            return uint32(0);
        }

        int[] inputs() {
            return ints(1);
        }

        int[] outputs() {
            return ints(2);
        }

        int builtinOptionsType() {
            return uint8(3);
        }

        /** The builtin options table read through {@code view}, or null when absent. */
        <T extends View> T builtinOptions(T view) {
            return table(4, view);
        }
    }

    /** Conv2DOptions and DepthwiseConv2DOptions share this view; slots differ and are named by the reader. */
    static final class Options extends View {
        int int8At(int slot, int dflt) {
            return int8(slot, dflt);
        }

        int int32At(int slot, int dflt) {
            return int32(slot, dflt);
        }

        float float32At(int slot, float dflt) {
            return float32(slot, dflt);
        }

        int[] intsAt(int slot) {
            return ints(slot);
        }
    }
}
