package org.maxdnn.infer.ops;

import org.maxdnn.model.TensorInfo;

/**
 * Two inputs broadcast to an output (NumPy rules, as TFLite's broadcasting kernels): for each output
 * element, the element of each input it reads; null where an input already has the output's shape.
 */
record Broadcast(int[] index1, int[] index2) {
    static Broadcast of(OperatorContext c, TensorInfo a, TensorInfo b, TensorInfo out) {
        int[] shape = Shapes.broadcast(a.shape(), b.shape());
        if (shape == null || Shapes.elements(shape) != out.elements()) {
            throw c.error("inputs " + a.shapeText() + " and " + b.shapeText() + " do not broadcast to output "
                    + out.shapeText());
        }
        return new Broadcast(index(a, shape), index(b, shape));
    }

    private static int[] index(TensorInfo t, int[] shape) {
        int[] index = Shapes.broadcastIndex(t.shape(), shape);
        return Shapes.identity(index) ? null : index;
    }
}
