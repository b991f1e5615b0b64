package org.maxdnn.infer.ops;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.maxdnn.infer.ConvLayer;
import org.maxdnn.infer.FeatureMap;
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
 * and the output stage of each channel.
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
    static ConvLayer prepare(OperatorContext c, TensorInfo input, TensorInfo w, TensorInfo output, byte[] ohwi,
                             FeatureMap in, FeatureMap out, Window window, int groups, Activation activation,
                             ScaleRule scale, boolean singleRounding) {
        return prepare(c, input, w, output, ohwi, in, out, window, groups, activation, scale, singleRounding, 2);
    }

    /** As above with the bias at input {@code biasInput} (TRANSPOSE_CONV has it at 3). */
    static ConvLayer prepare(OperatorContext c, TensorInfo input, TensorInfo w, TensorInfo output, byte[] ohwi,
                             FeatureMap in, FeatureMap out, Window window, int groups, Activation activation,
                             ScaleRule scale, boolean singleRounding, int biasInput) {
        Quantization qi = c.int8(input, "input");
        Quantization qo = c.int8(output, "output");
        if (w.type() != ElementType.INT8 || w.quant() == null || !w.isConstant()) {
            throw c.error("weights " + w.name() + " must be constant int8 with quantization (got " + w.type() + ")");
        }
        Quantization qw = w.quant();
        int outC = out.c();
        if (qw.channels() != 1 && qw.channels() != outC) {
            throw c.error(qw.channels() + " weight scales for " + outC + " output channels");
        }
        for (long zp : qw.zeroPoints()) {
            if (zp != 0) {
                throw c.error("weight zero point " + zp + " (int8 weights must be symmetric)");
            }
        }
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
        QuantizedMultiplier[] requant = new QuantizedMultiplier[outC];
        for (int ch = 0; ch < outC; ch++) {
            requant[ch] = QuantizedMultiplier.of(scale.of(qi, qw, qo, ch));
        }
        int[] range = activation.range(qo.scale(), qo.zeroPoint());
        return new ConvLayer(c.name(), c.op().type(), input.index(), output.index(), in, out, window, groups, ohwi,
                bias, qi.zeroPoint(), new OutputStage(requant, qo.zeroPoint(), range[0], range[1], singleRounding));
    }
}
