package org.maxdnn.infer;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * An int8 CNN ready to execute: the model's operators turned into {@link Layer}s with their
 * integer requantization parameters computed once, as TFLite's Prepare steps compute them. Conv
 * layers are named conv0, conv1, … in execution order; a single FC layer is {@code fc}.
 */
public final class Network {
    private final TfliteModel model;
    private final List<Layer> layers;
    private final int[] tensorElements;
    private final int inputTensor;
    private final int inputH;
    private final int inputW;
    private final int inputC;
    private final byte[] pixelToInput = new byte[256];
    private final int logitsTensor;

    private Network(TfliteModel model) {
        this.model = model;
        tensorElements = model.tensors().stream().mapToInt(TensorInfo::elements).toArray();
        if (model.inputs().length != 1) {
            throw error("the model has " + model.inputs().length + " inputs (expected one image input)");
        }
        inputTensor = model.inputs()[0];
        TensorInfo in = model.tensor(inputTensor);
        int[] s = in.shape();
        if (s.length != 4 || s[0] != 1) {
            throw error("input " + in.name() + " has shape " + in.shapeText() + " (expected [1,H,W,C])");
        }
        inputH = s[1];
        inputW = s[2];
        inputC = s[3];
        Quantization q = activationQuant(in, "input");
        for (int p = 0; p < 256; p++) {
            pixelToInput[p] = (byte) clamp((int) Math.round(p / (double) q.scale()) + q.zeroPoint(), -128, 127);
        }
        List<Layer> built = new ArrayList<>();
        long convCount = model.operators().stream().filter(o -> o.type() == OpType.CONV_2D).count();
        long fcCount = model.operators().stream().filter(o -> o.type() == OpType.FULLY_CONNECTED).count();
        int conv = 0;
        int fc = 0;
        int lastFcOutput = -1;
        for (Operator op : model.operators()) {
            Layer layer = switch (op.type()) {
                case CONV_2D -> conv(op, "conv" + conv++);
                case FULLY_CONNECTED -> fullyConnected(op, fcCount == 1 ? "fc" : "fc" + fc++);
                case ADD -> add(op);
                case AVERAGE_POOL_2D, MAX_POOL_2D -> pool(op);
                case RESHAPE -> reshape(op);
                case SOFTMAX -> softmax(op);
            };
            if (layer.op() == OpType.FULLY_CONNECTED) {
                lastFcOutput = layer.output();
            }
            built.add(layer);
        }
        if (convCount == 0) {
            throw error("no CONV_2D layer");
        }
        layers = List.copyOf(built);
        logitsTensor = lastFcOutput >= 0 ? lastFcOutput : model.outputs()[0];
    }

    /** Reads and prepares a .tflite model; every problem is a clear error naming the file (exit 2). */
    public static Network load(Path file) {
        return new Network(TfliteModel.read(file));
    }

    public static Network of(TfliteModel model) {
        return new Network(model);
    }

    public TfliteModel model() {
        return model;
    }

    public List<Layer> layers() {
        return layers;
    }

    /** The layers a map can name (conv0…, fc), in execution order. */
    public List<ConvLayer> weightedLayers() {
        return layers.stream().filter(l -> l instanceof ConvLayer).map(l -> (ConvLayer) l).toList();
    }

    public ConvLayer layer(String name) {
        return weightedLayers().stream().filter(l -> l.name().equals(name)).findFirst().orElse(null);
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

    /** Bytes of one input image: H·W·C pixels in HWC order. */
    public int imageBytes() {
        return inputH * inputW * inputC;
    }

    public int inputH() {
        return inputH;
    }

    public int inputW() {
        return inputW;
    }

    public int inputC() {
        return inputC;
    }

    /** The int8 input code of a pixel value 0..255 (for this model: pixel − 128). */
    public int inputCode(int pixel) {
        return pixelToInput[pixel & 0xFF];
    }

    /** The tensor whose int8 values decide the class: the last FC layer's output. */
    public int logitsTensor() {
        return logitsTensor;
    }

    public int classes() {
        return tensorElements[logitsTensor];
    }

    public long totalMacs() {
        return weightedLayers().stream().mapToLong(Layer::macs).sum();
    }

    private ConvLayer conv(Operator op, String name) {
        String where = name + " (operator " + op.index() + ")";
        TensorInfo in = tensor(op, 0, where);
        TensorInfo w = tensor(op, 1, where);
        TensorInfo out = model.tensor(op.outputs()[0]);
        int[] is = nhwc(in, where);
        int[] os = nhwc(out, where);
        int[] ws = w.shape();
        if (ws.length != 4 || ws[3] != is[3] || ws[0] != os[3]) {
            throw error(where + ": filter shape " + w.shapeText() + " does not fit input " + in.shapeText()
                    + " and output " + out.shapeText());
        }
        Padding pad = op.padding();
        int outH = pad.outputSize(is[1], ws[1], op.strideH());
        int outW = pad.outputSize(is[2], ws[2], op.strideW());
        if (outH != os[1] || outW != os[2]) {
            throw error(where + ": output " + out.shapeText() + " does not match " + pad + " padding (" + outH + "x" + outW + ")");
        }
        return weighted(op, name, where, in, w, out, is[1], is[2], is[3], outH, outW, ws[0], ws[1], ws[2],
                op.strideH(), op.strideW(), pad.before(is[1], ws[1], op.strideH()), pad.before(is[2], ws[2], op.strideW()));
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
        return weighted(op, name, where, in, w, out, 1, 1, ws[1], 1, 1, ws[0], 1, 1, 1, 1, 0, 0);
    }

    private ConvLayer weighted(Operator op, String name, String where, TensorInfo in, TensorInfo w, TensorInfo out,
                               int inH, int inW, int inC, int outH, int outW, int outC, int kh, int kw,
                               int strideH, int strideW, int padTop, int padLeft) {
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
            // As TFLite's PopulateConvolutionQuantizationParams: the product of the float scales in double.
            double effective = (double) qi.scale() * (double) qw.scale(c) / (double) qo.scale();
            requant[c] = QuantizedMultiplier.of(effective);
        }
        int[] range = op.activation().range(qo.scale(), qo.zeroPoint());
        return new ConvLayer(name, op.type(), in.index(), out.index(), inH, inW, inC, outH, outW, outC, kh, kw,
                strideH, strideW, padTop, padLeft, w.data(), bias, qi.zeroPoint(), qo.zeroPoint(), requant,
                range[0], range[1]);
    }

    private AddLayer add(Operator op) {
        String where = "ADD (operator " + op.index() + ")";
        TensorInfo a = tensor(op, 0, where);
        TensorInfo b = tensor(op, 1, where);
        TensorInfo out = model.tensor(op.outputs()[0]);
        if (!java.util.Arrays.equals(a.shape(), b.shape()) || a.elements() != out.elements()) {
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
        return new SoftmaxLayer("softmax" + op.index(), in.index(), out.index(), in.elements(), op.beta(),
                qi.scale(), qo.scale(), qo.zeroPoint());
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

    static int clamp(int v, int lo, int hi) {
        return v < lo ? lo : Math.min(v, hi);
    }
}
