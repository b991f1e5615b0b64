package org.maxdnn.model.tflite;

import com.google.flatbuffers.FlatBufferBuilder;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.maxdnn.model.ElementType;
import org.maxdnn.model.OpType;

/**
 * Writes small .tflite models (schema version 3, one subgraph) for tests: tensors with their
 * quantization and constant data, operators with their builtin options given slot by slot, as
 * schema.fbs numbers them. Only what a test states is written; every other field keeps the schema's
 * default, so what the TFLite interpreter and the golden model see is exactly the test's model.
 */
public final class TfliteBuilder {
    /** Affine quantization: one scale (per tensor) or one per channel along {@code dimension}. */
    public record Quant(float[] scales, long[] zeroPoints, int dimension) {
        public static Quant of(float scale, int zeroPoint) {
            return new Quant(new float[] {scale}, new long[] {zeroPoint}, 0);
        }

        public static Quant perChannel(float[] scales, int dimension) {
            return new Quant(scales, new long[scales.length], dimension);
        }
    }

    private record Tensor(String name, ElementType type, int[] shape, Quant quant, byte[] data) {
    }

    private record Field(int slot, char kind, Object value) {
    }

    /** A builtin options table: its union type (schema.fbs BuiltinOptions) and its fields by slot. */
    public static final class Options {
        private final int unionType;
        private final List<Field> fields = new ArrayList<>();

        public Options(int unionType) {
            this.unionType = unionType;
        }

        /** A byte, bool or byte-wide enum field. */
        public Options int8(int slot, int v) {
            fields.add(new Field(slot, 'b', v));
            return this;
        }

        public Options int32(int slot, int v) {
            fields.add(new Field(slot, 'i', v));
            return this;
        }

        public Options float32(int slot, float v) {
            fields.add(new Field(slot, 'f', v));
            return this;
        }

        public Options ints(int slot, int... v) {
            fields.add(new Field(slot, 'v', v.clone()));
            return this;
        }
    }

    private record Op(OpType type, String custom, int[] inputs, int[] outputs, Options options) {
    }

    private final List<Tensor> tensors = new ArrayList<>();
    private final List<Op> ops = new ArrayList<>();
    private int[] inputs = new int[0];
    private int[] outputs = new int[0];

    /** An activation tensor; returns its index. */
    public int tensor(String name, ElementType type, int[] shape, Quant quant) {
        tensors.add(new Tensor(name, type, shape.clone(), quant, new byte[0]));
        return tensors.size() - 1;
    }

    /** A constant tensor of little-endian {@code data}; returns its index. */
    public int constant(String name, ElementType type, int[] shape, Quant quant, byte[] data) {
        tensors.add(new Tensor(name, type, shape.clone(), quant, data.clone()));
        return tensors.size() - 1;
    }

    /** A constant int32 tensor (shapes, paddings, axes, biases). */
    public int int32s(String name, int[] shape, Quant quant, int... values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            b.putInt(v);
        }
        return constant(name, ElementType.INT32, shape, quant, b.array());
    }

    /** A constant int32 vector. */
    public int int32s(String name, int... values) {
        return int32s(name, new int[] {values.length}, null, values);
    }

    public TfliteBuilder operator(OpType type, int[] in, int[] out, Options options) {
        ops.add(new Op(type, null, in.clone(), out.clone(), options));
        return this;
    }

    public TfliteBuilder custom(String name, int[] in, int[] out) {
        ops.add(new Op(OpType.CUSTOM, name, in.clone(), out.clone(), null));
        return this;
    }

    public TfliteBuilder inputs(int... t) {
        inputs = t.clone();
        return this;
    }

    public TfliteBuilder outputs(int... t) {
        outputs = t.clone();
        return this;
    }

    public byte[] build() {
        FlatBufferBuilder b = new FlatBufferBuilder(1024);
        // buffer 0 is the empty buffer of every activation tensor, as converters write it
        List<Integer> bufferOffsets = new ArrayList<>();
        bufferOffsets.add(table(b, 1, () -> { }));
        int[] tensorOffsets = new int[tensors.size()];
        for (int i = 0; i < tensors.size(); i++) {
            Tensor t = tensors.get(i);
            int buffer = 0;
            if (t.data.length > 0) {
                b.startVector(1, t.data.length, 16);
                for (int k = t.data.length - 1; k >= 0; k--) {
                    b.addByte(t.data[k]);
                }
                int data = b.endVector();
                bufferOffsets.add(table(b, 1, () -> b.addOffset(0, data, 0)));
                buffer = bufferOffsets.size() - 1;
            }
            int name = b.createString(t.name);
            int shape = ints(b, t.shape);
            int quant = 0;
            if (t.quant != null) {
                int scales = floats(b, t.quant.scales);
                int zps = longs(b, t.quant.zeroPoints);
                Quant q = t.quant;
                quant = table(b, 7, () -> {
                    b.addOffset(2, scales, 0);
                    b.addOffset(3, zps, 0);
                    b.addInt(6, q.dimension, 0);
                });
            }
            int quantOffset = quant;
            int bufferIndex = buffer;
            tensorOffsets[i] = table(b, 8, () -> {
                b.addOffset(0, shape, 0);
                b.addByte(1, (byte) t.type.ordinal(), 0);
                b.addInt(2, bufferIndex, 0);
                b.addOffset(3, name, 0);
                if (quantOffset != 0) {
                    b.addOffset(4, quantOffset, 0);
                }
            });
        }
        Map<String, Integer> codes = new LinkedHashMap<>();
        List<Integer> codeOffsets = new ArrayList<>();
        int[] opOffsets = new int[ops.size()];
        for (int i = 0; i < ops.size(); i++) {
            Op op = ops.get(i);
            String key = op.type.name() + (op.custom != null ? ":" + op.custom : "");
            if (!codes.containsKey(key)) {
                int custom = op.custom != null ? b.createString(op.custom) : 0;
                int code = op.type.code();
                codeOffsets.add(table(b, 4, () -> {
                    b.addByte(0, (byte) Math.min(code, 127), 0);
                    if (custom != 0) {
                        b.addOffset(1, custom, 0);
                    }
                    b.addInt(2, 1, 0);
                    b.addInt(3, code, 0);
                }));
                codes.put(key, codes.size());
            }
            int opcode = codes.get(key);
            int in = ints(b, op.inputs);
            int out = ints(b, op.outputs);
            int options = op.options != null ? options(b, op.options) : 0;
            opOffsets[i] = table(b, 9, () -> {
                b.addInt(0, opcode, -1);
                b.addOffset(1, in, 0);
                b.addOffset(2, out, 0);
                if (op.options != null) {
                    b.addByte(3, (byte) op.options.unionType, 0);
                    b.addOffset(4, options, 0);
                }
            });
        }
        int tensorVector = b.createVectorOfTables(tensorOffsets);
        int inVector = ints(b, inputs);
        int outVector = ints(b, outputs);
        int opVector = b.createVectorOfTables(opOffsets);
        int subgraph = table(b, 5, () -> {
            b.addOffset(0, tensorVector, 0);
            b.addOffset(1, inVector, 0);
            b.addOffset(2, outVector, 0);
            b.addOffset(3, opVector, 0);
        });
        int subgraphs = b.createVectorOfTables(new int[] {subgraph});
        int codeVector = b.createVectorOfTables(codeOffsets.stream().mapToInt(Integer::intValue).toArray());
        int bufferVector = b.createVectorOfTables(bufferOffsets.stream().mapToInt(Integer::intValue).toArray());
        int description = b.createString("built by a test");
        int model = table(b, 5, () -> {
            b.addInt(0, 3, 0);
            b.addOffset(1, codeVector, 0);
            b.addOffset(2, subgraphs, 0);
            b.addOffset(3, description, 0);
            b.addOffset(4, bufferVector, 0);
        });
        b.finish(model, "TFL3");
        return b.sizedByteArray();
    }

    private static int options(FlatBufferBuilder b, Options o) {
        int[] vectors = new int[o.fields.size()];
        for (int i = 0; i < vectors.length; i++) {
            if (o.fields.get(i).kind == 'v') {
                vectors[i] = ints(b, (int[]) o.fields.get(i).value);
            }
        }
        int slots = o.fields.stream().mapToInt(Field::slot).max().orElse(-1) + 1;
        return table(b, slots, () -> {
            for (int i = 0; i < vectors.length; i++) {
                Field f = o.fields.get(i);
                switch (f.kind) {
                    case 'b' -> b.addByte(f.slot, (byte) (int) (Integer) f.value, Integer.MIN_VALUE);
                    case 'i' -> b.addInt(f.slot, (Integer) f.value, Integer.MIN_VALUE);
                    case 'f' -> b.addFloat(f.slot, (Float) f.value, Double.NaN);
                    default -> b.addOffset(f.slot, vectors[i], 0);
                }
            }
        });
    }

    private static int table(FlatBufferBuilder b, int slots, Runnable fields) {
        b.startTable(slots);
        fields.run();
        return b.endTable();
    }

    private static int ints(FlatBufferBuilder b, int[] v) {
        b.startVector(4, v.length, 4);
        for (int i = v.length - 1; i >= 0; i--) {
            b.addInt(v[i]);
        }
        return b.endVector();
    }

    private static int floats(FlatBufferBuilder b, float[] v) {
        b.startVector(4, v.length, 4);
        for (int i = v.length - 1; i >= 0; i--) {
            b.addFloat(v[i]);
        }
        return b.endVector();
    }

    private static int longs(FlatBufferBuilder b, long[] v) {
        b.startVector(8, v.length, 8);
        for (int i = v.length - 1; i >= 0; i--) {
            b.addLong(v[i]);
        }
        return b.endVector();
    }
}
