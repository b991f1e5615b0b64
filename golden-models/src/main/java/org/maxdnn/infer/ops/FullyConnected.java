package org.maxdnn.infer.ops;

import org.maxdnn.infer.FeatureMap;
import org.maxdnn.infer.Layer;
import org.maxdnn.infer.Rounding;
import org.maxdnn.infer.Window;
import org.maxdnn.model.Activation;
import org.maxdnn.model.BuiltinOptions;
import org.maxdnn.model.TensorInfo;

/**
 * FULLY_CONNECTED (batch 1) as a 1×1 convolution over a 1×1 input; the effective scale as TFLite's
 * GetQuantizedConvolutionMultipler: s_in·s_w multiplied in float, widened, divided by s_out in
 * double. The x86 runtime runs it on ruy, which rounds once.
 */
public final class FullyConnected {
    private FullyConnected() {
    }

    /** FullyConnectedOptions: fused activation, weights format (only the default is supported). */
    public record Options(Activation activation) {
        public static Options parse(OperatorContext c) {
            BuiltinOptions o = c.op().options();
            if (o.int8At(1, 0) != 0) {
                throw c.error("shuffled weights format is not supported");
            }
            return new Options(c.activation(o.int8At(0, 0)));
        }
    }

    public static Layer prepare(OperatorContext c) {
        Options opt = Options.parse(c);
        TensorInfo input = c.input(0);
        TensorInfo w = c.input(1);
        TensorInfo output = c.output(0);
        int[] ws = w.shape();
        if (ws.length != 2 || input.elements() != ws[1] || output.elements() != ws[0]) {
            throw c.error("weights " + w.shapeText() + " do not fit input " + input.shapeText()
                    + " and output " + output.shapeText() + " (batch 1 only)");
        }
        return WeightedLayers.prepare(c, input, w, output, w.data(), new FeatureMap(1, 1, ws[1]),
                new FeatureMap(1, 1, ws[0]), Window.single(), 1, opt.activation,
                (qi, qw, qo, ch) -> (double) (qi.scale() * qw.scale(ch)) / (double) qo.scale(),
                c.rounding() == Rounding.RUNTIME);
    }
}
