package org.maxdnn.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.stream.IntStream;
import org.maxdnn.infer.ConvKernel;
import org.maxdnn.infer.ConvLayer;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.mult.MultiplierRegistry;

/**
 * Kernels whose products are table lookups (EvoApprox and ALWANN tables, mixes with them): the golden model's own kernel computes the approximate
 * accumulators of the batch on the CPU, with the weights of this step, so the forward pass is the
 * golden model's arithmetic to the bit.
 */
final class GoldenKernelProducts implements ApproximateProducts {
    private final ConvLayer layer;
    private final MultiplierConfig[][] configs;
    private final MultiplierRegistry registry;

    GoldenKernelProducts(ConvLayer layer, MultiplierConfig[][] configs, MultiplierRegistry registry) {
        this.layer = layer;
        this.configs = configs;
        this.registry = registry;
    }

    @Override
    public NDArray error(NDArray codes, NDArray weights, NDArray exact) {
        ConvKernel kernel = ConvKernel.compile(withWeights(weights.toFloatArray()), configs, registry);
        int n = (int) codes.getShape().get(0);
        int inPlane = layer.inH() * layer.inW();
        int outPlane = layer.outH() * layer.outW();
        int inSize = inPlane * layer.inC();
        int outSize = outPlane * layer.outC();
        float[] x = codes.toFloatArray();
        float[] acc = new float[n * outSize];
        IntStream.range(0, n).parallel().forEach(i -> {
            byte[] hwc = new byte[inSize];
            for (int c = 0; c < layer.inC(); c++) {
                for (int p = 0; p < inPlane; p++) {
                    hwc[p * layer.inC() + c] = (byte) x[i * inSize + c * inPlane + p];
                }
            }
            int[] raw = new int[outSize];
            kernel.run(hwc, new byte[outSize], new ConvKernel.Scratch(layer.patchSize(), layer.outC()), raw);
            for (int c = 0; c < layer.outC(); c++) {
                for (int p = 0; p < outPlane; p++) {
                    acc[i * outSize + c * outPlane + p] = raw[p * layer.outC() + c];
                }
            }
        });
        NDArray approx = exact.getManager().create(acc, new Shape(n, layer.outC(), layer.outH(), layer.outW()));
        return approx.sub(exact);
    }

    /** The golden layer with this step's integer weights ([outC, depth, kh, kw]) and no bias. */
    private ConvLayer withWeights(float[] oihw) {
        return new ConvLayer(layer.name(), layer.op(), layer.input(), layer.output(), layer.in(), layer.out(),
                layer.window(), layer.groups(), WeightLayout.ohwiCodes(layer, oihw), new int[layer.outC()],
                layer.inZeroPoint(), layer.outputStage());
    }
}
