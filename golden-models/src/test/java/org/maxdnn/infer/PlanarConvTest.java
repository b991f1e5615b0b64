package org.maxdnn.infer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.maxdnn.model.OpType;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.mult.MultiplierFamily;
import org.maxdnn.mult.MultiplierRegistry;

/**
 * The planar path against the table path (one lookup of the bit-level model's table per
 * multiplication) on layer shapes ResNet-8 does not have: odd sizes, strides 2 and 3, unequal
 * strides, non-square and 5×5 kernels, VALID and SAME padding, every exact/roup/roupc configuration.
 */
class PlanarConvTest {
    private static final MultiplierRegistry REGISTRY = new MultiplierRegistry(null);

    @Test
    void thePlanarPathEqualsTheTablePathOnUnusualGeometries() {
        assertTrue(ConvKernel.VECTOR_API, "the tests run with --add-modules jdk.incubator.vector");
        List<MultiplierConfig> all = new ArrayList<>(MultiplierConfig.family(MultiplierFamily.ROUP));
        all.addAll(MultiplierConfig.family(MultiplierFamily.ROUPC));
        all.add(MultiplierConfig.EXACT);
        Random rnd = new Random(5);
        int[][] shapes = { // inH, inW, inC, outC, kh, kw, strideH, strideW, same
            {7, 9, 3, 5, 3, 3, 2, 2, 1}, {8, 8, 4, 3, 3, 3, 2, 2, 1}, {11, 6, 2, 4, 5, 5, 3, 2, 1},
            {10, 7, 3, 2, 1, 3, 1, 2, 0}, {9, 9, 5, 6, 3, 1, 3, 3, 0}, {5, 5, 7, 3, 5, 5, 1, 1, 1},
            {1, 1, 37, 10, 1, 1, 1, 1, 0}, {6, 13, 2, 3, 2, 4, 2, 3, 1},
        };
        for (int[] g : shapes) {
            ConvLayer layer = randomLayer(rnd, g);
            // kernel level over every configuration, then one uniform roupc map
            MultiplierConfig[][] mixed = new MultiplierConfig[layer.outC()][layer.inC()];
            MultiplierConfig[][] uniform = new MultiplierConfig[layer.outC()][layer.inC()];
            for (int oc = 0; oc < layer.outC(); oc++) {
                for (int ic = 0; ic < layer.inC(); ic++) {
                    mixed[oc][ic] = all.get(rnd.nextInt(all.size()));
                    uniform[oc][ic] = MultiplierConfig.roupc(1, 7);
                }
            }
            for (MultiplierConfig[][] configs : List.of(mixed, uniform)) {
                for (int image = 0; image < 3; image++) {
                    byte[] in = new byte[layer.inH() * layer.inW() * layer.inC()];
                    for (int i = 0; i < in.length; i++) {
                        // as after a ReLU: about half at the zero point
                        in[i] = (byte) (rnd.nextBoolean() ? layer.inZeroPoint() : rnd.nextInt(256) - 128);
                    }
                    String where = "shape " + java.util.Arrays.toString(g) + " image " + image;
                    assertArrayEquals(run(layer, configs, ConvKernel.Path.TABLE, in),
                            run(layer, configs, ConvKernel.Path.PLANAR, in), where);
                }
            }
        }
    }

    private static int[] run(ConvLayer layer, MultiplierConfig[][] configs, ConvKernel.Path path, byte[] in) {
        ConvKernel k = ConvKernel.compile(layer, configs, REGISTRY, path);
        int outputs = layer.outH() * layer.outW() * layer.outC();
        int[] acc = new int[outputs];
        byte[] out = new byte[outputs];
        k.run(in, out, new ConvKernel.Scratch(layer.kernelSize(), layer.outC()), acc);
        int[] both = java.util.Arrays.copyOf(acc, 2 * outputs);
        for (int i = 0; i < outputs; i++) {
            both[outputs + i] = out[i];
        }
        return both;
    }

    /** TF padding: SAME pads (total) max((out − 1)·s + k − in, 0), the smaller half at the top/left. */
    private static ConvLayer randomLayer(Random rnd, int[] g) {
        int inH = g[0], inW = g[1], inC = g[2], outC = g[3], kh = g[4], kw = g[5], sh = g[6], sw = g[7];
        boolean same = g[8] == 1;
        int outH = same ? (inH + sh - 1) / sh : (inH - kh) / sh + 1;
        int outW = same ? (inW + sw - 1) / sw : (inW - kw) / sw + 1;
        int padTop = same ? Math.max((outH - 1) * sh + kh - inH, 0) / 2 : 0;
        int padLeft = same ? Math.max((outW - 1) * sw + kw - inW, 0) / 2 : 0;
        byte[] w = new byte[outC * kh * kw * inC];
        rnd.nextBytes(w);
        int[] bias = new int[outC];
        QuantizedMultiplier[] requant = new QuantizedMultiplier[outC];
        for (int oc = 0; oc < outC; oc++) {
            bias[oc] = rnd.nextInt(2001) - 1000;
            requant[oc] = QuantizedMultiplier.of(0.0005 + rnd.nextDouble() * 0.002);
        }
        return new ConvLayer("test", OpType.CONV_2D, 0, 1, inH, inW, inC, outH, outW, outC, kh, kw, sh, sw,
                padTop, padLeft, w, bias, -128 + rnd.nextInt(20), rnd.nextInt(11) - 5, requant, -128, 127);
    }
}
