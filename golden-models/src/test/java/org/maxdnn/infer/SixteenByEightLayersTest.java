package org.maxdnn.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.maxdnn.MaxdnnException;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.model.ElementType;
import org.maxdnn.model.OpType;
import org.maxdnn.model.TfliteModel;
import org.maxdnn.model.tflite.TfliteBuilder;
import org.maxdnn.model.tflite.TfliteBuilder.Options;
import org.maxdnn.model.tflite.TfliteBuilder.Quant;

/**
 * A 16x8 convolution runs exactly and is not approximable: it is no weighted layer, the map's default
 * leaves it alone, and a map naming it is refused saying why. Its arithmetic is checked against the
 * TFLite interpreter in cli's Int16x8OperatorsTest; here a hand-computed output.
 */
class SixteenByEightLayersTest {
    /** A 1x1 CONV_2D over [1,1,2,2] int16 with weights (3, −2) and (1, 1), biases 10 and −4. */
    private static Network network() {
        TfliteBuilder b = new TfliteBuilder();
        int x = b.tensor("x", ElementType.INT16, new int[] {1, 1, 2, 2}, Quant.of(0.5f, 0));
        int w = b.constant("w", ElementType.INT8, new int[] {2, 1, 1, 2}, Quant.perChannel(new float[] {1f, 1f}, 0),
                new byte[] {3, -2, 1, 1});
        ByteBuffer bias = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(10).putLong(-4);
        int bi = b.constant("b", ElementType.INT64, new int[] {2}, Quant.perChannel(new float[] {0.5f, 0.5f}, 0),
                bias.array());
        // s_in·s_w/s_out = 0.5/0.25 = 2: outputs are 2·(Σ x·w + bias)
        int y = b.tensor("y", ElementType.INT16, new int[] {1, 1, 2, 2}, Quant.of(0.25f, 0));
        b.operator(OpType.CONV_2D, new int[] {x, w, bi}, new int[] {y},
                new Options(1).int8(0, 1).int32(1, 1).int32(2, 1));
        return Network.of(TfliteModel.parse(Path.of("conv16x8.tflite"), b.inputs(x).outputs(y).build()));
    }

    @Test
    void runsExactlyWithSixtyFourBitAccumulators() {
        Network net = network();
        assertInstanceOf(Conv16x8Layer.class, net.layers().get(0));
        assertTrue(net.weightedLayers().isEmpty());
        InferencePlan plan = InferencePlan.compile(net, ApproxMap.parse("{\"default\": \"roup-p2r3\"}", "m"),
                new org.maxdnn.mult.MultiplierRegistry(null));
        Workspace ws = plan.newWorkspace();
        short[] in = ws.shorts(net.inputTensor());
        in[0] = 1000;
        in[1] = -500;
        in[2] = 16000;
        in[3] = 16000;
        plan.runFrom(0, ws, null);
        // pixel 0: 3·1000 + 2·500 + 10 = 4010 → 8020; 1000 − 500 − 4 = 496 → 992
        // pixel 1: 48000 − 32000 + 10 = 16010 → 32020; 32000 − 4 = 31996 → 63992, clamped to 32767
        assertEquals(8020, ws.shorts(net.outputTensor())[0]);
        assertEquals(992, ws.shorts(net.outputTensor())[1]);
        assertEquals(32020, ws.shorts(net.outputTensor())[2]);
        assertEquals(32767, ws.shorts(net.outputTensor())[3]);
    }

    @Test
    void aMapNamingASixteenByEightLayerIsRefusedSayingWhy() {
        Network net = network();
        MaxdnnException e = assertThrows(MaxdnnException.class,
                () -> ApproxMap.parse("{\"layers\": {\"conv0\": {\"multiplier\": \"roup-p1r2\"}}}", "m.json")
                        .validate(net, "m.json"));
        assertEquals(MaxdnnException.BAD_INPUT, e.exitCode());
        assertTrue(e.getMessage().contains("conv0") && e.getMessage().contains("16x8")
                && e.getMessage().contains("int8 operands"), e.getMessage());
    }
}
