package org.maxdnn.infer.ops;

import org.maxdnn.model.OpType;
import org.maxdnn.model.TensorInfo;

/** SLICE: begin and size per dimension (constant tensors; size −1 runs to the end); values move as stored. */
public final class Slice {
    private Slice() {
    }

    public static Rearrangement prepare(OperatorContext c) {
        TensorInfo in = c.input(0);
        int[] is = in.shape();
        int[] begin = Shapes.constantInts(c, c.input(1), "begin");
        int[] size = Shapes.constantInts(c, c.input(2), "size");
        if (begin.length != is.length || size.length != is.length) {
            throw c.error("begin and size do not fit input " + in.shapeText());
        }
        int[] start = new int[is.length];
        int[] stride = new int[is.length];
        int[] count = new int[is.length];
        for (int d = 0; d < is.length; d++) {
            int n = size[d] == -1 ? is[d] - begin[d] : size[d];
            if (begin[d] < 0 || n < 0 || begin[d] + n > is[d]) {
                throw c.error("slice begin " + begin[d] + " size " + size[d] + " of dimension " + d + " is outside "
                        + in.shapeText());
            }
            start[d] = begin[d];
            stride[d] = 1;
            count[d] = n;
        }
        return StridedSlice.gather(c, OpType.SLICE, start, stride, count);
    }
}
