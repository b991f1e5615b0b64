package org.maxdnn.tflite;

import static org.maxdnn.model.ElementType.FLOAT32;
import static org.maxdnn.model.ElementType.INT16;
import static org.maxdnn.model.ElementType.INT64;
import static org.maxdnn.model.ElementType.INT8;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.maxdnn.model.OpType;
import org.maxdnn.model.tflite.TfliteBuilder;
import org.maxdnn.model.tflite.TfliteBuilder.Options;
import org.maxdnn.model.tflite.TfliteBuilder.Quant;

/**
 * 16x8 layers (int16 activations with zero point 0, int8 weights, int64 bias) and the int16 forms
 * of the elementwise operators a 16x8 model has, against the TFLite interpreter bit for bit in both
 * rounding variants: inputs over the whole int16 range (−32768 and 32767 first), strides, SAME and
 * VALID padding, per-channel weights, fused activations, and a requantisation multiplier whose Q31
 * mantissa is above 0x7FFF0000, where the Q15 reduction saturates.
 */
class Int16x8OperatorsTest {
    private static final Random RND = new Random(1608);

    private static byte[] bytes(int n) {
        byte[] w = new byte[n];
        RND.nextBytes(w);
        w[0] = -128;
        return w;
    }

    private static int bias(TfliteBuilder b, int outC, float inScale, float[] ws) {
        ByteBuffer bias = ByteBuffer.allocate(8 * outC).order(ByteOrder.LITTLE_ENDIAN);
        float[] bs = new float[outC];
        for (int oc = 0; oc < outC; oc++) {
            bias.putLong(RND.nextInt(1 << 22) - (1 << 21));
            bs[oc] = inScale * ws[oc];
        }
        return b.constant("b", INT64, new int[] {outC}, Quant.perChannel(bs, 0), bias.array());
    }

    private static float[] scales(int n, float first) {
        float[] s = new float[n];
        for (int i = 0; i < n; i++) {
            s[i] = first * (1 + 0.37f * i);
        }
        return s;
    }

    @Test
    void convolution() {
        int[][] cases = { // H, W, C in, C out, kh, kw, stride, padding (0 SAME, 1 VALID), activation
            {6, 5, 3, 4, 3, 3, 1, 0, 0},
            {7, 8, 2, 5, 3, 2, 2, 0, 1},
            {6, 6, 4, 3, 1, 1, 1, 1, 3},
            {9, 7, 3, 2, 4, 3, 2, 1, 0},
        };
        for (int k = 0; k < cases.length; k++) {
            int[] p = cases[k];
            boolean same = p[7] == 0;
            int outH = same ? (p[0] + p[6] - 1) / p[6] : (p[0] - p[4]) / p[6] + 1;
            int outW = same ? (p[1] + p[6] - 1) / p[6] : (p[1] - p[5]) / p[6] + 1;
            TfliteBuilder b = new TfliteBuilder();
            float si = 1e-4f;
            float[] ws = scales(p[3], 0.01f);
            int x = b.tensor("x", INT16, new int[] {1, p[0], p[1], p[2]}, Quant.of(si, 0));
            int w = b.constant("w", INT8, new int[] {p[3], p[4], p[5], p[2]}, Quant.perChannel(ws, 0),
                    bytes(p[3] * p[4] * p[5] * p[2]));
            // k = 3: channel 0's multiplier s_in·s_w/s_out has the mantissa 0.99999
            float so = k == 3 ? (float) (si * (double) ws[0] / (0.99999 / 1024)) : 6e-4f;
            int y = b.tensor("y", INT16, new int[] {1, outH, outW, p[3]}, Quant.of(so, 0));
            b.operator(OpType.CONV_2D, new int[] {x, w, bias(b, p[3], si, ws)}, new int[] {y},
                    new Options(1).int8(0, p[7]).int32(1, p[6]).int32(2, p[6]).int8(3, p[8]));
            InterpreterCheck.assertExact("conv16x8-" + k, b.inputs(x).outputs(y).build(), 2);
        }
    }

    @Test
    void depthwiseConvolution() {
        int[][] cases = { // H, W, C, multiplier, k, stride, padding
            {6, 6, 4, 1, 3, 1, 0},
            {7, 5, 3, 2, 3, 2, 0},
            {8, 8, 2, 1, 3, 2, 1},
        };
        for (int k = 0; k < cases.length; k++) {
            int[] p = cases[k];
            boolean same = p[6] == 0;
            int outH = same ? (p[0] + p[5] - 1) / p[5] : (p[0] - p[4]) / p[5] + 1;
            int outW = same ? (p[1] + p[5] - 1) / p[5] : (p[1] - p[4]) / p[5] + 1;
            int outC = p[2] * p[3];
            TfliteBuilder b = new TfliteBuilder();
            float si = 2e-4f;
            float[] ws = scales(outC, 0.008f);
            int x = b.tensor("x", INT16, new int[] {1, p[0], p[1], p[2]}, Quant.of(si, 0));
            int w = b.constant("w", INT8, new int[] {1, p[4], p[4], outC}, Quant.perChannel(ws, 3),
                    bytes(p[4] * p[4] * outC));
            int y = b.tensor("y", INT16, new int[] {1, outH, outW, outC}, Quant.of(3e-4f, 0));
            b.operator(OpType.DEPTHWISE_CONV_2D, new int[] {x, w, bias(b, outC, si, ws)}, new int[] {y},
                    new Options(2).int8(0, p[6]).int32(1, p[5]).int32(2, p[5]).int32(3, p[3]).int8(4, k == 1 ? 1 : 0));
            InterpreterCheck.assertExact("dw16x8-" + k, b.inputs(x).outputs(y).build(), 2);
        }
    }

    @Test
    void transposeConvolution() {
        int[][] cases = {{3, 4, 2, 3, 3, 2, 0}, {4, 3, 3, 2, 2, 2, 1}}; // H, W, C in, C out, k, stride, padding
        for (int k = 0; k < cases.length; k++) {
            int[] p = cases[k];
            boolean same = p[6] == 0;
            int outH = same ? p[0] * p[5] : (p[0] - 1) * p[5] + p[4];
            int outW = same ? p[1] * p[5] : (p[1] - 1) * p[5] + p[4];
            TfliteBuilder b = new TfliteBuilder();
            float si = 2e-4f;
            float[] ws = scales(p[3], 0.01f);
            int shape = b.int32s("shape", 1, outH, outW, p[3]);
            int w = b.constant("w", INT8, new int[] {p[3], p[4], p[4], p[2]}, Quant.perChannel(ws, 0),
                    bytes(p[3] * p[4] * p[4] * p[2]));
            int x = b.tensor("x", INT16, new int[] {1, p[0], p[1], p[2]}, Quant.of(si, 0));
            int y = b.tensor("y", INT16, new int[] {1, outH, outW, p[3]}, Quant.of(5e-4f, 0));
            b.operator(OpType.TRANSPOSE_CONV, new int[] {shape, w, x, bias(b, p[3], si, ws)}, new int[] {y},
                    new Options(49).int8(0, p[6]).int32(1, p[5]).int32(2, p[5]));
            InterpreterCheck.assertExact("tconv16x8-" + k, b.inputs(x).outputs(y).build(), 2);
        }
    }

    @Test
    void fullyConnected() {
        for (int k = 0; k < 2; k++) {
            int in = k == 0 ? 20 : 64;
            int out = k == 0 ? 7 : 12;
            TfliteBuilder b = new TfliteBuilder();
            float si = 3e-4f;
            float[] ws = {0.012f};
            int x = b.tensor("x", INT16, new int[] {1, in}, Quant.of(si, 0));
            int w = b.constant("w", INT8, new int[] {out, in}, Quant.perChannel(ws, 0), bytes(out * in));
            ByteBuffer bias = ByteBuffer.allocate(8 * out).order(ByteOrder.LITTLE_ENDIAN);
            for (int o = 0; o < out; o++) {
                bias.putLong(RND.nextInt(1 << 20) - (1 << 19));
            }
            int bi = b.constant("b", INT64, new int[] {out}, Quant.of(si * ws[0], 0), bias.array());
            int y = b.tensor("y", INT16, new int[] {1, out}, Quant.of(k == 0 ? 2e-3f : 9e-3f, 0));
            b.operator(OpType.FULLY_CONNECTED, new int[] {x, w, bi}, new int[] {y}, new Options(8).int8(0, k));
            InterpreterCheck.assertExact("fc16x8-" + k, b.inputs(x).outputs(y).build(), 3);
        }
    }

    @Test
    void addAndSub() {
        int[][][] shapes = {{{1, 4, 5, 3}, {1, 4, 5, 3}}, {{1, 4, 5, 3}, {3}}, {{1, 4, 1, 3}, {1, 1, 5, 1}}};
        Quant[][] quants = {
            {Quant.of(3e-4f, 0), Quant.of(5e-4f, 0), Quant.of(6e-4f, 0)},
            {Quant.of(1e-4f, 0), Quant.of(1e-4f, 0), Quant.of(2.2e-4f, 0)},
            {Quant.of(2e-3f, 0), Quant.of(1e-3f, 0), Quant.of(1.5e-3f, 0)},
        };
        for (OpType op : new OpType[] {OpType.ADD, OpType.SUB}) {
            for (int k = 0; k < shapes.length; k++) {
                InterpreterCheck.assertExact(op + "16-" + k, binary(op, op == OpType.ADD ? 11 : 28, shapes[k][0],
                        shapes[k][1], quants[k], k == 2 ? 1 : 0, false), 3);
            }
        }
        // power-of-two scales with pot_scale_int16 left at its default (true), as LSTM cells quantise
        Quant[] pot = {Quant.of(1f / 4096, 0), Quant.of(1f / 1024, 0), Quant.of(1f / 1024, 0)};
        InterpreterCheck.assertExact("ADD16-pot", binary(OpType.ADD, 11, new int[] {1, 6, 5}, new int[] {1, 6, 5}, pot,
                0, true), 3);
    }

    private static byte[] binary(OpType op, int optionsType, int[] sa, int[] sb, Quant[] q, int act, boolean pot) {
        TfliteBuilder b = new TfliteBuilder();
        int x = b.tensor("x", INT16, sa, q[0]);
        int y = b.tensor("y", INT16, sb, q[1]);
        int[] so = sa.length >= sb.length ? sa.clone() : sb.clone();
        for (int d = 0; d < so.length; d++) {
            int da = d - (so.length - sa.length);
            int db = d - (so.length - sb.length);
            so[d] = Math.max(da >= 0 ? sa[da] : 1, db >= 0 ? sb[db] : 1);
        }
        int z = b.tensor("z", INT16, so, q[2]);
        Options o = new Options(optionsType).int8(0, act);
        b.operator(op, new int[] {x, y}, new int[] {z}, pot ? o : o.int8(1, 0));
        return b.inputs(x, y).outputs(z).build();
    }

    @Test
    void pooling() {
        for (OpType op : new OpType[] {OpType.AVERAGE_POOL_2D, OpType.MAX_POOL_2D}) {
            TfliteBuilder b = new TfliteBuilder();
            Quant q = Quant.of(2e-4f, 0);
            int x = b.tensor("x", INT16, new int[] {1, 9, 7, 3}, q);
            int y = b.tensor("y", INT16, new int[] {1, 5, 3, 3}, q);
            b.operator(op, new int[] {x}, new int[] {y}, new Options(5).int8(0, 0).int32(1, 3).int32(2, 2)
                    .int32(3, 2).int32(4, 3));
            InterpreterCheck.assertExact(op + "16", b.inputs(x).outputs(y).build(), 2);
        }
    }

    @Test
    void reluFamily() {
        for (OpType op : new OpType[] {OpType.RELU, OpType.RELU6, OpType.LEAKY_RELU}) {
            TfliteBuilder b = new TfliteBuilder();
            int x = b.tensor("x", INT16, new int[] {1, 16, 16}, Quant.of(3e-4f, 0));
            int y = b.tensor("y", INT16, new int[] {1, 16, 16}, Quant.of(2e-4f, 0));
            b.operator(op, new int[] {x}, new int[] {y}, op == OpType.LEAKY_RELU ? new Options(75).float32(0, 0.2f) : null);
            InterpreterCheck.assertExact(op + "16", b.inputs(x).outputs(y).build(), 2);
        }
    }

    @Test
    void aSixteenByEightGraphFromFloatToFloat() {
        // QUANTIZE float32 -> int16, CONV_2D 16x8, RESHAPE, FULLY_CONNECTED 16x8, DEQUANTIZE
        TfliteBuilder b = new TfliteBuilder();
        int f = b.tensor("f", FLOAT32, new int[] {1, 5, 5, 2}, null);
        int x = b.tensor("x", INT16, new int[] {1, 5, 5, 2}, Quant.of(3e-4f, 0));
        b.operator(OpType.QUANTIZE, new int[] {f}, new int[] {x}, null);
        float[] ws = scales(3, 0.01f);
        int w = b.constant("w", INT8, new int[] {3, 3, 3, 2}, Quant.perChannel(ws, 0), bytes(54));
        int c = b.tensor("c", INT16, new int[] {1, 3, 3, 3}, Quant.of(1e-3f, 0));
        b.operator(OpType.CONV_2D, new int[] {x, w, bias(b, 3, 3e-4f, ws)}, new int[] {c},
                new Options(1).int8(0, 1).int32(1, 1).int32(2, 1).int8(3, 1));
        int r = b.tensor("r", INT16, new int[] {1, 27}, Quant.of(1e-3f, 0));
        b.operator(OpType.RESHAPE, new int[] {c, b.int32s("shape", 1, 27)}, new int[] {r}, null);
        int w2 = b.constant("w2", INT8, new int[] {4, 27}, Quant.of(0.02f, 0), bytes(108));
        int o = b.tensor("o", INT16, new int[] {1, 4}, Quant.of(4e-3f, 0));
        b.operator(OpType.FULLY_CONNECTED, new int[] {r, w2, -1}, new int[] {o}, new Options(8));
        int d = b.tensor("d", FLOAT32, new int[] {1, 4}, null);
        b.operator(OpType.DEQUANTIZE, new int[] {o}, new int[] {d}, null);
        InterpreterCheck.assertExact("graph16x8", b.inputs(f).outputs(d).build(), 3);
    }
}
