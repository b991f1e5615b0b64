package org.maxdnn.infer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.maxdnn.MaxdnnException;
import org.maxdnn.infer.ops.LayerNames;
import org.maxdnn.infer.ops.OperatorContext;
import org.maxdnn.infer.ops.OperatorKernel;
import org.maxdnn.infer.ops.Operators;
import org.maxdnn.model.OpType;
import org.maxdnn.model.Operator;
import org.maxdnn.model.TensorInfo;
import org.maxdnn.model.TfliteModel;

/**
 * A network ready to execute: the model's graph (tensors and their wiring) with each operator
 * prepared into a {@link Layer} by its kernel from the operator registry ({@link Operators}), for
 * one {@link Rounding} variant. Layer names: {@link LayerNames}.
 */
public final class Network {
    private final TfliteModel model;
    private final Rounding rounding;
    private final List<Layer> layers;
    private final int[] tensorElements;
    private final int logitsTensor;

    private Network(TfliteModel model, Rounding rounding) {
        this.model = model;
        this.rounding = rounding;
        tensorElements = model.tensors().stream().mapToInt(TensorInfo::elements).toArray();
        refuseUnsupported();
        String[] names = LayerNames.of(model.operators());
        List<Layer> built = new ArrayList<>();
        int logits = model.outputs().length > 0 ? model.outputs()[0] : -1;
        for (Operator op : model.operators()) {
            OperatorKernel kernel = Operators.kernel(op.type());
            Layer layer;
            // a damaged model can hold any value in any field: whatever a layer's preparation trips
            // over is bad input naming the operator, not an internal error
            try {
                layer = kernel.prepare(new OperatorContext(model, op, names[op.index()], rounding));
            } catch (MaxdnnException e) {
                throw e;
            } catch (RuntimeException e) {
                throw MaxdnnException.badInput("model " + model.file() + ": operator " + op.index() + " (" + op.typeName()
                        + ", inputs " + Arrays.toString(op.inputs()) + "): inconsistent with its tensors: "
                        + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()), e);
            }
            if (!(layer instanceof ConvLayer) && !(layer instanceof FixedLayer)) {
                throw new IllegalStateException(op.typeName() + " prepared a layer that neither runs itself nor is weighted");
            }
            built.add(layer);
        }
        // neither SOFTMAX nor DEQUANTIZE reorders: the task reads the int8 tensor that feeds them
        for (int i = built.size() - 1; i >= 0; i--) {
            Layer l = built.get(i);
            if ((l.op() == OpType.SOFTMAX || l.op() == OpType.DEQUANTIZE) && l.output() == logits) {
                logits = l.inputs()[0];
            }
        }
        layers = List.copyOf(built);
        logitsTensor = logits;
    }

    /**
     * Every operator the golden model cannot run, refused at once: each by its TFLite name with the
     * indices of the operators that use it.
     */
    private void refuseUnsupported() {
        Map<String, List<Integer>> missing = new LinkedHashMap<>();
        for (Operator op : model.operators()) {
            if (Operators.kernel(op.type()) == null) {
                missing.computeIfAbsent(op.typeName(), k -> new ArrayList<>()).add(op.index());
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        String list = missing.entrySet().stream()
                .map(e -> e.getKey() + " (operator" + (e.getValue().size() > 1 ? "s " : " ")
                        + e.getValue().stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")")
                .collect(Collectors.joining(", "));
        String supported = Operators.supported().stream().map(OpType::name).collect(Collectors.joining(", "));
        throw error((missing.size() == 1 ? "unsupported operator " : missing.size() + " unsupported operators: ") + list
                + "; the golden model runs " + supported);
    }

    private Network(Network base, List<Layer> layers) {
        this.model = base.model;
        this.rounding = base.rounding;
        this.tensorElements = base.tensorElements;
        this.logitsTensor = base.logitsTensor;
        this.layers = List.copyOf(layers);
    }

    /**
     * The same network with the int32 bias of the named layers replaced ({@code biases}: layer name →
     * one value per output channel), as a compensated map runs it ({@code ApproxMap.compensate}).
     */
    public Network withBiases(Map<String, int[]> biases) {
        List<Layer> out = new ArrayList<>(layers.size());
        for (Layer l : layers) {
            int[] b = l instanceof ConvLayer c ? biases.get(c.name()) : null;
            out.add(b == null ? l : ((ConvLayer) l).withBias(b));
        }
        return new Network(this, out);
    }

    /** Reads and prepares a .tflite model with the reference rounding (SPEC §4). */
    public static Network load(Path file) {
        return load(file, Rounding.REFERENCE);
    }

    /** Reads and prepares a .tflite model; every problem is a clear error naming the file (exit 2). */
    public static Network load(Path file, Rounding rounding) {
        return of(TfliteModel.read(file), rounding);
    }

    public static Network of(TfliteModel model) {
        return of(model, Rounding.REFERENCE);
    }

    public static Network of(TfliteModel model, Rounding rounding) {
        try {
            return new Network(model, rounding);
        } catch (MaxdnnException e) {
            throw e;
        } catch (RuntimeException e) {
            throw MaxdnnException.badInput("model " + model.file() + ": the graph is inconsistent: "
                    + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()), e);
        }
    }

    public TfliteModel model() {
        return model;
    }

    public Rounding rounding() {
        return rounding;
    }

    public List<Layer> layers() {
        return layers;
    }

    /** The layers a map can name (conv*, dw*, fc*), in execution order. */
    public List<ConvLayer> weightedLayers() {
        return layers.stream().filter(l -> l instanceof ConvLayer).map(l -> (ConvLayer) l).toList();
    }

    /** The approximable layer of this name ({@code fc0} also finds a single {@code fc}), or null. */
    public ConvLayer layer(String name) {
        return weightedLayers().stream().filter(l -> LayerNames.names(name, l.name())).findFirst().orElse(null);
    }

    /**
     * The approximable layer of this name; otherwise a bad-input error that says whether the model
     * has such a layer that is not approximable (ADD, pooling, …) or none at all, and lists the
     * approximable ones.
     */
    public ConvLayer approximableLayer(String name) {
        ConvLayer l = layer(name);
        if (l != null) {
            return l;
        }
        String names = String.join(", ", weightedLayers().stream().map(ConvLayer::name).toList());
        Layer other = layers.stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
        if (other instanceof Conv16x8Layer) {
            throw MaxdnnException.badInput("layer '" + name + "' of " + model.file() + " is not approximable: it is"
                    + " quantised 16x8 (int16 activations) and runs exactly, since the array's 8x8 multipliers take"
                    + " int8 operands (docs/design/operators.md); approximable layers: "
                    + (names.isEmpty() ? "none" : names));
        }
        throw MaxdnnException.badInput(other != null
                ? "layer '" + name + "' of " + model.file() + " is not approximable: only CONV_2D, DEPTHWISE_CONV_2D,"
                        + " FULLY_CONNECTED and TRANSPOSE_CONV layers with int8 activations multiply weights ("
                        + names + ")"
                : "the model " + model.file() + " has no layer '" + name + "' (approximable layers: " + names + ")");
    }

    public int tensorElements(int tensor) {
        return tensorElements[tensor];
    }

    public int tensorCount() {
        return tensorElements.length;
    }

    /** The model's input tensors, by index. */
    public int[] inputTensors() {
        return model.inputs().clone();
    }

    /** The model's output tensors, by index. */
    public int[] outputTensors() {
        return model.outputs().clone();
    }

    /** The first input tensor (the only one of the bundled networks). */
    public int inputTensor() {
        return model.inputs()[0];
    }

    /** The input tensor's shape, batch first. */
    public int[] inputShape() {
        return model.tensor(inputTensor()).shape().clone();
    }

    /** Values of one input: its tensor's elements. */
    public int inputElements() {
        return tensorElements[inputTensor()];
    }

    /**
     * Bytes of one sample's inputs as a {@link org.maxdnn.data.LabeledImage} holds them: every input
     * tensor's little-endian bytes in input order (see {@link InferencePlan#setInput}).
     */
    public int inputBytes() {
        int n = 0;
        for (int t : model.inputs()) {
            TensorInfo info = model.tensor(t);
            n += info.elements() * info.type().width();
        }
        return n;
    }

    /**
     * The tensor the task reads: the model's first output, or the int8 tensor that feeds it through
     * SOFTMAX and DEQUANTIZE (the class logits).
     */
    public int logitsTensor() {
        return logitsTensor;
    }

    /** Values of the {@link #logitsTensor()}: the classes of a classifier. */
    public int classes() {
        return tensorElements[logitsTensor];
    }

    /** The model's first output tensor. */
    public int outputTensor() {
        return model.outputs()[0];
    }

    public long totalMacs() {
        return weightedLayers().stream().mapToLong(Layer::macs).sum();
    }

    private MaxdnnException error(String what) {
        return MaxdnnException.badInput("model " + model.file() + ": " + what);
    }
}
