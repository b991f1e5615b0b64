package org.maxdnn.model.tflite;

import com.google.flatbuffers.Table;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The part of TensorFlow Lite's {@code schema.fbs} (schema version 3) that int8 CNNs need, as
 * flatbuffers-java table views. Each field is read by its slot number in the schema (slot n lives
 * at vtable offset 4 + 2n; a union takes two slots, type then value). Absent fields give the
 * schema's default.
 */
final class TfliteSchema {
    private TfliteSchema() {
    }

    /**
     * A structural inconsistency: an offset, a vtable or a vector that points outside the file or
     * claims a negative length. The reader adds which tensor, buffer or operator it was reading.
     */
    static final class CorruptException extends RuntimeException {
        CorruptException(String message) {
            super(message);
        }
    }

    /**
     * Accessors shared by every table view. Every offset and vector is checked against the buffer
     * before it is followed, so a damaged file is a {@link CorruptException} naming the byte offset,
     * never an arbitrary exception or a huge allocation.
     */
    abstract static class View extends Table {
        final <T extends View> T at(int pos, ByteBuffer buf) {
            require(buf, pos >= 0 && (long) pos + 4 <= buf.limit(), "table", pos);
            long vt = (long) pos - buf.getInt(pos);
            require(buf, vt >= 0 && vt + 4 <= buf.limit(), "vtable of the table", pos);
            int vtSize = buf.getShort((int) vt) & 0xFFFF;
            require(buf, vtSize >= 4 && vt + vtSize <= buf.limit() && vtSize % 2 == 0, "vtable size " + vtSize
                    + " of the table", pos);
            __reset(pos, buf);
            @SuppressWarnings("unchecked")
            T self = (T) this;
            return self;
        }

        private static void require(ByteBuffer buf, boolean ok, String what, long at) {
            if (!ok) {
                throw new CorruptException(what + " at byte offset " + at + " points outside the file ("
                        + buf.limit() + " bytes)");
            }
        }

        /** Absolute position of the field in {@code slot} holding {@code width} bytes, or -1 when absent. */
        private int field(int slot, int width) {
            int o = __offset(4 + 2 * slot);
            if (o == 0) {
                return -1;
            }
            long p = (long) bb_pos + o;
            require(bb, p + width <= bb.limit(), "field " + slot, bb_pos);
            return (int) p;
        }

        final boolean has(int slot) {
            return __offset(4 + 2 * slot) != 0;
        }

        final int int32(int slot, int dflt) {
            int p = field(slot, 4);
            return p >= 0 ? bb.getInt(p) : dflt;
        }

        final long uint32(int slot) {
            int p = field(slot, 4);
            return p >= 0 ? Integer.toUnsignedLong(bb.getInt(p)) : 0;
        }

        final int int8(int slot, int dflt) {
            int p = field(slot, 1);
            return p >= 0 ? bb.get(p) : dflt;
        }

        final int uint8(int slot) {
            int p = field(slot, 1);
            return p >= 0 ? bb.get(p) & 0xFF : 0;
        }

        final float float32(int slot, float dflt) {
            int p = field(slot, 4);
            return p >= 0 ? bb.getFloat(p) : dflt;
        }

        /** The position that the uoffset at {@code p} points to, checked. */
        private int indirect(int p) {
            long target = (long) p + Integer.toUnsignedLong(bb.getInt(p));
            require(bb, target + 4 <= bb.limit(), "offset", p);
            return (int) target;
        }

        /** A vector in {@code slot} of elements {@code width} bytes wide: {start, length}, or null when absent. */
        final int[] vector(int slot, int width) {
            int p = field(slot, 4);
            if (p < 0) {
                return null;
            }
            int v = indirect(p);
            long n = Integer.toUnsignedLong(bb.getInt(v));
            long start = (long) v + 4;
            if (start + n * width > bb.limit()) {
                throw new CorruptException("vector at byte offset " + v + " claims " + n + " elements of " + width
                        + " bytes, past the end of the file (" + bb.limit() + " bytes)");
            }
            return new int[] {(int) start, (int) n};
        }

        final String string(int slot) {
            int[] v = vector(slot, 1);
            if (v == null) {
                return null;
            }
            byte[] b = new byte[v[1]];
            bb.get(v[0], b, 0, v[1]);
            return new String(b, StandardCharsets.UTF_8);
        }

        final int length(int slot) {
            int[] v = vector(slot, 4);
            return v == null ? 0 : v[1];
        }

        final int[] ints(int slot) {
            int[] v = vector(slot, 4);
            int[] out = new int[v == null ? 0 : v[1]];
            for (int i = 0; i < out.length; i++) {
                out[i] = bb.getInt(v[0] + 4 * i);
            }
            return out;
        }

        final float[] floats(int slot) {
            int[] v = vector(slot, 4);
            float[] out = new float[v == null ? 0 : v[1]];
            for (int i = 0; i < out.length; i++) {
                out[i] = bb.getFloat(v[0] + 4 * i);
            }
            return out;
        }

        final long[] longs(int slot) {
            int[] v = vector(slot, 8);
            long[] out = new long[v == null ? 0 : v[1]];
            for (int i = 0; i < out.length; i++) {
                out[i] = bb.getLong(v[0] + 8 * i);
            }
            return out;
        }

        final byte[] bytes(int slot) {
            int[] v = vector(slot, 1);
            byte[] out = new byte[v == null ? 0 : v[1]];
            if (v != null) {
                bb.get(v[0], out, 0, v[1]);
            }
            return out;
        }

        /** The sub-table in {@code slot}, or null when absent. */
        final <T extends View> T table(int slot, T view) {
            int p = field(slot, 4);
            return p >= 0 ? view.at(indirect(p), bb) : null;
        }

        /** Element {@code i} of a vector of tables. */
        final <T extends View> T element(int slot, int i, T view) {
            int[] v = vector(slot, 4);
            if (v == null || i < 0 || i >= v[1]) {
                throw new CorruptException("element " + i + " of a vector of " + (v == null ? 0 : v[1]) + " tables");
            }
            return view.at(indirect(v[0] + 4 * i), bb);
        }
    }

    /** table Model. */
    static final class Model extends View {
        static Model root(ByteBuffer buf) {
            buf.order(ByteOrder.LITTLE_ENDIAN);
            View.require(buf, buf.limit() >= 8, "root offset", 0);
            return new Model().at((int) Math.min(Integer.MAX_VALUE,
                    Integer.toUnsignedLong(buf.getInt(buf.position())) + buf.position()), buf);
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

        /** {start, length} of the scale vector in the file, or null. */
        int[] scalePosition() {
            return vector(2, 4);
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

        /** {start, length} of the data vector in the file, or null. */
        int[] dataPosition() {
            return vector(0, 1);
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

    /** Any builtin options table: each operator class names its own slots. */
    static final class Options extends View implements org.maxdnn.model.BuiltinOptions {
        @Override
        public boolean present() {
            return true;
        }

        @Override
        public int int8At(int slot, int dflt) {
            return int8(slot, dflt);
        }

        @Override
        public int int32At(int slot, int dflt) {
            return int32(slot, dflt);
        }

        @Override
        public float float32At(int slot, float dflt) {
            return float32(slot, dflt);
        }

        @Override
        public int[] intsAt(int slot) {
            return ints(slot);
        }
    }
}
