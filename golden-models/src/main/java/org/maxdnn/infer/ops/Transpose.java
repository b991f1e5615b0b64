package org.maxdnn.infer.ops;

import org.maxdnn.model.OpType;
import org.maxdnn.model.TensorInfo;

/** TRANSPOSE: output dimension d is input dimension perm[d] (perm a constant tensor); values move as stored. */
public final class Transpose {
    private Transpose() {
    }

    public static Rearrangement prepare(OperatorContext c) {
        TensorInfo in = c.input(0);
        TensorInfo out = c.output(0);
        int[] is = in.shape();
        int[] perm = Shapes.constantInts(c, c.input(1), "permutation");
        int[] os = out.shape();
        boolean[] seen = new boolean[is.length];
        if (perm.length != is.length || os.length != is.length) {
            throw c.error("permutation " + java.util.Arrays.toString(perm) + " does not fit input " + in.shapeText());
        }
        for (int d = 0; d < perm.length; d++) {
            int p = Shapes.axis(c, perm[d], is.length);
            if (seen[p] || os[d] != is[p]) {
                throw c.error("permutation " + java.util.Arrays.toString(perm) + " of " + in.shapeText()
                        + " does not give " + out.shapeText());
            }
            seen[p] = true;
            perm[d] = p;
        }
        int[] strides = Shapes.strides(is);
        int[] map = new int[out.elements()];
        int[] coords = new int[os.length];
        for (int i = 0; i < map.length; i++) {
            Shapes.coordinates(i, os, coords);
            int k = 0;
            for (int d = 0; d < os.length; d++) {
                k += coords[d] * strides[perm[d]];
            }
            map[i] = k;
        }
        return new Rearrangement(c.name(), OpType.TRANSPOSE, new int[] {in.index()}, new int[] {out.index()},
                new int[][] {map}, 0);
    }
}
