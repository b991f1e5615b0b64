package org.maxdnn.infer.ops;

import org.maxdnn.model.OpType;
import org.maxdnn.model.TensorInfo;

/** SPLIT: input 1 cut into num_splits equal parts along the axis given by input 0 (a constant); values move as stored. */
public final class Split {
    private Split() {
    }

    public static Rearrangement prepare(OperatorContext c) {
        TensorInfo in = c.input(1);
        int[] is = in.shape();
        int[] axisValue = Shapes.constantInts(c, c.input(0), "axis");
        if (axisValue.length != 1) {
            throw c.error("axis must be one value");
        }
        int axis = Shapes.axis(c, axisValue[0], is.length);
        int parts = c.op().outputs().length;
        int splits = c.op().options().int32At(0, parts);
        if (splits != parts || parts == 0 || is[axis] % parts != 0) {
            throw c.error(parts + " outputs (num_splits " + splits + ") do not split dimension " + axis + " of "
                    + in.shapeText() + " evenly");
        }
        int size = is[axis] / parts;
        int inner = Shapes.strides(is)[axis];
        int outer = in.elements() / (is[axis] * inner);
        int[][] maps = new int[parts][];
        int[] outputs = new int[parts];
        for (int p = 0; p < parts; p++) {
            TensorInfo out = c.output(p);
            if (out.elements() != outer * size * inner || out.type() != in.type()) {
                throw c.error("output " + p + " " + out.shapeText() + " is not a " + parts + "-way split of "
                        + in.shapeText());
            }
            outputs[p] = out.index();
            int[] map = new int[out.elements()];
            int i = 0;
            for (int o = 0; o < outer; o++) {
                for (int a = 0; a < size; a++) {
                    for (int j = 0; j < inner; j++) {
                        map[i++] = (o * is[axis] + p * size + a) * inner + j;
                    }
                }
            }
            maps[p] = map;
        }
        return new Rearrangement(c.name(), OpType.SPLIT, new int[] {in.index()}, outputs, maps, 0);
    }
}
