package org.maxdnn.infer.ops;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.maxdnn.model.OpType;

/**
 * The operator registry, as TFLite's register.cc: every builtin the golden model runs is one line
 * here naming the class that prepares it; {@link OperatorPlugin}s on the class path add to them.
 */
public final class Operators {
    private static final Map<OpType, OperatorKernel> KERNELS = register();

    private Operators() {
    }

    private static Map<OpType, OperatorKernel> register() {
        Map<OpType, OperatorKernel> r = new EnumMap<>(OpType.class);
        r.put(OpType.ADD, Add::prepare);
        r.put(OpType.AVERAGE_POOL_2D, AveragePool2D::prepare);
        r.put(OpType.CONCATENATION, Concatenation::prepare);
        r.put(OpType.CONV_2D, Conv2D::prepare);
        r.put(OpType.DEPTHWISE_CONV_2D, DepthwiseConv2D::prepare);
        r.put(OpType.DEQUANTIZE, Dequantize::prepare);
        r.put(OpType.EXPAND_DIMS, ExpandDims::prepare);
        r.put(OpType.FULLY_CONNECTED, FullyConnected::prepare);
        r.put(OpType.HARD_SWISH, HardSwish::prepare);
        r.put(OpType.LEAKY_RELU, LeakyRelu::prepare);
        r.put(OpType.LOGISTIC, Logistic::prepare);
        r.put(OpType.MAX_POOL_2D, MaxPool2D::prepare);
        r.put(OpType.MEAN, Mean::prepare);
        r.put(OpType.MUL, Mul::prepare);
        r.put(OpType.PAD, Pad::prepare);
        r.put(OpType.PADV2, PadV2::prepare);
        r.put(OpType.PRELU, Prelu::prepare);
        r.put(OpType.QUANTIZE, Quantize::prepare);
        r.put(OpType.RELU, Relu::prepare);
        r.put(OpType.RELU6, Relu6::prepare);
        r.put(OpType.RELU_N1_TO_1, ReluN1To1::prepare);
        r.put(OpType.RESHAPE, Reshape::prepare);
        r.put(OpType.RESIZE_BILINEAR, ResizeBilinear::prepare);
        r.put(OpType.RESIZE_NEAREST_NEIGHBOR, ResizeNearestNeighbor::prepare);
        r.put(OpType.SLICE, Slice::prepare);
        r.put(OpType.SOFTMAX, Softmax::prepare);
        r.put(OpType.SPLIT, Split::prepare);
        r.put(OpType.SQUEEZE, Squeeze::prepare);
        r.put(OpType.STRIDED_SLICE, StridedSlice::prepare);
        r.put(OpType.SUB, Sub::prepare);
        r.put(OpType.SUM, Sum::prepare);
        r.put(OpType.TANH, Tanh::prepare);
        r.put(OpType.TRANSPOSE, Transpose::prepare);
        r.put(OpType.TRANSPOSE_CONV, TransposeConv::prepare);
        for (OperatorPlugin p : ServiceLoader.load(OperatorPlugin.class)) {
            if (r.putIfAbsent(p.type(), p) != null) {
                throw new IllegalStateException(p.getClass().getName() + " registers " + p.type()
                        + ", which the golden model already runs");
            }
        }
        return Collections.unmodifiableMap(r);
    }

    /** The kernel of a builtin, or null when the golden model does not run it. */
    public static OperatorKernel kernel(OpType type) {
        return type == null ? null : KERNELS.get(type);
    }

    /** Every builtin the golden model runs. */
    public static Set<OpType> supported() {
        return KERNELS.keySet();
    }
}
