package org.maxdnn.infer.ops;

import java.util.Arrays;

/** Row-major index arithmetic over tensor shapes, as TFLite's RuntimeShape and broadcasting rules. */
final class Shapes {
    private Shapes() {
    }

    static int elements(int[] shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    /** Elements between consecutive indices of each dimension. */
    static int[] strides(int[] shape) {
        int[] s = new int[shape.length];
        int n = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            s[d] = n;
            n *= shape[d];
        }
        return s;
    }

    /** {@code shape} extended on the left with ones to {@code rank} dimensions. */
    static int[] extend(int[] shape, int rank) {
        int[] out = new int[rank];
        Arrays.fill(out, 1);
        System.arraycopy(shape, 0, out, rank - shape.length, shape.length);
        return out;
    }

    /** The coordinates of flat index {@code i} in {@code shape} (into {@code coords}). */
    static void coordinates(int i, int[] shape, int[] coords) {
        for (int d = shape.length - 1; d >= 0; d--) {
            coords[d] = i % shape[d];
            i /= shape[d];
        }
    }

    /**
     * The broadcast shape of two shapes (NumPy rules, right-aligned), or null when they do not
     * broadcast.
     */
    static int[] broadcast(int[] a, int[] b) {
        int rank = Math.max(a.length, b.length);
        int[] ea = extend(a, rank);
        int[] eb = extend(b, rank);
        int[] out = new int[rank];
        for (int d = 0; d < rank; d++) {
            if (ea[d] != eb[d] && ea[d] != 1 && eb[d] != 1) {
                return null;
            }
            out[d] = Math.max(ea[d], eb[d]);
        }
        return out;
    }

    /** For each flat index of {@code out}, the flat index of {@code in} that broadcasts to it. */
    static int[] broadcastIndex(int[] in, int[] out) {
        int[] e = extend(in, out.length);
        int[] strides = strides(e);
        int[] index = new int[elements(out)];
        int[] c = new int[out.length];
        for (int i = 0; i < index.length; i++) {
            coordinates(i, out, c);
            int k = 0;
            for (int d = 0; d < out.length; d++) {
                k += (e[d] == 1 ? 0 : c[d]) * strides[d];
            }
            index[i] = k;
        }
        return index;
    }

    /** Whether {@code index} is 0, 1, 2, …: no gather needed. */
    static boolean identity(int[] index) {
        for (int i = 0; i < index.length; i++) {
            if (index[i] != i) {
                return false;
            }
        }
        return true;
    }

    /** An axis, negative counting from the end, checked against the rank. */
    static int axis(OperatorContext c, int axis, int rank) {
        int a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) {
            throw c.error("axis " + axis + " is out of range for rank " + rank);
        }
        return a;
    }

    /** The int32 (or int64) values of a constant tensor (shapes, paddings, axes, begins). */
    static int[] constantInts(OperatorContext c, org.maxdnn.model.TensorInfo t, String what) {
        if (!t.isConstant()) {
            throw c.error(what + " " + t.name() + " must be a constant tensor");
        }
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(t.data()).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int[] v = new int[t.elements()];
        for (int i = 0; i < v.length; i++) {
            v[i] = switch (t.type()) {
                case INT32 -> b.getInt();
                case INT64 -> Math.toIntExact(b.getLong());
                default -> throw c.error(what + " " + t.name() + " is " + t.type() + " (int32 or int64 expected)");
            };
        }
        return v;
    }
}
