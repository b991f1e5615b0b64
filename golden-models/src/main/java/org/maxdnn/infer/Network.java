package org.maxdnn.infer;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.maxdnn.MaxdnnException;
import org.maxdnn.model.ElementType;
import org.maxdnn.model.OpType;
import org.maxdnn.model.Operator;
import org.maxdnn.model.Padding;
import org.maxdnn.model.Quantization;
import org.maxdnn.model.TensorInfo;
import org.maxdnn.model.TfliteModel;

/**
 * An int8 network ready to execute: the model's operators turned into {@link Layer}s with their
 * integer requantization parameters computed once, as TFLite's Prepare steps compute them, for one
 * {@link Rounding} variant. The approximable layers are named by kind and index in execution
 * order, each kind counted on its own: conv0…, dw0…, fc0… (SPEC §12); a single FC layer is
 * {@code fc} (also found as {@code fc0}).
 */
public final class Network {
    private final TfliteModel model;
    private final Rounding rounding;
    private final List<Layer> layers;
    private final int[] tensorElements;
    private final int inputTensor;
    private final int logitsTensor;

    private Network(TfliteModel model, Rounding rounding) {
        this.model = model;
        this.rounding = rounding;
        tensorElements = model.tensors().stream().mapToInt(TensorInfo::elements).toArray();
        if (model.inputs().length != 1 || model.outputs().length != 1) {
            throw error("the model has " + model.inputs().length + " inputs and " + model.outputs().length
                    + " outputs (expected one of each)");
        }
        inputTensor = model.inputs()[0];
        activationQuant(model.tensor(inputTensor), "input");
        if (model.tensor(inputTensor).shape().length == 0 || model.tensor(inputTensor).shape()[0] != 1) {
            throw error("input " + model.tensor(inputTensor).name() + " has shape "
                    + model.tensor(inputTensor).shapeText() + " (expected batch 1)");
        }
        List<Layer> built = new ArrayList<>();
        long fcCount = model.operators().stream().filter(o -> o.type() == OpType.FULLY_CONNECTED).count();
        int conv = 0;
        int dw = 0;
        int fc = 0;
        int logits = model.outputs()[0];
        for (Operator op : model.operators()) {
            Layer layer;
            // a damaged model can hold any value in any field: whatever a layer's preparation trips
            // over is bad input naming the operator, not an internal error
            try {
                layer = switch (op.type()) {
                    case CONV_2D -> convolution(op, "conv" + conv++);
                    case DEPTHWISE_CONV_2D -> convolution(op, "dw" + dw++);
                    case FULLY_CONNECTED -> fullyConnected(op, fcCount == 1 ? "fc" : "fc" + fc++);
                    case ADD -> add(op);
                    case AVERAGE_POOL_2D, MAX_POOL_2D -> pool(op);
                    case RESHAPE -> reshape(op);
                    case SOFTMAX -> softmax(op);
                };
            } catch (MaxdnnException e) {
                throw e;
            } catch (RuntimeException e) {
                throw MaxdnnException.badInput("model " + model.file() + ": operator " + op.index() + " (" + op.type()
                        + ", inputs " + Arrays.toString(op.inputs()) + "): inconsistent with its tensors: "
                        + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()), e);
            }
            if (layer instanceof SoftmaxLayer s && s.output() == logits) {
                logits = s.input();
            }
            built.add(layer);
        }
        if (built.stream().noneMatch(l -> l instanceof ConvLayer)) {
            throw error("no CONV_2D, DEPTHWISE_CONV_2D or FULLY_CONNECTED layer");
        }
        layers = List.copyOf(built);
        logitsTensor = logits;
    }

    private Network(Network base, List<Layer> layers) {
        this.model = base.model;
        this.rounding = base.rounding;
        this.tensorElements = base.tensorElements;
        this.inputTensor = base.inputTensor;
        this.logitsTensor = base.logitsTensor;
        this.layers = List.copyOf(layers);
    }

    /**
     * The same network with the int32 bias of the named layers replaced ({@code biases}: layer name →
     * one value per output channel), as a compensated map runs it ({@code ApproxMap.compensate}).
     */
    public Network withBiases(java.util.Map<String, int[]> biases) {
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
        String n = name.equals("fc0") && layers.stream().anyMatch(l -> l.name().equals("fc")) ? "fc" : name;
        return weightedLayers().stream().filter(l -> l.name().equals(n)).findFirst().orElse(null);
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
        throw MaxdnnException.badInput(other != null
                ? "layer '" + name + "' of " + model.file() + " is not approximable: only CONV_2D, DEPTHWISE_CONV_2D"
                        + " and FULLY_CONNECTED layers multiply weights (" + names + ")"
                : "the model " + model.file() + " has no layer '" + name + "' (approximable layers: " + names + ")");
    }

    public int tensorElements(int tensor) {
        return tensorElements[tensor];
    }

    public int tensorCount() {
        return tensorElements.length;
    }

    public int inputTensor() {
        return inputTensor;
    }

    /** The input tensor's shape, batch first. */
    public int[] inputShape() {
        return model.tensor(inputTensor).shape().clone();
    }

    /** Values of one input: its tensor's elements. */
    public int inputElements() {
        return tensorElements[inputTensor];
    }

    /**
     * The tensor the task reads: the model's output, or the tensor that feeds it when the output is
     * a SOFTMAX (the class logits).
     */
    public int logitsTensor() {
        return logitsTensor;
    }

    /** Values of the {@link #logitsTensor()}: the classes of a classifier. */
    public int classes() {
        return tensorElements[logitsTensor];
    }

    /** The model's output tensor. */
    public int outputTensor() {
        return model.outputs()[0];
    }

    public long totalMacs() {
        return weightedLayers().stream().mapToLong(Layer::macs).sum();
    }

    /**
     * CONV_2D (filter [C_out, kh, kw, C_in], one group) or DEPTHWISE_CONV_2D as TFLite's depthwise
     * kernel: filter [1, kh, kw, C·m], output channel oc = ic·m + k reads input channel ic, kept as
     * a grouped convolution with one group per input channel, its weights transposed to [oc][kh][kw].
     */
    private ConvLayer convolution(Operator op, String name) {
        String where = name + " (operator " + op.index() + ")";
        TensorInfo in = tensor(op, 0, where);
        TensorInfo w = tensor(op, 1, where);
        TensorInfo out = model.tensor(op.outputs()[0]);
        int[] is = nhwc(in, where);
        int[] os = nhwc(out, where);
        int[] ws = w.shape();
        if (op.type() == OpType.CONV_2D) {
            if (ws.length != 4 || ws[3] != is[3] || ws[0] != os[3]) {
                throw error(where + ": filter shape " + w.shapeText() + " does not fit input " + in.shapeText()
                        + " and output " + out.shapeText());
            }
            return spatial(op, name, where, in, w, out, w.data(), ws[1], ws[2], 1);
        }
        int m = op.depthMultiplier();
        if (ws.length != 4 || ws[0] != 1 || ws[3] != os[3] || os[3] != is[3] * m) {
            throw error(where + ": filter shape " + w.shapeText() + " with depth multiplier " + m
                    + " does not fit input " + in.shapeText() + " and output " + out.shapeText());
        }
        int kh = ws[1];
        int kw = ws[2];
        int outC = ws[3];
        byte[] ohwi = new byte[w.data().length];
        for (int t = 0; t < ohwi.length / outC; t++) {
            for (int oc = 0; oc < outC; oc++) {
                ohwi[oc * kh * kw + t] = w.data()[t * outC + oc];
            }
        }
        return spatial(op, name, where, in, w, out, ohwi, kh, kw, is[3]);
    }

    /** A convolution over an NHWC input with OHWI weights {@code ohwi} of kernel kh×kw in {@code groups} groups. */
    private ConvLayer spatial(Operator op, String name, String where, TensorInfo in, TensorInfo w, TensorInfo out,
                              byte[] ohwi, int kh, int kw, int groups) {
        int[] is = in.shape();
        int[] os = out.shape();
        Padding pad = op.padding();
        int outH = pad.outputSize(is[1], kh, op.strideH());
        int outW = pad.outputSize(is[2], kw, op.strideW());
        if (outH != os[1] || outW != os[2]) {
            throw error(where + ": output " + out.shapeText() + " does not match " + pad + " padding (" + outH + "x" + outW + ")");
        }
        // As TFLite's PopulateConvolutionQuantizationParams: the float scales multiplied in double.
        Quantization qi = activationQuant(in, where + " input");
        Quantization qo = activationQuant(out, where + " output");
        ScaleRule scale = (qw, c) -> (double) qi.scale() * (double) qw.scale(c) / (double) qo.scale();
        return weighted(op, name, where, in, w, out, ohwi, is[1], is[2], is[3], outH, outW, os[3], kh, kw,
                op.strideH(), op.strideW(), pad.before(is[1], kh, op.strideH()), pad.before(is[2], kw, op.strideW()),
                groups, scale);
    }

    private ConvLayer fullyConnected(Operator op, String name) {
        String where = name + " (operator " + op.index() + ")";
        TensorInfo in = tensor(op, 0, where);
        TensorInfo w = tensor(op, 1, where);
        TensorInfo out = model.tensor(op.outputs()[0]);
        int[] ws = w.shape();
        if (ws.length != 2 || in.elements() != ws[1] || out.elements() != ws[0]) {
            throw error(where + ": weights " + w.shapeText() + " do not fit input " + in.shapeText()
                    + " and output " + out.shapeText() + " (batch 1 only)");
        }
        // As TFLite's GetQuantizedConvolutionMultipler: s_in·s_w in float, widened, divided by s_out in double.
        Quantization qi = activationQuant(in, where + " input");
        Quantization qo = activationQuant(out, where + " output");
        ScaleRule scale = (qw, c) -> (double) (qi.scale() * qw.scale(c)) / (double) qo.scale();
        return weighted(op, name, where, in, w, out, w.data(), 1, 1, ws[1], 1, 1, ws[0], 1, 1, 1, 1, 0, 0, 1, scale);
    }

    /** The real requantization scale of output channel c for weight quantization qw. */
    private interface ScaleRule {
        double of(Quantization qw, int c);
    }

    private ConvLayer weighted(Operator op, String name, String where, TensorInfo in, TensorInfo w, TensorInfo out,
                               byte[] weights, int inH, int inW, int inC, int outH, int outW, int outC, int kh, int kw,
                               int strideH, int strideW, int padTop, int padLeft, int groups, ScaleRule scale) {
        Quantization qi = activationQuant(in, where + " input");
        Quantization qo = activationQuant(out, where + " output");
        if (w.type() != ElementType.INT8 || w.quant() == null || !w.isConstant()) {
            throw error(where + ": weights " + w.name() + " must be constant int8 with quantization (got " + w.type() + ")");
        }
        Quantization qw = w.quant();
        if (qw.channels() != 1 && qw.channels() != outC) {
            throw error(where + ": " + qw.channels() + " weight scales for " + outC + " output channels");
        }
        for (long zp : qw.zeroPoints()) {
            if (zp != 0) {
                throw error(where + ": weight zero point " + zp + " (int8 weights must be symmetric)");
            }
        }
        int[] bias = new int[outC];
        if (op.inputs().length > 2 && op.inputs()[2] >= 0) {
            TensorInfo b = model.tensor(op.inputs()[2]);
            if (b.type() != ElementType.INT32 || b.elements() != outC || !b.isConstant()) {
                throw error(where + ": bias " + b.name() + " must be constant int32 of length " + outC);
            }
            ByteBuffer bb = ByteBuffer.wrap(b.data()).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < outC; i++) {
                bias[i] = bb.getInt();
            }
        }
        QuantizedMultiplier[] requant = new QuantizedMultiplier[outC];
        for (int c = 0; c < outC; c++) {
            requant[c] = QuantizedMultiplier.of(scale.of(qw, c));
        }
        int[] range = op.activation().range(qo.scale(), qo.zeroPoint());
        // the x86 runtime runs CONV_2D and FULLY_CONNECTED on ruy (one rounding), depthwise on its own kernel
        boolean singleRounding = rounding == Rounding.RUNTIME && op.type() != OpType.DEPTHWISE_CONV_2D;
        return new ConvLayer(name, op.type(), in.index(), out.index(), inH, inW, inC, outH, outW, outC, kh, kw,
                strideH, strideW, padTop, padLeft, weights, bias, qi.zeroPoint(), qo.zeroPoint(), requant,
                range[0], range[1], groups, singleRounding);
    }

    private AddLayer add(Operator op) {
        String where = "ADD (operator " + op.index() + ")";
        TensorInfo a = tensor(op, 0, where);
        TensorInfo b = tensor(op, 1, where);
        TensorInfo out = model.tensor(op.outputs()[0]);
        if (!Arrays.equals(a.shape(), b.shape()) || a.elements() != out.elements()) {
            throw error(where + ": broadcasting " + a.shapeText() + " + " + b.shapeText() + " is not supported");
        }
        Quantization qa = activationQuant(a, where + " input 1");
        Quantization qb = activationQuant(b, where + " input 2");
        Quantization qo = activationQuant(out, where + " output");
        // As TFLite's add.cc Prepare for int8.
        double twiceMax = 2.0 * Math.max(qa.scale(), qb.scale());
        double m1 = qa.scale() / twiceMax;
        double m2 = qb.scale() / twiceMax;
        double mo = twiceMax / ((1 << AddLayer.LEFT_SHIFT) * qo.scale());
        int[] range = op.activation().range(qo.scale(), qo.zeroPoint());
        return new AddLayer("add" + op.index(), a.index(), b.index(), out.index(), out.elements(),
                -qa.zeroPoint(), -qb.zeroPoint(), QuantizedMultiplier.of(m1), QuantizedMultiplier.of(m2),
                QuantizedMultiplier.of(mo), qo.zeroPoint(), range[0], range[1]);
    }

    private PoolLayer pool(Operator op) {
        String where = op.type() + " (operator " + op.index() + ")";
        TensorInfo in = tensor(op, 0, where);
        TensorInfo out = model.tensor(op.outputs()[0]);
        int[] is = nhwc(in, where);
        int[] os = nhwc(out, where);
        Quantization qi = activationQuant(in, where + " input");
        Quantization qo = activationQuant(out, where + " output");
        if (qi.scale() != qo.scale() || qi.zeroPoint() != qo.zeroPoint()) {
            throw error(where + ": input and output quantization differ (not supported by the int8 pooling kernels)");
        }
        Padding pad = op.padding();
        int outH = pad.outputSize(is[1], op.filterH(), op.strideH());
        int outW = pad.outputSize(is[2], op.filterW(), op.strideW());
        if (outH != os[1] || outW != os[2] || os[3] != is[3]) {
            throw error(where + ": output " + out.shapeText() + " does not match the pooling geometry");
        }
        int[] range = op.activation().range(qo.scale(), qo.zeroPoint());
        return new PoolLayer((op.type() == OpType.AVERAGE_POOL_2D ? "avgpool" : "maxpool") + op.index(), op.type(),
                in.index(), out.index(), is[1], is[2], is[3], outH, outW, op.filterH(), op.filterW(),
                op.strideH(), op.strideW(), pad.before(is[1], op.filterH(), op.strideH()),
                pad.before(is[2], op.filterW(), op.strideW()), range[0], range[1]);
    }

    private ReshapeLayer reshape(Operator op) {
        String where = "RESHAPE (operator " + op.index() + ")";
        TensorInfo in = tensor(op, 0, where);
        TensorInfo out = model.tensor(op.outputs()[0]);
        if (in.elements() != out.elements()) {
            throw error(where + ": " + in.shapeText() + " cannot become " + out.shapeText());
        }
        Quantization qi = activationQuant(in, where + " input");
        Quantization qo = activationQuant(out, where + " output");
        if (qi.scale() != qo.scale() || qi.zeroPoint() != qo.zeroPoint()) {
            throw error(where + ": input and output quantization differ");
        }
        return new ReshapeLayer("reshape" + op.index(), in.index(), out.index());
    }

    private SoftmaxLayer softmax(Operator op) {
        String where = "SOFTMAX (operator " + op.index() + ")";
        TensorInfo in = tensor(op, 0, where);
        TensorInfo out = model.tensor(op.outputs()[0]);
        Quantization qi = activationQuant(in, where + " input");
        Quantization qo = activationQuant(out, where + " output");
        if (in.elements() != out.elements()) {
            throw error(where + ": " + in.shapeText() + " and " + out.shapeText() + " differ");
        }
        int[] shape = in.shape();
        if (in.elements() != shape[shape.length - 1]) {
            throw error(where + ": softmax over " + in.shapeText() + " (only one row is supported)");
        }
        return new SoftmaxLayer("softmax" + op.index(), in.index(), out.index(), in.elements(),
                SoftmaxLayer.table(qi.scale(), op.beta()), qo.scale(), qo.zeroPoint());
    }

    private TensorInfo tensor(Operator op, int i, String where) {
        if (op.inputs().length <= i || op.inputs()[i] < 0) {
            throw error(where + ": input " + i + " missing");
        }
        return model.tensor(op.inputs()[i]);
    }

    private int[] nhwc(TensorInfo t, String where) {
        int[] s = t.shape();
        if (s.length != 4 || s[0] != 1) {
            throw error(where + ": tensor " + t.name() + " has shape " + t.shapeText() + " (expected [1,H,W,C])");
        }
        return s;
    }

    private Quantization activationQuant(TensorInfo t, String where) {
        if (t.type() != ElementType.INT8) {
            throw error(where + ": tensor " + t.name() + " is " + t.type() + " (only int8 activations are supported)");
        }
        if (t.quant() == null || t.quant().channels() != 1) {
            throw error(where + ": tensor " + t.name() + " needs per-tensor quantization");
        }
        return t.quant();
    }

    private MaxdnnException error(String what) {
        return MaxdnnException.badInput("model " + model.file() + ": " + what);
    }
}
