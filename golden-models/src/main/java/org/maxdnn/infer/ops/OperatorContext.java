package org.maxdnn.infer.ops;

import org.maxdnn.MaxdnnException;
import org.maxdnn.infer.FeatureMap;
import org.maxdnn.infer.Rounding;
import org.maxdnn.model.Activation;
import org.maxdnn.model.BuiltinOptions;
import org.maxdnn.model.ElementType;
import org.maxdnn.model.Operator;
import org.maxdnn.model.Padding;
import org.maxdnn.model.Quantization;
import org.maxdnn.model.TensorInfo;
import org.maxdnn.model.TfliteModel;

/**
 * One operator being prepared, as TFLite's context and node are to a kernel's Prepare: its
 * tensors, options, layer name and the rounding variant, with the checks every kernel makes
 * (TFLite's kernel_util). Every failed check is a bad-input error naming the model and the operator.
 */
public final class OperatorContext {
    private final TfliteModel model;
    private final Operator op;
    private final String name;
    private final Rounding rounding;

    public OperatorContext(TfliteModel model, Operator op, String name, Rounding rounding) {
        this.model = model;
        this.op = op;
        this.name = name;
        this.rounding = rounding;
    }

    public Operator op() {
        return op;
    }

    /** The layer's name ({@link LayerNames}). */
    public String name() {
        return name;
    }

    public Rounding rounding() {
        return rounding;
    }

    /** Where in the model, for messages: the layer and the operator. */
    public String where() {
        return name + ": operator " + op.index() + " (" + op.typeName() + ")";
    }

    /** The options table; its absence is an error. */
    public BuiltinOptions options() {
        if (!op.options().present()) {
            throw error("builtin options missing");
        }
        return op.options();
    }

    /** Input {@code i}, which must be present. */
    public TensorInfo input(int i) {
        if (op.inputs().length <= i || op.inputs()[i] < 0) {
            throw error("input " + i + " missing");
        }
        return model.tensor(op.inputs()[i]);
    }

    /** Input {@code i}, or null when the operator leaves it out. */
    public TensorInfo optionalInput(int i) {
        return op.inputs().length > i && op.inputs()[i] >= 0 ? model.tensor(op.inputs()[i]) : null;
    }

    public TensorInfo output(int i) {
        if (op.outputs().length <= i || op.outputs()[i] < 0) {
            throw error("output " + i + " missing");
        }
        return model.tensor(op.outputs()[i]);
    }

    /** An int8 tensor with per-tensor quantization. */
    public Quantization int8(TensorInfo t, String what) {
        if (t.type() != ElementType.INT8) {
            throw error(what + ": tensor " + t.name() + " is " + t.type() + " (only int8 activations are supported)");
        }
        if (t.quant() == null || t.quant().channels() != 1) {
            throw error(what + ": tensor " + t.name() + " needs per-tensor quantization");
        }
        return t.quant();
    }

    /** The HWC shape of a batch-1 rank-4 tensor. */
    public FeatureMap nhwc(TensorInfo t) {
        int[] s = t.shape();
        if (s.length != 4 || s[0] != 1) {
            throw error("tensor " + t.name() + " has shape " + t.shapeText() + " (expected [1,H,W,C])");
        }
        return new FeatureMap(s[1], s[2], s[3]);
    }

    /** A fused activation (schema.fbs ActivationFunctionType) that int8 kernels apply as a clamp. */
    public Activation activation(int code) {
        Activation a = Activation.ofCode(code);
        if (a == null) {
            throw error("fused activation code " + code + " is not supported (NONE, RELU, RELU_N1_TO_1, RELU6)");
        }
        return a;
    }

    /** A padding mode (schema.fbs Padding). */
    public Padding padding(int code) {
        if (code == 0) {
            return Padding.SAME;
        }
        if (code == 1) {
            return Padding.VALID;
        }
        throw error("unknown padding code " + code);
    }

    /** Strides must be positive. */
    public void requireStrides(int strideH, int strideW) {
        if (strideH <= 0 || strideW <= 0) {
            throw error("stride " + strideH + "x" + strideW + " must be positive");
        }
    }

    /** A bad-input error at this operator. */
    public MaxdnnException error(String what) {
        return MaxdnnException.badInput("model " + model.file() + ": " + where() + ": " + what);
    }
}
