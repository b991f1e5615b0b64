package org.maxdnn.model.tflite;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.maxdnn.MaxdnnException;
import org.maxdnn.io.InputFiles;
import org.maxdnn.model.BuiltinOptions;
import org.maxdnn.model.ElementType;
import org.maxdnn.model.OpType;
import org.maxdnn.model.Operator;
import org.maxdnn.model.Quantization;
import org.maxdnn.model.TensorInfo;
import org.maxdnn.model.TfliteModel;

/**
 * Reads a .tflite flatbuffer into a {@link TfliteModel}: tensors with their quantization and
 * constant data, and every operator with its raw options (which operators the golden model runs,
 * and their options, are the operator registry's business). External buffers and a damaged file
 * are clear errors naming the file and the place.
 */
public final class TfliteReader {
    private final Path file;
    /** What is being read, for the message when the file turns out to be damaged. */
    private String reading = "the model header";

    private TfliteReader(Path file) {
        this.file = file;
    }

    public static TfliteModel read(Path file) {
        return parse(file, InputFiles.readBytes(file, "model"));
    }

    /** Reads a model's bytes; {@code file} names it in messages. */
    public static TfliteModel parse(Path file, byte[] bytes) {
        return new TfliteReader(file).parse(bytes);
    }

    private TfliteModel parse(byte[] bytes) {
        if (bytes.length < 8 || bytes[4] != 'T' || bytes[5] != 'F' || bytes[6] != 'L' || bytes[7] != '3') {
            throw error("not a TFLite flatbuffer (file identifier TFL3 missing)");
        }
        try {
            return parse(TfliteSchema.Model.root(ByteBuffer.wrap(bytes)));
        } catch (TfliteSchema.CorruptException e) {
            throw MaxdnnException.badInput("corrupt or truncated model " + file + " (" + bytes.length + " bytes): "
                    + reading + ": " + e.getMessage(), e);
        } catch (IndexOutOfBoundsException | BufferUnderflowException | IllegalArgumentException e) {
            throw MaxdnnException.badInput("corrupt or truncated model " + file + " (" + bytes.length + " bytes): "
                    + reading + ": " + e.getClass().getSimpleName() + (e.getMessage() != null ? " " + e.getMessage() : ""), e);
        }
    }

    private TfliteModel parse(TfliteSchema.Model m) {
        if (m.version() != 3) {
            throw error("schema version " + m.version() + " (expected 3)");
        }
        if (m.subgraphsLength() != 1) {
            throw error(m.subgraphsLength() + " subgraphs (only single-subgraph models are supported)");
        }
        reading = "subgraph 0";
        TfliteSchema.SubGraph g = m.subgraph(0);
        List<TensorInfo> tensors = new ArrayList<>();
        for (int i = 0; i < g.tensorsLength(); i++) {
            reading = "tensor " + i;
            tensors.add(tensor(m, g.tensor(i), i));
        }
        List<Operator> ops = new ArrayList<>();
        for (int i = 0; i < g.operatorsLength(); i++) {
            reading = "operator " + i;
            ops.add(operator(m, g.operator(i), i, tensors.size()));
        }
        reading = "the subgraph's inputs and outputs";
        int[] inputs = checkTensorIndices(g.inputs(), tensors.size(), "subgraph inputs");
        int[] outputs = checkTensorIndices(g.outputs(), tensors.size(), "subgraph outputs");
        return new TfliteModel(file, m.description(), List.copyOf(tensors), List.copyOf(ops), inputs, outputs);
    }

    private TensorInfo tensor(TfliteSchema.Model m, TfliteSchema.Tensor t, int index) {
        String where = "tensor " + index + " (" + shortName(t.name()) + ")";
        reading = where;
        ElementType type;
        try {
            type = ElementType.ofCode(t.type());
        } catch (IllegalArgumentException e) {
            throw error(where + ": " + e.getMessage());
        }
        int[] shape = t.shape();
        for (int d : shape) {
            if (d < 0) {
                throw error(where + ": dynamic shape " + java.util.Arrays.toString(shape) + " is not supported");
            }
        }
        long bufferIndex = t.buffer();
        if (bufferIndex >= m.buffersLength()) {
            throw error(where + ": buffer " + bufferIndex + " out of range (" + m.buffersLength() + " buffers)");
        }
        reading = where + ", buffer " + bufferIndex;
        TfliteSchema.Buffer buffer = m.buffer((int) bufferIndex);
        if (buffer.hasExternalData()) {
            throw error(where + ": data stored outside the flatbuffer is not supported");
        }
        byte[] data = buffer.data();
        reading = where + ", quantization";
        Quantization quant = null;
        TfliteSchema.QuantizationParameters q = t.quantization();
        if (q != null && q.scale().length > 0) {
            quant = quantization(q, shape, where);
        }
        TensorInfo info = new TensorInfo(index, t.name(), shape, type, quant, data);
        int width = switch (type) {
            case INT8, UINT8, BOOL -> 1;
            case INT16, FLOAT16 -> 2;
            case INT32, FLOAT32 -> 4;
            case INT64, FLOAT64 -> 8;
            default -> 0;
        };
        if (data.length > 0 && width > 0 && data.length != (long) info.elements() * width) {
            throw error(where + ": " + data.length + " data bytes for shape " + info.shapeText() + " of " + type);
        }
        return info;
    }

    /** Scales positive and finite, one zero point or one per scale, a quantized dimension of the shape. */
    private Quantization quantization(TfliteSchema.QuantizationParameters q, int[] shape, String where) {
        float[] scales = q.scale();
        long[] zeroPoints = q.zeroPoint();
        for (int c = 0; c < scales.length; c++) {
            if (!(scales[c] > 0) || Float.isInfinite(scales[c])) {
                throw error(where + ": quantization scale[" + c + "] = " + scales[c] + " (must be positive and finite)");
            }
        }
        if (zeroPoints.length > 1 && zeroPoints.length != scales.length) {
            throw error(where + ": " + zeroPoints.length + " zero points for " + scales.length + " scales");
        }
        // as TFLite's interpreter checks when it reads a model (person_detect's rank-1 biases carry their
        // weights' quantized_dimension 3, and TFLite refuses that model)
        int dim = q.quantizedDimension();
        if (shape.length > 0 && (dim < 0 || dim >= shape.length)) {
            throw error(where + ": quantized_dimension " + dim + " is not a dimension of its shape "
                    + java.util.Arrays.toString(shape) + " (rank " + shape.length + "); the TFLite interpreter refuses"
                    + " such a model too: re-export it with the tensor's own dimension");
        }
        if (scales.length != 1 && shape.length > 0 && scales.length != shape[dim]) {
            throw error(where + ": " + scales.length + " scales along dimension " + dim + " of shape "
                    + java.util.Arrays.toString(shape) + " (one per element of that dimension expected)");
        }
        return new Quantization(scales, zeroPoints, dim);
    }

    private Operator operator(TfliteSchema.Model m, TfliteSchema.Operator o, int index, int tensorCount) {
        long opcode = o.opcodeIndex();
        if (opcode >= m.operatorCodesLength()) {
            throw error("operator " + index + ": opcode index " + opcode + " out of range");
        }
        TfliteSchema.OperatorCode c = m.operatorCode((int) opcode);
        int code = c.builtinCode();
        OpType type = OpType.ofCode(code);
        String custom = type == OpType.CUSTOM ? c.customCode() : null;
        String where = "operator " + index + " (" + (type != null ? type.name() : "builtin code " + code) + ")";
        int[] in = checkTensorIndices(o.inputs(), tensorCount, where + " inputs");
        int[] out = checkTensorIndices(o.outputs(), tensorCount, where + " outputs");
        TfliteSchema.Options options = o.builtinOptions(new TfliteSchema.Options());
        return new Operator(index, type, code, custom, in, out, options != null ? options : BuiltinOptions.NONE);
    }

    /** Converters write names hundreds of characters long; a message keeps the start and the end. */
    private static String shortName(String name) {
        if (name == null) {
            return "unnamed";
        }
        return name.length() <= 72 ? name : name.substring(0, 32) + "…" + name.substring(name.length() - 36);
    }

    /** Tensor index lists; -1 marks an optional input that is absent and is kept as is. */
    private int[] checkTensorIndices(int[] idx, int tensorCount, String where) {
        for (int i : idx) {
            if (i < -1 || i >= tensorCount) {
                throw error(where + ": tensor index " + i + " out of range (" + tensorCount + " tensors)");
            }
        }
        return idx;
    }

    private MaxdnnException error(String what) {
        return MaxdnnException.badInput("model " + file + ": " + what);
    }
}
