package org.maxdnn.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.maxdnn.MaxdnnException;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.model.ElementType;
import org.maxdnn.model.OpType;
import org.maxdnn.model.TfliteModel;
import org.maxdnn.model.tflite.TfliteBuilder;
import org.maxdnn.model.tflite.TfliteBuilder.Quant;
import org.maxdnn.mult.MultiplierRegistry;

/**
 * LOGISTIC and TANH in {@code reference} rounding follow TFLite's reference int8 kernels in gemmlowp
 * fixed point, which no interpreter here runs (the x86 interpreter uses a float table: the
 * {@code runtime} variant, checked against it in cli's ArithmeticOperatorsTest). gemmlowp's result is
 * within about 2^−20 of the true function before its last rounding, so on every int8 code the kernel
 * gives the correctly rounded output except where the exact value lies within 10^−3 of a half step;
 * there it is one of the two neighbours. A wrong constant, shift or Newton step in the fixed point
 * moves outputs everywhere. On these scales the interpreter's float table gives the same codes:
 * the variants can part only where the exact value is within float precision of a half step.
 */
class ReferenceLogisticTanhTest {
    private static final Quant[] INPUTS = {Quant.of(0.05f, -128), Quant.of(0.1f, 3), Quant.of(0.02f, 127),
        Quant.of(0.25f, -20), Quant.of(0.0039f, 0)};

    private static int[] run(OpType op, Quant in, Quant out, Rounding rounding) {
        TfliteBuilder b = new TfliteBuilder();
        int x = b.tensor("x", ElementType.INT8, new int[] {1, 256}, in);
        int y = b.tensor("y", ElementType.INT8, new int[] {1, 256}, out);
        b.operator(op, new int[] {x}, new int[] {y}, null);
        Network net = Network.of(TfliteModel.parse(Path.of(op + ".tflite"), b.inputs(x).outputs(y).build()), rounding);
        InferencePlan plan = InferencePlan.compile(net, ApproxMap.exact(), new MultiplierRegistry(null));
        Workspace ws = plan.newWorkspace();
        for (int i = 0; i < 256; i++) {
            ws.tensor(x)[i] = (byte) (i - 128);
        }
        plan.runFrom(0, ws, null);
        int[] codes = new int[256];
        for (int i = 0; i < 256; i++) {
            codes[i] = ws.tensor(y)[i];
        }
        return codes;
    }

    private static void check(OpType op, Quant out, double steps, int zeroPoint) {
        for (Quant in : INPUTS) {
            int[] reference = run(op, in, out, Rounding.REFERENCE);
            int[] runtime = run(op, in, out, Rounding.RUNTIME);
            for (int i = 0; i < 256; i++) {
                double real = in.scales()[0] * (i - 128 - in.zeroPoints()[0]);
                double exact = (op == OpType.LOGISTIC ? 1 / (1 + Math.exp(-real)) : Math.tanh(real)) * steps;
                double fraction = exact - Math.floor(exact);
                int low = (int) Math.max(-128, Math.min(127, Math.floor(exact) + zeroPoint));
                int high = (int) Math.max(-128, Math.min(127, Math.floor(exact) + 1 + zeroPoint));
                int rounded = fraction < 0.5 ? low : high;
                String where = op + " input scale " + in.scales()[0] + " zp " + in.zeroPoints()[0] + " code " + (i - 128);
                if (Math.abs(fraction - 0.5) > 1e-3) {
                    assertEquals(rounded, reference[i], where);
                } else {
                    assertTrue(reference[i] == low || reference[i] == high, where);
                }
                // the float table rounds the same function: the two part only within float precision of a half step
                assertTrue(reference[i] == runtime[i] || Math.abs(fraction - 0.5) < 1e-4, where);
            }
        }
    }

    @Test
    void logisticIsGemmlowpFixedPoint() {
        check(OpType.LOGISTIC, Quant.of(1f / 256, -128), 256, -128);
    }

    @Test
    void tanhIsGemmlowpFixedPoint() {
        check(OpType.TANH, Quant.of(1f / 128, 0), 128, 0);
    }

    /** Only the reference kernel has a fixed output quantization: the variants take different kernels. */
    @Test
    void theReferenceKernelsWriteTheirOwnOutputQuantisation() {
        MaxdnnException e = assertThrows(MaxdnnException.class,
                () -> run(OpType.LOGISTIC, Quant.of(0.05f, 0), Quant.of(1f / 128, 0), Rounding.REFERENCE));
        assertTrue(e.getMessage().contains("writes scale 0.00390625 and zero point -128"), e.getMessage());
        assertEquals(256, run(OpType.LOGISTIC, Quant.of(0.05f, 0), Quant.of(1f / 128, 0), Rounding.RUNTIME).length);
    }
}
