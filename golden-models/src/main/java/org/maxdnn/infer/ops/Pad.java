package org.maxdnn.infer.ops;

import org.maxdnn.model.ElementType;
import org.maxdnn.model.OpType;
import org.maxdnn.model.TensorInfo;

/**
 * PAD (and PADV2, {@link PadV2}) as TFLite's pad.cc: paddings [rank, 2] (before, after per
 * dimension, a constant tensor); PAD fills with the output's zero point (0 for float), PADV2 with its
 * constant value. Values move as stored.
 */
public final class Pad {
    private Pad() {
    }

    public static Rearrangement prepare(OperatorContext c) {
        TensorInfo out = c.output(0);
        double fill = out.quant() != null && out.type() != ElementType.FLOAT32 ? out.quant().zeroPoint() : 0;
        return prepare(c, OpType.PAD, fill);
    }

    static Rearrangement prepare(OperatorContext c, OpType op, double fill) {
        TensorInfo in = c.input(0);
        TensorInfo out = c.output(0);
        int[] is = in.shape();
        int[] pads = Shapes.constantInts(c, c.input(1), "paddings");
        if (pads.length != 2 * is.length) {
            throw c.error("paddings " + c.input(1).shapeText() + " do not fit input " + in.shapeText());
        }
        int[] os = out.shape();
        for (int d = 0; d < is.length; d++) {
            if (pads[2 * d] < 0 || pads[2 * d + 1] < 0 || os.length != is.length
                    || os[d] != is[d] + pads[2 * d] + pads[2 * d + 1]) {
                throw c.error("output " + out.shapeText() + " does not match input " + in.shapeText()
                        + " padded by " + java.util.Arrays.toString(pads));
            }
        }
        if (in.type() != out.type()) {
            throw c.error("input " + in.type() + " and output " + out.type() + " differ");
        }
        int[] strides = Shapes.strides(is);
        int[] map = new int[out.elements()];
        int[] coords = new int[os.length];
        for (int i = 0; i < map.length; i++) {
            Shapes.coordinates(i, os, coords);
            int k = 0;
            for (int d = 0; d < os.length && k >= 0; d++) {
                int x = coords[d] - pads[2 * d];
                k = x < 0 || x >= is[d] ? -1 : k + x * strides[d];
            }
            map[i] = k;
        }
        return new Rearrangement(c.name(), op, new int[] {in.index()}, new int[] {out.index()}, new int[][] {map}, fill);
    }
}
