package org.maxdnn.tflite;

import static org.maxdnn.model.ElementType.INT8;
import static org.maxdnn.model.ElementType.UINT8;

import org.junit.jupiter.api.Test;
import org.maxdnn.model.ElementType;
import org.maxdnn.model.OpType;
import org.maxdnn.model.tflite.TfliteBuilder;
import org.maxdnn.model.tflite.TfliteBuilder.Options;
import org.maxdnn.model.tflite.TfliteBuilder.Quant;

/**
 * The operators with integer arithmetic (ADD, SUB, MUL with broadcasting; MEAN, SUM; SOFTMAX over
 * rows; RELU, RELU6, RELU_N1_TO_1, LEAKY_RELU, PRELU, HARD_SWISH, LOGISTIC, TANH;
 * RESIZE_NEAREST_NEIGHBOR, RESIZE_BILINEAR) against the TFLite interpreter, bit
 * for bit, on single-operator models with zero points at both ends of the range and scales that
 * shrink and widen.
 */
class ArithmeticOperatorsTest {
    private static final int[][][] BROADCASTS = {
        {{1, 4, 5, 3}, {1, 4, 5, 3}},
        {{1, 4, 5, 3}, {3}},
        {{1, 4, 1, 3}, {1, 1, 5, 1}},
        {{2, 1, 6}, {1, 3, 1}},
    };

    private static byte[] binary(OpType op, int optionsType, int act, int[] sa, Quant qa, int[] sb, Quant qb,
                                 Quant qo) {
        TfliteBuilder b = new TfliteBuilder();
        int x = b.tensor("x", INT8, sa, qa);
        int y = b.tensor("y", INT8, sb, qb);
        int[] so = new int[Math.max(sa.length, sb.length)];
        for (int d = 0; d < so.length; d++) {
            int da = d - (so.length - sa.length);
            int db = d - (so.length - sb.length);
            so[d] = Math.max(da >= 0 ? sa[da] : 1, db >= 0 ? sb[db] : 1);
        }
        int z = b.tensor("z", INT8, so, qo);
        b.operator(op, new int[] {x, y}, new int[] {z}, new Options(optionsType).int8(0, act));
        return b.inputs(x, y).outputs(z).build();
    }

    @Test
    void addSubAndMulWithBroadcasting() {
        Quant[][] quants = {
            {Quant.of(0.05f, -128), Quant.of(0.02f, 127), Quant.of(0.06f, 3)},
            {Quant.of(0.1f, 10), Quant.of(0.1f, 10), Quant.of(0.01f, -128)},
            {Quant.of(0.003f, 0), Quant.of(0.5f, -20), Quant.of(0.4f, 127)},
        };
        Object[][] ops = {{OpType.ADD, 11}, {OpType.SUB, 28}, {OpType.MUL, 21}};
        for (Object[] op : ops) {
            for (int k = 0; k < BROADCASTS.length; k++) {
                Quant[] q = quants[k % quants.length];
                int act = k == 1 ? 1 : k == 2 ? 3 : 0; // NONE, RELU, RELU6
                String name = op[0] + "-" + k;
                InterpreterCheck.assertExact(name, binary((OpType) op[0], (Integer) op[1], act, BROADCASTS[k][0], q[0],
                        BROADCASTS[k][1], q[1], q[2]), 3);
            }
        }
    }

    @Test
    void meanAndSum() {
        // spatial keep_dims (both kernels of each variant), another axis, all axes, alike and unalike quantization
        Object[][] cases = {
            {new int[] {1, 7, 5, 6}, new int[] {1, 2}, true, Quant.of(0.05f, -128), Quant.of(0.02f, 5)},
            {new int[] {1, 7, 5, 6}, new int[] {2, 1}, true, Quant.of(0.05f, 127), Quant.of(0.05f, 127)},
            {new int[] {1, 7, 7, 40}, new int[] {1, 2}, true, Quant.of(0.05f, 7), Quant.of(0.03f, -2)},
            {new int[] {1, 7, 7, 40}, new int[] {1, 2}, true, Quant.of(0.07f, -9), Quant.of(0.07f, -9)},
            {new int[] {1, 7, 5, 6}, new int[] {1, 2}, false, Quant.of(0.05f, -3), Quant.of(0.01f, 0)},
            {new int[] {2, 9, 4}, new int[] {-1}, false, Quant.of(0.05f, 4), Quant.of(0.05f, 4)},
            {new int[] {2, 9, 4}, new int[] {0, 2}, true, Quant.of(0.05f, -100), Quant.of(0.07f, 20)},
        };
        for (int k = 0; k < cases.length; k++) {
            int[] shape = (int[]) cases[k][0];
            int[] axes = (int[]) cases[k][1];
            boolean keep = (Boolean) cases[k][2];
            int[] out = shape.clone();
            boolean[] reduced = new boolean[shape.length];
            for (int a : axes) {
                reduced[a < 0 ? a + shape.length : a] = true;
            }
            java.util.List<Integer> dims = new java.util.ArrayList<>();
            for (int d = 0; d < shape.length; d++) {
                out[d] = reduced[d] ? 1 : shape[d];
                if (!reduced[d] || keep) {
                    dims.add(out[d]);
                }
            }
            int[] os = dims.stream().mapToInt(Integer::intValue).toArray();
            for (OpType op : new OpType[] {OpType.MEAN, OpType.SUM}) {
                TfliteBuilder b = new TfliteBuilder();
                int x = b.tensor("x", INT8, shape, (Quant) cases[k][3]);
                int axis = b.int32s("axis", axes);
                int y = b.tensor("y", INT8, os, (Quant) cases[k][4]);
                b.operator(op, new int[] {x, axis}, new int[] {y}, new Options(27).int8(0, keep ? 1 : 0));
                InterpreterCheck.assertExact(op + "-" + k, b.inputs(x).outputs(y).build(), 3);
            }
        }
    }

    @Test
    void softmaxOverEveryRow() {
        for (int depth : new int[] {2, 10, 300}) {
            TfliteBuilder b = new TfliteBuilder();
            int x = b.tensor("x", INT8, new int[] {1, 3, 4, depth}, Quant.of(0.17f, 12));
            int y = b.tensor("y", INT8, new int[] {1, 3, 4, depth}, Quant.of(1f / 256, -128));
            b.operator(OpType.SOFTMAX, new int[] {x}, new int[] {y}, new Options(9).float32(0, 1f));
            InterpreterCheck.assertExact("softmax-" + depth, b.inputs(x).outputs(y).build(), 3);
        }
    }

    private static byte[] unary(OpType op, Options options, ElementType t, Quant qi, Quant qo) {
        TfliteBuilder b = new TfliteBuilder();
        int x = b.tensor("x", t, new int[] {1, 16, 16}, qi);
        int y = b.tensor("y", t, new int[] {1, 16, 16}, qo);
        b.operator(op, new int[] {x}, new int[] {y}, options);
        return b.inputs(x).outputs(y).build();
    }

    @Test
    void reluFamily() {
        Quant[][] quants = {{Quant.of(0.05f, -128), Quant.of(0.03f, -128)}, {Quant.of(0.02f, 127), Quant.of(0.05f, 0)},
            {Quant.of(0.1f, 3), Quant.of(0.1f, 3)}};
        for (Quant[] q : quants) {
            for (OpType op : new OpType[] {OpType.RELU, OpType.RELU6, OpType.RELU_N1_TO_1}) {
                InterpreterCheck.assertExact(op + "-" + q[0].zeroPoints()[0], unary(op, null, INT8, q[0], q[1]), 1);
            }
            InterpreterCheck.assertExact("leaky-" + q[0].zeroPoints()[0],
                    unary(OpType.LEAKY_RELU, new Options(75).float32(0, 0.2f), INT8, q[0], q[1]), 1);
        }
        InterpreterCheck.assertExact("relu-u8", unary(OpType.RELU, null, UINT8, Quant.of(0.05f, 128),
                Quant.of(0.04f, 0)), 1);
    }

    @Test
    void hardSwishAndPrelu() {
        Quant[][] quants = {{Quant.of(0.05f, -128), Quant.of(0.03f, -100)}, {Quant.of(0.02f, 127), Quant.of(0.05f, 0)},
            {Quant.of(0.1f, 3), Quant.of(0.1f, 3)}, {Quant.of(0.4f, -5), Quant.of(0.03f, 20)}};
        for (Quant[] q : quants) {
            InterpreterCheck.assertExact("hard-swish-" + q[0].zeroPoints()[0],
                    unary(OpType.HARD_SWISH, new Options(91), INT8, q[0], q[1]), 1);
            TfliteBuilder b = new TfliteBuilder();
            int x = b.tensor("x", INT8, new int[] {1, 4, 5, 3}, q[0]);
            int alpha = b.constant("alpha", INT8, new int[] {1, 1, 3}, Quant.of(0.01f, 7), new byte[] {-128, 20, 127});
            int y = b.tensor("y", INT8, new int[] {1, 4, 5, 3}, q[1]);
            b.operator(OpType.PRELU, new int[] {x, alpha}, new int[] {y}, null);
            InterpreterCheck.assertExact("prelu-" + q[0].zeroPoints()[0], b.inputs(x).outputs(y).build(), 2);
        }
    }

    @Test
    void resizeNearestNeighborAndBilinear() {
        int[][] sizes = {{3, 4, 6, 8}, {5, 5, 3, 7}, {4, 6, 9, 13}};
        for (int k = 0; k < sizes.length; k++) {
            int[] s = sizes[k];
            for (int flags = 0; flags < 3; flags++) { // none, align_corners, half_pixel_centers
                for (OpType op : new OpType[] {OpType.RESIZE_NEAREST_NEIGHBOR, OpType.RESIZE_BILINEAR}) {
                    TfliteBuilder b = new TfliteBuilder();
                    Quant q = Quant.of(0.05f, k == 1 ? 127 : -128);
                    int x = b.tensor("x", INT8, new int[] {1, s[0], s[1], 3}, q);
                    int size = b.int32s("size", s[2], s[3]);
                    int y = b.tensor("y", INT8, new int[] {1, s[2], s[3], 3}, q);
                    b.operator(op, new int[] {x, size}, new int[] {y}, new Options(op == OpType.RESIZE_BILINEAR ? 15 : 74)
                            .int8(op == OpType.RESIZE_BILINEAR ? 2 : 0, flags == 1 ? 1 : 0)
                            .int8(op == OpType.RESIZE_BILINEAR ? 3 : 1, flags == 2 ? 1 : 0));
                    InterpreterCheck.assertExact(op + "-" + k + "-" + flags, b.inputs(x).outputs(y).build(), 2);
                }
            }
        }
    }

    @Test
    void logisticAndTanhAtRuntime() {
        Quant[] inputs = {Quant.of(0.05f, -128), Quant.of(0.1f, 3), Quant.of(0.02f, 127)};
        for (Quant q : inputs) {
            InterpreterCheck.assertExact("logistic-" + q.zeroPoints()[0], unary(OpType.LOGISTIC, null, INT8, q,
                    Quant.of(1f / 256, -128)), org.maxdnn.infer.Rounding.RUNTIME, 1);
            InterpreterCheck.assertExact("tanh-" + q.zeroPoints()[0], unary(OpType.TANH, null, INT8, q,
                    Quant.of(1f / 128, 0)), org.maxdnn.infer.Rounding.RUNTIME, 1);
        }
    }
}
