package org.maxdnn.infer.ops;

import org.maxdnn.infer.Layer;

/**
 * What the registry holds per builtin, as TFLite's TfLiteRegistration: prepare one operator of a
 * model — parse its options, check its tensors' shapes and types, compute its quantisation
 * parameters once — into a layer that runs it.
 */
@FunctionalInterface
public interface OperatorKernel {
    Layer prepare(OperatorContext op);
}
