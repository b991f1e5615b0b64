package org.maxdnn.infer.ops;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.maxdnn.infer.Conv16x8Layer;
import org.maxdnn.infer.ConvLayer;
import org.maxdnn.infer.FeatureMap;
import org.maxdnn.infer.Layer;
import org.maxdnn.infer.OutputStage;
import org.maxdnn.infer.QuantizedMultiplier;
import org.maxdnn.infer.Window;
import org.maxdnn.model.Activation;
import org.maxdnn.model.ElementType;
import org.maxdnn.model.Quantization;
import org.maxdnn.model.TensorInfo;

/**
 * What the weighted operators' Prepare steps share (TFLite's PopulateConvolutionQuantizationParams):
 * constant symmetric int8 weights, one per-tensor or per-output-channel scale, a constant int32 bias,
 * and the output stage of each channel; with int16 activations (16x8), an int64 bias and the exact
 * {@link Conv16x8Layer}.
 */
final class WeightedLayers {
    private WeightedLayers() {
    }

    /** The real requantization scale of output channel c for input, weight and output quantization. */
    @FunctionalInterface
    interface ScaleRule {
        double of(Quantization in, Quantization weights, Quantization out, int c);
    }

    /**
     * The layer over {@code input} (tensor) → {@code output} with weights {@code ohwi} (OHWI over the
     * filter depth), its bias read from input 2 when present. {@code singleRounding}: the x86
     * runtime's GEMM rounds once (see {@code Rounding}).
     */
    static Layer prepare(OperatorContext c, TensorInfo input, TensorInfo w, TensorInfo output, byte[] ohwi,
                         FeatureMap in, FeatureMap out, Window window, int groups, Activation activation,
                         ScaleRule scale, boolean singleRounding) {
        return prepare(c, input, w, output, ohwi, in, out, window, groups, activation, scale, singleRounding, 2);
    }

    /** As above with the bias at input {@code biasInput} (TRANSPOSE_CONV has it at 3). */
    static Layer prepare(OperatorContext c, TensorInfo input, TensorInfo w, TensorInfo output, byte[] ohwi,
                         FeatureMap in, FeatureMap out, Window window, int groups, Activation activation,
                         ScaleRule scale, boolean singleRounding, int biasInput) {
        if (input.type() == ElementType.INT16) {
            return prepare16x8(c, input, w, output, ohwi, in, out, window, groups, activation, scale, biasInput);
        }
        Quantization qi = c.int8(input, "input");
        Quantization qo = c.int8(output, "output");
        Quantization qw = weights(c, w, out.c());
        int outC = out.c();
        int[] bias = new int[outC];
        TensorInfo b = c.optionalInput(biasInput);
        if (b != null) {
            if (b.type() != ElementType.INT32 || b.elements() != outC || !b.isConstant()) {
                throw c.error("bias " + b.name() + " must be constant int32 of length " + outC);
            }
            ByteBuffer bb = ByteBuffer.wrap(b.data()).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < outC; i++) {
                bias[i] = bb.getInt();
            }
        }
        QuantizedMultiplier[] requant = multipliers(qi, qw, qo, outC, scale);
        int[] range = activation.range(qo.scale(), qo.zeroPoint());
        return new ConvLayer(c.name(), c.op().type(), input.index(), output.index(), in, out, window, groups, ohwi,
                bias, qi.zeroPoint(), new OutputStage(requant, qo.zeroPoint(), range[0], range[1], singleRounding));
    }

    /**
     * The 16x8 form (int16 activations, int8 weights, int64 bias): run exactly by
     * {@link Conv16x8Layer}. TFLite requires both activations' zero points to be 0.
     */
    private static Conv16x8Layer prepare16x8(OperatorContext c, TensorInfo input, TensorInfo w, TensorInfo output,
                                             byte[] ohwi, FeatureMap in, FeatureMap out, Window window, int groups,
                                             Activation activation, ScaleRule scale, int biasInput) {
        Quantization qi = Values.perTensor(c, input, "input");
        Quantization qo = Values.perTensor(c, output, "output");
        if (output.type() != ElementType.INT16) {
            throw c.error("int16 input " + input.name() + " with a " + output.type() + " output (16x8 layers write int16)");
        }
        if (qi.zeroPoint() != 0 || qo.zeroPoint() != 0) {
            throw c.error("int16 activations need zero point 0 (input " + qi.zeroPoint() + ", output " + qo.zeroPoint()
                    + "), as TFLite's 16x8 kernels do");
        }
        Quantization qw = weights(c, w, out.c());
        int outC = out.c();
        long[] bias = new long[outC];
        TensorInfo b = c.optionalInput(biasInput);
        if (b != null) {
            if (b.type() != ElementType.INT64 || b.elements() != outC || !b.isConstant()) {
                throw c.error("bias " + b.name() + " of a 16x8 layer must be constant int64 of length " + outC
                        + " (got " + b.type() + ")");
            }
            ByteBuffer bb = ByteBuffer.wrap(b.data()).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < outC; i++) {
                bias[i] = bb.getLong();
            }
        }
        int[] range = activation.range(qo.scale(), 0, Short.MIN_VALUE, Short.MAX_VALUE);
        return new Conv16x8Layer(c.name(), c.op().type(), input.index(), output.index(), in, out, window, groups, ohwi,
                bias, multipliers(qi, qw, qo, outC, scale), range[0], range[1]);
    }

    /** Constant symmetric int8 weights with one scale or one per output channel. */
    private static Quantization weights(OperatorContext c, TensorInfo w, int outC) {
        if (w.type() != ElementType.INT8 || w.quant() == null || !w.isConstant()) {
            throw c.error("weights " + w.name() + " must be constant int8 with quantization (got " + w.type() + ")");
        }
        Quantization qw = w.quant();
        if (qw.channels() != 1 && qw.channels() != outC) {
            throw c.error(qw.channels() + " weight scales for " + outC + " output channels");
        }
        for (long zp : qw.zeroPoints()) {
            if (zp != 0) {
                throw c.error("weight zero point " + zp + " (int8 weights must be symmetric)");
            }
        }
        return qw;
    }

    private static QuantizedMultiplier[] multipliers(Quantization qi, Quantization qw, Quantization qo, int outC,
                                                     ScaleRule scale) {
        QuantizedMultiplier[] requant = new QuantizedMultiplier[outC];
        for (int ch = 0; ch < outC; ch++) {
            requant[ch] = QuantizedMultiplier.of(scale.of(qi, qw, qo, ch));
        }
        return requant;
    }
}
