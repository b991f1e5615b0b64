package org.maxdnn.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.maxdnn.Assets;
import org.maxdnn.BundledModel;
import org.maxdnn.data.ImageSets;
import org.maxdnn.infer.ConvLayer;
import org.maxdnn.infer.InferencePlan;
import org.maxdnn.infer.Network;
import org.maxdnn.infer.Workspace;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.mult.MultiplierRegistry;
import org.maxdnn.mult.RoupConfig;

/**
 * The trainer's product terms (convolutions of transformed codes with the terms' weights) against
 * the golden model's table kernels, on every conv and FC layer of ResNet-8 (3×3 and 1×1, stride 1 and
 * 2 with TF's uneven padding) under a kernel-level mix of exact, roup and roupc configurations: the
 * error they add to the exact accumulators must be the same integers.
 */
class ApproximateProductsTest {
    private static final MultiplierRegistry REGISTRY = new MultiplierRegistry(null);

    @Test
    void closedFormRoupEqualsTheGoldenKernelsOnEveryLayer() {
        Assets assets = Assets.fromEnvironment();
        Network net = Network.load(BundledModel.RESNET8.model(assets));
        byte[] image = ImageSets.readFolder(assets.images(), 1).get(0).pixels();
        Map<Integer, byte[]> inputs = new HashMap<>();
        InferencePlan plan = InferencePlan.compile(net, ApproxMap.exact(), REGISTRY);
        Workspace ws = plan.newWorkspace();
        plan.run(image, ws, (layer, in, acc, out) -> inputs.put(layer.input(), in.clone()));
        List<MultiplierConfig> choices = List.of(MultiplierConfig.EXACT, RoupConfig.roup(1, 2), RoupConfig.roup(2, 0),
                RoupConfig.roup(0, 3), RoupConfig.roup(3, 7), RoupConfig.roupc(1, 4), RoupConfig.roupc(2, 6));
        ApproxMap map = ApproxMap.randomKernels(net.weightedLayers(), choices, 7);
        try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
            for (ConvLayer l : net.weightedLayers()) {
                Geometry g = Geometry.of(l);
                NDArray codes = m.create(chw(inputs.get(l.input()), l), new Shape(1, l.inC(), l.inH(), l.inW()));
                NDArray weights = m.create(oihw(l), new Shape(l.outC(), l.filterDepth(), l.kh(), l.kw()));
                NDArray exact = g.convolve(codes.sub(l.inZeroPoint()), weights, null);
                ApproximateProducts terms = ApproximateProducts.of(l, map, REGISTRY, g);
                assertTrue(terms instanceof TermProducts, l.name());
                NDArray closed = terms.error(codes, weights, exact);
                NDArray golden = new GoldenKernelProducts(l, map.resolve(l), REGISTRY).error(codes, weights, exact);
                float[] c = closed.toFloatArray();
                assertArrayEquals(golden.toFloatArray(), c, 0f, l.name());
                double nonZero = 0;
                for (float v : c) {
                    nonZero += v != 0 ? 1 : 0;
                }
                assertTrue(nonZero > c.length / 2.0, l.name() + ": the map should change most accumulators");
            }
        }
    }

    private static float[] chw(byte[] hwc, ConvLayer l) {
        float[] out = new float[hwc.length];
        int plane = l.inH() * l.inW();
        for (int p = 0; p < plane; p++) {
            for (int c = 0; c < l.inC(); c++) {
                out[c * plane + p] = hwc[p * l.inC() + c];
            }
        }
        return out;
    }

    private static float[] oihw(ConvLayer l) {
        float[] out = new float[l.weights().length];
        for (int oc = 0; oc < l.outC(); oc++) {
            for (int j = 0; j < l.filterDepth(); j++) {
                for (int ky = 0; ky < l.kh(); ky++) {
                    for (int kx = 0; kx < l.kw(); kx++) {
                        out[WeightLayout.oihw(l, oc, j, ky, kx)] = l.weight(oc, ky, kx, j);
                    }
                }
            }
        }
        return out;
    }
}
