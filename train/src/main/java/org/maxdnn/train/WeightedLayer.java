package org.maxdnn.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.maxdnn.infer.ConvLayer;
import org.maxdnn.model.Operator;
import org.maxdnn.model.Quantization;
import org.maxdnn.model.TfliteModel;

/**
 * One conv, depthwise or FC layer in training: float weights [outC, depth, kh, kw] and bias, started
 * from the int8 model's weights dequantised, fake-quantised as the deployed model quantises them
 * (symmetric int8 per output channel, or per tensor where the model has one scale; int32 bias at
 * scale s_in·s_w), the output fake-quantised with the model's activation scale, zero point and
 * fused clamp. The map's approximate products enter through {@link ApproximateProducts}.
 */
final class WeightedLayer {
    final ConvLayer golden;
    final Operator op;
    final NDArray weight;
    final NDArray bias;
    private final boolean perChannel;
    private final float inScale;
    private final float outScale;
    private final Geometry geometry;
    private final ApproximateProducts approximate;

    /** The integer weights, their scales and the int32 bias of the current float weights. */
    record Quantised(NDArray weights, NDArray scales, NDArray bias) {
    }

    WeightedLayer(ConvLayer golden, Operator op, TfliteModel model, ApproximateProducts approximate,
                  NDManager params) {
        this.golden = golden;
        this.op = op;
        this.approximate = approximate;
        this.geometry = Geometry.of(golden);
        Quantization qw = model.tensor(op.inputs()[1]).quant();
        this.perChannel = qw.channels() > 1;
        this.inScale = model.tensor(op.inputs()[0]).quant().scale();
        this.outScale = model.tensor(op.outputs()[0]).quant().scale();
        int outC = golden.outC();
        int depth = golden.filterDepth();
        int kh = golden.kh();
        int kw = golden.kw();
        float[] w = new float[outC * depth * kh * kw];
        float[] b = new float[outC];
        for (int oc = 0; oc < outC; oc++) {
            for (int j = 0; j < depth; j++) {
                for (int ky = 0; ky < kh; ky++) {
                    for (int kx = 0; kx < kw; kx++) {
                        w[WeightLayout.oihw(golden, oc, j, ky, kx)] = golden.weight(oc, ky, kx, j) * qw.scale(oc);
                    }
                }
            }
            b[oc] = (float) ((double) golden.bias()[oc] * inScale * qw.scale(oc));
        }
        weight = params.create(w, new Shape(outC, depth, kh, kw));
        bias = params.create(b, new Shape(outC));
        weight.setRequiresGradient(true);
        bias.setRequiresGradient(true);
    }

    /** Weight codes round(w / s) in [−127, 127] with s = max|w| / 127 per channel (or per tensor), and the bias codes. */
    Quantised quantise() {
        NDArray abs = weight.stopGradient().abs();
        NDArray absMax = perChannel ? abs.reshape(golden.outC(), -1).max(new int[] {1}, true).reshape(-1, 1, 1, 1)
                : abs.max().reshape(1, 1, 1, 1);
        NDArray scales = absMax.maximum(1e-12f).div(127f);
        NDArray codes = weight.stopGradient().div(scales).round().clip(-127, 127);
        NDArray biasScales = scales.reshape(-1).mul(inScale);
        NDArray biasCodes = bias.stopGradient().div(biasScales).round().clip(Integer.MIN_VALUE, Integer.MAX_VALUE);
        return new Quantised(codes, scales, biasCodes);
    }

    float inScale() {
        return inScale;
    }

    /** The layer on a fake-quantised input x [N, C, H, W]. */
    NDArray forward(NDArray x) {
        Quantised q = quantise();
        NDArray w = FakeQuant.straightThrough(weight, q.weights().mul(q.scales()));
        NDArray biasScales = q.scales().reshape(-1).mul(inScale);
        NDArray b = FakeQuant.straightThrough(bias, q.bias().mul(biasScales));
        NDArray y = geometry.convolve(x, w, b);
        if (approximate != null) {
            NDArray codes = FakeQuant.codes(x, inScale, golden.inZeroPoint());
            NDArray exact = geometry.convolve(codes.sub(golden.inZeroPoint()), q.weights(), null);
            NDArray error = approximate.error(codes, q.weights(), exact);
            NDArray channelScale = q.scales().reshape(1, -1, 1, 1).mul(inScale);
            y = y.add(error.mul(channelScale).stopGradient());
        }
        return FakeQuant.activation(y, outScale, golden.outZeroPoint(), golden.actMin(), golden.actMax());
    }
}
