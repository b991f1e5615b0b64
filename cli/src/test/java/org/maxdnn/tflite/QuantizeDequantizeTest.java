package org.maxdnn.tflite;

import static org.maxdnn.model.ElementType.FLOAT32;
import static org.maxdnn.model.ElementType.INT16;
import static org.maxdnn.model.ElementType.INT8;
import static org.maxdnn.model.ElementType.UINT8;

import org.junit.jupiter.api.Test;
import org.maxdnn.model.ElementType;
import org.maxdnn.model.OpType;
import org.maxdnn.model.tflite.TfliteBuilder;
import org.maxdnn.model.tflite.TfliteBuilder.Options;
import org.maxdnn.model.tflite.TfliteBuilder.Quant;

/**
 * QUANTIZE and DEQUANTIZE at the graph's boundaries (float32 and uint8 sides) and between 8- and
 * 16-bit tensors against the TFLite interpreter, bit for bit in both rounding variants; zero points
 * at both ends of the range, scales that put inputs on rounding half-steps and beyond the range.
 */
class QuantizeDequantizeTest {
    private static byte[] unary(OpType op, int optionsType, ElementType in, Quant qi, ElementType out, Quant qo) {
        TfliteBuilder b = new TfliteBuilder();
        int x = b.tensor("x", in, new int[] {1, 7, 9}, qi);
        int y = b.tensor("y", out, new int[] {1, 7, 9}, qo);
        b.operator(op, new int[] {x}, new int[] {y}, new Options(optionsType));
        return b.inputs(x).outputs(y).build();
    }

    @Test
    void quantizeFromFloat() {
        Quant[] qs = {Quant.of(0.0625f, 0), Quant.of(0.03f, -128), Quant.of(0.11f, 127), Quant.of(1.0809f, 101)};
        for (Quant q : qs) {
            InterpreterCheck.assertExact("quantize-f-i8-" + q.zeroPoints()[0],
                    unary(OpType.QUANTIZE, 89, FLOAT32, null, INT8, q), 3);
        }
        InterpreterCheck.assertExact("quantize-f-u8", unary(OpType.QUANTIZE, 89, FLOAT32, null, UINT8,
                Quant.of(0.05f, 128)), 3);
        InterpreterCheck.assertExact("quantize-f-i16", unary(OpType.QUANTIZE, 89, FLOAT32, null, INT16,
                Quant.of(0.0003f, 0)), 3);
    }

    @Test
    void requantizeBetweenIntegerTypes() {
        InterpreterCheck.assertExact("quantize-u8-i8", unary(OpType.QUANTIZE, 89, UINT8, Quant.of(0.02f, 128), INT8,
                Quant.of(0.02f, 0)), 3);
        InterpreterCheck.assertExact("quantize-i8-u8", unary(OpType.QUANTIZE, 89, INT8, Quant.of(0.02f, -3), UINT8,
                Quant.of(0.03f, 120)), 3);
        InterpreterCheck.assertExact("quantize-i8-i8", unary(OpType.QUANTIZE, 89, INT8, Quant.of(0.02f, -128), INT8,
                Quant.of(0.007f, 127)), 3);
        InterpreterCheck.assertExact("quantize-i16-i8", unary(OpType.QUANTIZE, 89, INT16, Quant.of(0.0002f, 0), INT8,
                Quant.of(0.04f, 5)), 3);
    }

    @Test
    void dequantizeToFloat() {
        InterpreterCheck.assertExact("dequantize-i8", unary(OpType.DEQUANTIZE, 38, INT8, Quant.of(0.0371f, -128),
                FLOAT32, null), 3);
        InterpreterCheck.assertExact("dequantize-u8", unary(OpType.DEQUANTIZE, 38, UINT8, Quant.of(0.2f, 255),
                FLOAT32, null), 3);
        InterpreterCheck.assertExact("dequantize-i16", unary(OpType.DEQUANTIZE, 38, INT16, Quant.of(0.00013f, 0),
                FLOAT32, null), 3);
    }
}
