package org.maxdnn.tflite;

import static org.maxdnn.model.ElementType.INT8;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.maxdnn.model.ElementType;
import org.maxdnn.model.OpType;
import org.maxdnn.model.tflite.TfliteBuilder;
import org.maxdnn.model.tflite.TfliteBuilder.Options;
import org.maxdnn.model.tflite.TfliteBuilder.Quant;

/**
 * TRANSPOSE_CONV (an approximable layer run as a convolution of its zero-stuffed input) and
 * AVERAGE_POOL_2D / MAX_POOL_2D with windows of any size against the TFLite interpreter, bit for bit
 * in both rounding variants: strides 1 to 3, SAME and VALID padding, per-channel weights, with and
 * without bias, zero points at both ends.
 */
class WeightedAndPoolingOperatorsTest {
    @Test
    void transposeConvolution() {
        int[][] cases = { // in H, W, C, out C, kh, kw, stride, padding (0 SAME, 1 VALID), bias
            {4, 5, 3, 6, 3, 3, 2, 0, 1},
            {4, 4, 2, 3, 2, 2, 2, 1, 0},
            {3, 5, 4, 2, 3, 2, 1, 0, 1},
            {3, 3, 2, 4, 5, 4, 3, 1, 1},
        };
        Random rnd = new Random(67);
        for (int k = 0; k < cases.length; k++) {
            int[] p = cases[k];
            int stride = p[6];
            boolean same = p[7] == 0;
            int outH = same ? p[0] * stride : (p[0] - 1) * stride + p[4];
            int outW = same ? p[1] * stride : (p[1] - 1) * stride + p[5];
            TfliteBuilder b = new TfliteBuilder();
            Quant qi = Quant.of(0.04f, k % 2 == 0 ? -128 : 127);
            float[] ws = new float[p[3]];
            for (int oc = 0; oc < ws.length; oc++) {
                ws[oc] = 0.003f + 0.002f * oc;
            }
            int shape = b.int32s("shape", 1, outH, outW, p[3]);
            byte[] weights = new byte[p[3] * p[4] * p[5] * p[2]];
            rnd.nextBytes(weights);
            int w = b.constant("w", INT8, new int[] {p[3], p[4], p[5], p[2]}, Quant.perChannel(ws, 0), weights);
            int x = b.tensor("x", INT8, new int[] {1, p[0], p[1], p[2]}, qi);
            int y = b.tensor("y", INT8, new int[] {1, outH, outW, p[3]}, Quant.of(0.05f, 3));
            int[] in = {shape, w, x};
            if (p[8] == 1) {
                ByteBuffer bias = ByteBuffer.allocate(4 * p[3]).order(ByteOrder.LITTLE_ENDIAN);
                for (int oc = 0; oc < p[3]; oc++) {
                    bias.putInt(rnd.nextInt(4001) - 2000);
                }
                float[] bs = new float[p[3]];
                for (int oc = 0; oc < bs.length; oc++) {
                    bs[oc] = 0.04f * ws[oc];
                }
                in = new int[] {shape, w, x, b.constant("b", ElementType.INT32, new int[] {p[3]},
                        Quant.perChannel(bs, 0), bias.array())};
            }
            b.operator(OpType.TRANSPOSE_CONV, in, new int[] {y},
                    new Options(49).int8(0, p[7]).int32(1, stride).int32(2, stride));
            InterpreterCheck.assertExact("tconv-" + k, b.inputs(x).outputs(y).build(), 3);
        }
    }

    @Test
    void poolingWithAnyWindow() {
        int[][] cases = { // H, W, C, filter h, w, stride h, w, padding
            {25, 5, 4, 25, 5, 1, 1, 1},
            {20, 20, 3, 20, 20, 1, 1, 1},
            {9, 7, 5, 3, 2, 2, 3, 0},
            {6, 6, 2, 4, 4, 1, 1, 0},
        };
        for (int k = 0; k < cases.length; k++) {
            int[] p = cases[k];
            boolean same = p[7] == 0;
            int outH = same ? (p[0] + p[5] - 1) / p[5] : (p[0] - p[3]) / p[5] + 1;
            int outW = same ? (p[1] + p[6] - 1) / p[6] : (p[1] - p[4]) / p[6] + 1;
            for (OpType op : new OpType[] {OpType.AVERAGE_POOL_2D, OpType.MAX_POOL_2D}) {
                TfliteBuilder b = new TfliteBuilder();
                Quant q = Quant.of(0.1f, k % 2 == 0 ? 127 : -128);
                int x = b.tensor("x", INT8, new int[] {1, p[0], p[1], p[2]}, q);
                int y = b.tensor("y", INT8, new int[] {1, outH, outW, p[2]}, q);
                b.operator(op, new int[] {x}, new int[] {y}, new Options(5).int8(0, p[7]).int32(1, p[6])
                        .int32(2, p[5]).int32(3, p[4]).int32(4, p[3]).int8(5, k == 2 ? 1 : 0));
                InterpreterCheck.assertExact(op + "-" + k, b.inputs(x).outputs(y).build(), 2);
            }
        }
    }
}
