package org.maxdnn.train;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import org.maxdnn.MaxdnnException;
import org.maxdnn.infer.ConvLayer;
import org.maxdnn.model.OpType;
import org.maxdnn.model.tflite.TfliteConstants;

/**
 * The fine-tuned weights as an int8 .tflite: the original model's flatbuffer with each conv,
 * depthwise and FC layer's weight codes, weight scales, int32 bias and bias scales (s_in·s_w)
 * replaced, in the tensors' own layouts (CONV_2D OHWI, DEPTHWISE_CONV_2D [1, kh, kw, C·m],
 * FULLY_CONNECTED [out, in]). The graph, the activations' quantisation and everything else are the
 * original's, so every command and the TFLite interpreter run it like the original.
 */
final class Int8Export {
    private final TfliteConstants constants;

    Int8Export(Path original) {
        try {
            constants = new TfliteConstants(Files.readAllBytes(original));
        } catch (IOException e) {
            throw MaxdnnException.badInput("cannot read model " + original + ": " + e.getMessage(), e);
        }
    }

    /** One layer's codes [outC, depth, kh, kw], scales (outC or 1) and bias codes (outC), as the trainer quantised them. */
    void layer(WeightedLayer layer, float[] codes, float[] scales, float[] biasCodes) {
        ConvLayer g = layer.golden;
        int outC = g.outC();
        int depth = g.filterDepth();
        int kh = g.kh();
        int kw = g.kw();
        byte[] data = new byte[codes.length];
        for (int oc = 0; oc < outC; oc++) {
            for (int j = 0; j < depth; j++) {
                for (int ky = 0; ky < kh; ky++) {
                    for (int kx = 0; kx < kw; kx++) {
                        byte v = (byte) codes[WeightLayout.oihw(g, oc, j, ky, kx)];
                        int at = g.op() == OpType.DEPTHWISE_CONV_2D ? (ky * kw + kx) * outC + oc
                                : ((oc * kh + ky) * kw + kx) * depth + j;
                        data[at] = v;
                    }
                }
            }
        }
        int weights = layer.op.inputs()[1];
        constants.data(weights, data).scales(weights, scales);
        if (layer.op.inputs().length > 2 && layer.op.inputs()[2] >= 0) {
            int biasTensor = layer.op.inputs()[2];
            ByteBuffer b = ByteBuffer.allocate(4 * outC).order(ByteOrder.LITTLE_ENDIAN);
            float[] biasScales = new float[scales.length];
            float inScale = layer.inScale();
            for (int i = 0; i < scales.length; i++) {
                biasScales[i] = inScale * scales[i];
            }
            for (int oc = 0; oc < outC; oc++) {
                b.putInt((int) biasCodes[oc]);
            }
            constants.data(biasTensor, b.array()).scales(biasTensor, biasScales);
        }
    }


    byte[] bytes() {
        return constants.bytes();
    }
}
