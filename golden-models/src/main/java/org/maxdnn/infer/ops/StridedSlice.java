package org.maxdnn.infer.ops;

import java.util.Arrays;
import org.maxdnn.model.BuiltinOptions;
import org.maxdnn.model.OpType;
import org.maxdnn.model.TensorInfo;

/**
 * STRIDED_SLICE as TFLite's strided_slice.cc: begin, end and strides (constant tensors), with the
 * begin, end and shrink-axis masks; values move as stored. Ellipsis and new-axis masks are refused.
 */
public final class StridedSlice {
    private StridedSlice() {
    }

    /** StridedSliceOptions: begin_mask, end_mask, ellipsis_mask, new_axis_mask, shrink_axis_mask. */
    public record Options(int beginMask, int endMask, int ellipsisMask, int newAxisMask, int shrinkAxisMask) {
        public static Options parse(OperatorContext c) {
            BuiltinOptions o = c.op().options();
            return new Options(o.int32At(0, 0), o.int32At(1, 0), o.int32At(2, 0), o.int32At(3, 0), o.int32At(4, 0));
        }
    }

    public static Rearrangement prepare(OperatorContext c) {
        Options opt = Options.parse(c);
        if (opt.ellipsisMask != 0 || opt.newAxisMask != 0) {
            throw c.error("ellipsis and new-axis masks are not supported");
        }
        TensorInfo in = c.input(0);
        int[] is = in.shape();
        int[] begin = Shapes.constantInts(c, c.input(1), "begin");
        int[] end = Shapes.constantInts(c, c.input(2), "end");
        int[] strides = Shapes.constantInts(c, c.input(3), "strides");
        if (begin.length != end.length || end.length != strides.length || begin.length > is.length) {
            throw c.error("begin, end and strides do not fit input " + in.shapeText());
        }
        int rank = is.length;
        int[] start = new int[rank];
        int[] step = new int[rank];
        int[] count = new int[rank];
        for (int d = 0; d < rank; d++) {
            int dim = is[d];
            int s = d < strides.length ? strides[d] : 1;
            if (s == 0) {
                throw c.error("stride 0 in dimension " + d);
            }
            boolean shrink = d < begin.length && (opt.shrinkAxisMask >> d & 1) != 0;
            int first = d >= begin.length || (opt.beginMask >> d & 1) != 0 ? (s > 0 ? 0 : dim - 1)
                    : clamp(begin[d] < 0 ? begin[d] + dim : begin[d], s, dim);
            int stop;
            if (shrink) {
                first = begin[d] < 0 ? begin[d] + dim : begin[d];
                stop = first + 1;
                s = 1;
            } else {
                stop = d >= end.length || (opt.endMask >> d & 1) != 0 ? (s > 0 ? dim : -1)
                        : clamp(end[d] < 0 ? end[d] + dim : end[d], s, dim);
            }
            int n = s > 0 ? Math.max(0, (stop - first + s - 1) / s) : Math.max(0, (first - stop - s - 1) / -s);
            start[d] = first;
            step[d] = s;
            count[d] = n;
        }
        return gather(c, OpType.STRIDED_SLICE, start, step, count);
    }

    /** TFLite's clamping of a begin or end index into the dimension for the stride's direction. */
    private static int clamp(int index, int stride, int dim) {
        return stride > 0 ? Math.max(0, Math.min(index, dim)) : Math.max(-1, Math.min(index, dim - 1));
    }

    /** The elements start[d] + j·step[d], j < count[d], of the input in row-major order. */
    static Rearrangement gather(OperatorContext c, OpType op, int[] start, int[] step, int[] count) {
        TensorInfo in = c.input(0);
        TensorInfo out = c.output(0);
        int n = Shapes.elements(count);
        if (out.elements() != n || in.type() != out.type()) {
            throw c.error("output " + out.shapeText() + " " + out.type() + " does not match the slice "
                    + Arrays.toString(count) + " of " + in.shapeText() + " " + in.type());
        }
        int[] strides = Shapes.strides(in.shape());
        int[] map = new int[n];
        int[] coords = new int[count.length];
        for (int i = 0; i < n; i++) {
            Shapes.coordinates(i, count, coords);
            int k = 0;
            for (int d = 0; d < count.length; d++) {
                k += (start[d] + coords[d] * step[d]) * strides[d];
            }
            map[i] = k;
        }
        return new Rearrangement(c.name(), op, new int[] {in.index()}, new int[] {out.index()}, new int[][] {map}, 0);
    }
}
