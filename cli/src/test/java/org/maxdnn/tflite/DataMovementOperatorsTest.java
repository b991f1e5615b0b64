package org.maxdnn.tflite;

import static org.maxdnn.model.ElementType.FLOAT32;
import static org.maxdnn.model.ElementType.INT8;
import static org.maxdnn.model.ElementType.UINT8;

import org.junit.jupiter.api.Test;
import org.maxdnn.model.ElementType;
import org.maxdnn.model.OpType;
import org.maxdnn.model.tflite.TfliteBuilder;
import org.maxdnn.model.tflite.TfliteBuilder.Options;
import org.maxdnn.model.tflite.TfliteBuilder.Quant;

/**
 * The operators that move values without arithmetic (PAD, PADV2, TRANSPOSE, SLICE, STRIDED_SLICE,
 * SPLIT, CONCATENATION, RESHAPE, SQUEEZE, EXPAND_DIMS) against the TFLite interpreter, bit for bit in
 * both rounding variants, on single-operator models over int8, uint8 and float32 tensors.
 */
class DataMovementOperatorsTest {
    private static final Quant Q = Quant.of(0.05f, -7);

    private static Quant quant(ElementType t) {
        return t == FLOAT32 ? null : t == UINT8 ? Quant.of(0.05f, 131) : Q;
    }

    @Test
    void padAndPadV2FillWithTheZeroPointOrTheConstant() {
        for (ElementType t : new ElementType[] {INT8, UINT8, FLOAT32}) {
            TfliteBuilder b = new TfliteBuilder();
            int x = b.tensor("x", t, new int[] {1, 5, 4, 3}, quant(t));
            int pads = b.int32s("pads", new int[] {4, 2}, null, 0, 0, 1, 2, 0, 1, 0, 0);
            int y = b.tensor("y", t, new int[] {1, 8, 5, 3}, quant(t));
            b.operator(OpType.PAD, new int[] {x, pads}, new int[] {y}, new Options(22));
            InterpreterCheck.assertExact("pad-" + t, b.inputs(x).outputs(y).build(), 3);
        }
        TfliteBuilder b = new TfliteBuilder();
        Quant q = Quant.of(0.1f, 127);
        int x = b.tensor("x", INT8, new int[] {1, 3, 3, 2}, q);
        int pads = b.int32s("pads", new int[] {4, 2}, null, 0, 0, 2, 0, 1, 1, 0, 0);
        int value = b.constant("v", INT8, new int[] {1}, q, new byte[] {-128});
        int y = b.tensor("y", INT8, new int[] {1, 5, 5, 2}, q);
        b.operator(OpType.PADV2, new int[] {x, pads, value}, new int[] {y}, new Options(43));
        InterpreterCheck.assertExact("padv2", b.inputs(x).outputs(y).build(), 3);
    }

    @Test
    void transposeOfAnNchwInputAndOfOtherRanks() {
        int[][][] cases = {
            {{1, 3, 4, 5}, {0, 2, 3, 1}, {1, 4, 5, 3}},
            {{2, 3, 4}, {2, 0, 1}, {4, 2, 3}},
            {{6, 7}, {1, 0}, {7, 6}},
        };
        for (int[][] k : cases) {
            for (ElementType t : new ElementType[] {INT8, FLOAT32}) {
                TfliteBuilder b = new TfliteBuilder();
                int x = b.tensor("x", t, k[0], quant(t));
                int perm = b.int32s("perm", k[1]);
                int y = b.tensor("y", t, k[2], quant(t));
                b.operator(OpType.TRANSPOSE, new int[] {x, perm}, new int[] {y}, new Options(26));
                InterpreterCheck.assertExact("transpose-" + k[0].length + "-" + t, b.inputs(x).outputs(y).build(), 2);
            }
        }
    }

    @Test
    void sliceAndStridedSlice() {
        TfliteBuilder b = new TfliteBuilder();
        int x = b.tensor("x", INT8, new int[] {1, 6, 5, 4}, Q);
        int begin = b.int32s("begin", 0, 1, 2, 0);
        int size = b.int32s("size", 1, 4, -1, 3);
        int y = b.tensor("y", INT8, new int[] {1, 4, 3, 3}, Q);
        b.operator(OpType.SLICE, new int[] {x, begin, size}, new int[] {y}, new Options(48));
        InterpreterCheck.assertExact("slice", b.inputs(x).outputs(y).build(), 2);

        // strides 2 and −1, a negative begin, begin and end masks, and a shrunk axis
        int[][] k = {{0, -5, 4, 1}, {1, 6, 0, 4}, {1, 2, -1, 1}};
        int[][] masks = {{0, 0, 0}, {1 << 3, 1 << 3, 0}, {0, 0, 1 << 3}};
        int[][] shapes = {{1, 3, 4, 3}, {1, 3, 4, 4}, {1, 3, 4}};
        for (int m = 0; m < masks.length; m++) {
            b = new TfliteBuilder();
            x = b.tensor("x", UINT8, new int[] {1, 6, 5, 4}, quant(UINT8));
            int bg = b.int32s("begin", k[0]);
            int end = b.int32s("end", k[1]);
            int strides = b.int32s("strides", k[2]);
            y = b.tensor("y", UINT8, shapes[m], quant(UINT8));
            b.operator(OpType.STRIDED_SLICE, new int[] {x, bg, end, strides}, new int[] {y},
                    new Options(32).int32(0, masks[m][0]).int32(1, masks[m][1]).int32(4, masks[m][2]));
            InterpreterCheck.assertExact("strided-slice-" + m, b.inputs(x).outputs(y).build(), 2);
        }
    }

    @Test
    void splitAndConcatenationWithSeveralOutputsAndInputs() {
        TfliteBuilder b = new TfliteBuilder();
        int axis = b.int32s("axis", new int[0], null, 3);
        int x = b.tensor("x", INT8, new int[] {1, 2, 3, 6}, Q);
        int y0 = b.tensor("y0", INT8, new int[] {1, 2, 3, 2}, Q);
        int y1 = b.tensor("y1", INT8, new int[] {1, 2, 3, 2}, Q);
        int y2 = b.tensor("y2", INT8, new int[] {1, 2, 3, 2}, Q);
        b.operator(OpType.SPLIT, new int[] {axis, x}, new int[] {y0, y1, y2}, new Options(35).int32(0, 3));
        InterpreterCheck.assertExact("split", b.inputs(x).outputs(y0, y1, y2).build(), 2);

        b = new TfliteBuilder();
        int a = b.tensor("a", INT8, new int[] {1, 4, 2, 3}, Q);
        int c = b.tensor("c", INT8, new int[] {1, 4, 3, 3}, Q);
        int d = b.tensor("d", INT8, new int[] {1, 4, 1, 3}, Q);
        int out = b.tensor("out", INT8, new int[] {1, 4, 6, 3}, Q);
        b.operator(OpType.CONCATENATION, new int[] {a, c, d}, new int[] {out}, new Options(10).int32(0, -2));
        InterpreterCheck.assertExact("concatenation", b.inputs(a, c, d).outputs(out).build(), 2);
    }

    @Test
    void reshapeSqueezeAndExpandDimsKeepTheValues() {
        TfliteBuilder b = new TfliteBuilder();
        int x = b.tensor("x", INT8, new int[] {1, 1, 1, 12}, Q);
        int s = b.tensor("s", INT8, new int[] {1, 12}, Q);
        int axis = b.int32s("axis", new int[0], null, 1);
        int e = b.tensor("e", INT8, new int[] {1, 1, 12}, Q);
        int shape = b.int32s("shape", 3, 4);
        int r = b.tensor("r", INT8, new int[] {3, 4}, Q);
        b.operator(OpType.SQUEEZE, new int[] {x}, new int[] {s}, new Options(30).ints(0, 1, 2));
        b.operator(OpType.EXPAND_DIMS, new int[] {s, axis}, new int[] {e}, new Options(52));
        b.operator(OpType.RESHAPE, new int[] {e, shape}, new int[] {r}, new Options(17).ints(0, 3, 4));
        InterpreterCheck.assertExact("squeeze-expand-reshape", b.inputs(x).outputs(r).build(), 2);
    }
}
