package org.maxdnn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.flatbuffers.FlatBufferBuilder;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maxdnn.Assets;
import org.maxdnn.MaxdnnException;
import org.maxdnn.infer.Network;
import org.maxdnn.infer.Rounding;
import org.maxdnn.infer.ops.Add;
import org.maxdnn.infer.ops.Conv2D;
import org.maxdnn.infer.ops.DepthwiseConv2D;
import org.maxdnn.infer.ops.FullyConnected;
import org.maxdnn.infer.ops.OperatorContext;
import org.maxdnn.infer.ops.Pool2D;
import org.maxdnn.infer.ops.Softmax;

/** The .tflite reader against the summary made independently from the same file, and on bad files. */
class TfliteReaderTest {
    @TempDir
    Path tmp;

    @Test
    void tensorsAndOperatorsMatchTheIndependentSummary() throws Exception {
        Assets assets = Assets.fromEnvironment();
        byte[] file = Files.readAllBytes(assets.model());
        TfliteModel m = TfliteModel.read(assets.model());
        JsonNode s = new ObjectMapper().readTree(assets.modelSummary().toFile());
        assertEquals(s.get("tensors").size(), m.tensors().size());
        for (JsonNode t : s.get("tensors")) {
            TensorInfo info = m.tensor(t.get("idx").asInt());
            String at = "tensor " + info.index();
            assertEquals(t.get("name").asText(), info.name(), at);
            assertArrayEquals(ints(t.get("shape")), info.shape(), at);
            assertEquals(t.get("type").asText(), info.type().name(), at);
            assertEquals(t.get("data_bytes").asInt(), info.data().length, at);
            if (info.data().length > 0) {
                int off = t.get("data_file_offset").asInt();
                assertArrayEquals(Arrays.copyOfRange(file, off, off + info.data().length), info.data(), at);
            }
            JsonNode q = t.get("quant");
            if (q.isNull()) {
                assertEquals(null, info.quant(), at);
            } else {
                float[] scales = new float[q.get("scale").size()];
                for (int i = 0; i < scales.length; i++) {
                    scales[i] = (float) q.get("scale").get(i).asDouble();
                }
                assertArrayEquals(scales, info.quant().scales(), at);
                assertArrayEquals(Arrays.stream(ints(q.get("zero_point"))).asLongStream().toArray(),
                        info.quant().zeroPoints(), at);
                assertEquals(q.get("quantized_dimension").asInt(), info.quant().quantizedDimension(), at);
            }
        }
        assertEquals(s.get("operators").size(), m.operators().size());
        for (int i = 0; i < m.operators().size(); i++) {
            JsonNode o = s.get("operators").get(i);
            Operator op = m.operators().get(i);
            String at = "operator " + i;
            assertEquals(o.get("op").asText(), op.type().name(), at);
            assertArrayEquals(ints(o.get("inputs")), op.inputs(), at);
            assertArrayEquals(ints(o.get("outputs")), op.outputs(), at);
            JsonNode opt = o.get("options");
            // each operator's class parses its options (the operator registry), read here as the layer would
            OperatorContext c = new OperatorContext(m, op, "t", Rounding.REFERENCE);
            Record parsed = switch (op.type()) {
                case CONV_2D -> Conv2D.Options.parse(c);
                case DEPTHWISE_CONV_2D -> DepthwiseConv2D.Options.parse(c);
                case AVERAGE_POOL_2D, MAX_POOL_2D -> Pool2D.Options.parse(c);
                case FULLY_CONNECTED -> FullyConnected.Options.parse(c);
                case ADD -> Add.Options.parse(c);
                case SOFTMAX -> Softmax.Options.parse(c);
                default -> null;
            };
            if (opt.has("padding")) {
                assertEquals(opt.get("padding").asText(), field(parsed, "padding").toString(), at);
                assertEquals(opt.get("stride_h").asInt(), field(parsed, "strideH"), at);
                assertEquals(opt.get("stride_w").asInt(), field(parsed, "strideW"), at);
            }
            if (opt.has("filter_h")) {
                assertEquals(opt.get("filter_h").asInt(), field(parsed, "filterH"), at);
                assertEquals(opt.get("filter_w").asInt(), field(parsed, "filterW"), at);
            }
            if (opt.has("act")) {
                assertEquals(opt.get("act").asText(), field(parsed, "activation").toString(), at);
            }
            if (opt.has("beta")) {
                assertEquals(opt.get("beta").asDouble(), (Float) field(parsed, "beta"), 0, at);
            }
        }
        assertArrayEquals(ints(s.get("inputs")), m.inputs());
        assertArrayEquals(ints(s.get("outputs")), m.outputs());
    }

    @Test
    void truncatedOrCorruptModelsAreClearErrors() throws Exception {
        byte[] file = Files.readAllBytes(Assets.fromEnvironment().model());
        Path truncated = tmp.resolve("truncated.tflite");
        Files.write(truncated, Arrays.copyOf(file, file.length / 3));
        MaxdnnException e = assertThrows(MaxdnnException.class, () -> TfliteModel.read(truncated));
        assertEquals(MaxdnnException.BAD_INPUT, e.exitCode());
        assertTrue(e.getMessage().contains(truncated.toString()), e.getMessage());

        Path notTflite = tmp.resolve("image.tflite");
        Files.write(notTflite, new byte[3072]);
        e = assertThrows(MaxdnnException.class, () -> TfliteModel.read(notTflite));
        assertTrue(e.getMessage().contains("TFL3"), e.getMessage());

        Path missing = tmp.resolve("missing.tflite");
        e = assertThrows(MaxdnnException.class, () -> TfliteModel.read(missing));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    @Test
    void anUnsupportedOperatorIsNamed() throws Exception {
        // the reader reads any operator; the network refuses what the operator registry does not run
        // (MUL and DEQUANTIZE, once the examples here, are run since #27)
        Path lookup = tmp.resolve("lookup.tflite");
        Files.write(lookup, modelWithOneOperator(7)); // EMBEDDING_LOOKUP
        MaxdnnException e = assertThrows(MaxdnnException.class, () -> Network.load(lookup));
        assertTrue(e.getMessage().contains("unsupported operator EMBEDDING_LOOKUP") && e.getMessage().contains("operator 0"),
                e.getMessage());
        Path lsh = tmp.resolve("lsh.tflite");
        Files.write(lsh, modelWithOneOperator(15));
        e = assertThrows(MaxdnnException.class, () -> Network.load(lsh));
        assertTrue(e.getMessage().contains("unsupported operator LSH_PROJECTION") && e.getMessage().contains("operator 0"),
                e.getMessage());
        assertEquals(MaxdnnException.BAD_INPUT, e.exitCode());
        Path dw = tmp.resolve("dw.tflite");
        Files.write(dw, modelWithOneOperator(4)); // supported, but without its options
        e = assertThrows(MaxdnnException.class, () -> Network.load(dw));
        assertTrue(e.getMessage().contains("operator 0 (DEPTHWISE_CONV_2D): builtin options missing"), e.getMessage());
    }

    /** A minimal schema-3 model: one empty buffer, one subgraph with one operator of {@code code}. */
    private static byte[] modelWithOneOperator(int code) {
        FlatBufferBuilder b = new FlatBufferBuilder();
        b.startTable(4);
        b.addInt(3, code, 0);
        int opcode = b.endTable();
        int opcodes = b.createVectorOfTables(new int[] {opcode});
        b.startTable(9);
        b.addInt(0, 0, -1); // opcode_index 0, forced
        int op = b.endTable();
        int ops = b.createVectorOfTables(new int[] {op});
        b.startTable(5);
        b.addOffset(3, ops, 0);
        int subgraph = b.endTable();
        int subgraphs = b.createVectorOfTables(new int[] {subgraph});
        b.startTable(1);
        int buffer = b.endTable();
        int buffers = b.createVectorOfTables(new int[] {buffer});
        b.startTable(5);
        b.addInt(0, 3, 0);
        b.addOffset(1, opcodes, 0);
        b.addOffset(2, subgraphs, 0);
        b.addOffset(4, buffers, 0);
        int model = b.endTable();
        b.finish(model, "TFL3");
        ByteBuffer bb = b.dataBuffer();
        byte[] out = new byte[bb.remaining()];
        bb.get(out);
        return out;
    }

    /** A component of an options record by name. */
    private static Object field(Record r, String name) throws Exception {
        assertNotNull(r, "no options parsed for a field " + name);
        for (var c : r.getClass().getRecordComponents()) {
            if (c.getName().equals(name)) {
                return c.getAccessor().invoke(r);
            }
        }
        throw new AssertionError(r + " has no " + name);
    }

    private static int[] ints(JsonNode a) {
        int[] v = new int[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).asInt();
        }
        return v;
    }
}
