package org.maxdnn.infer.ops;

import org.maxdnn.model.Activation;
import org.maxdnn.model.OpType;
import org.maxdnn.model.TensorInfo;

/**
 * CONCATENATION along an axis (ConcatenationOptions: axis, fused activation). As TFLite's int8
 * kernel, every quantized input must have the output's scale and zero point (TFLite refuses a
 * rescaling int8 concatenation too), so values move as stored.
 */
public final class Concatenation {
    private Concatenation() {
    }

    public static Rearrangement prepare(OperatorContext c) {
        Activation act = c.activation(c.op().options().int8At(1, 0));
        if (act != Activation.NONE) {
            throw c.error("a fused " + act + " on a concatenation is not supported");
        }
        TensorInfo out = c.output(0);
        int[] os = out.shape();
        int axis = Shapes.axis(c, c.op().options().int32At(0, 0), os.length);
        int n = c.op().inputs().length;
        int inner = Shapes.strides(os)[axis];
        int outer = out.elements() / (os[axis] * inner);
        int[] inputs = new int[n];
        int[] offsets = new int[n + 1];
        for (int k = 0; k < n; k++) {
            TensorInfo in = c.input(k);
            int[] is = in.shape();
            if (is.length != os.length || in.type() != out.type()) {
                throw c.error("input " + k + " " + in.shapeText() + " " + in.type() + " does not fit output "
                        + out.shapeText() + " " + out.type());
            }
            for (int d = 0; d < os.length; d++) {
                if (d != axis && is[d] != os[d]) {
                    throw c.error("input " + k + " " + in.shapeText() + " differs from output " + out.shapeText()
                            + " outside axis " + axis);
                }
            }
            if (in.quant() != null && out.quant() != null && (in.quant().scale(0) != out.quant().scale(0)
                    || in.quant().zeroPoint() != out.quant().zeroPoint())) {
                throw c.error("input " + k + " is quantized unlike the output (scale " + in.quant().scale(0) + ", zero point "
                        + in.quant().zeroPoint() + "); TFLite's int8 concatenation does not rescale either");
            }
            inputs[k] = in.index();
            offsets[k + 1] = offsets[k] + is[axis];
        }
        if (offsets[n] != os[axis]) {
            throw c.error("inputs add up to " + offsets[n] + " along axis " + axis + ", the output has " + os[axis]);
        }
        int[] map = new int[out.elements()];
        int i = 0;
        for (int o = 0; o < outer; o++) {
            for (int k = 0; k < n; k++) {
                int width = offsets[k + 1] - offsets[k];
                for (int j = 0; j < width * inner; j++) {
                    map[i++] = Rearrangement.source(k, o * width * inner + j);
                }
            }
        }
        return new Rearrangement(c.name(), OpType.CONCATENATION, inputs, new int[] {out.index()}, new int[][] {map}, 0);
    }
}
