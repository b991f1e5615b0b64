package org.maxdnn.array;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import org.maxdnn.MaxdnnException;
import org.maxdnn.infer.ConvLayer;
import org.maxdnn.model.OpType;

/** The GEMM view of each layer kind the array runs: a new kind is one adapter and one line here. */
public final class GemmViews {
    private static final Map<OpType, Function<ConvLayer, GemmView>> ADAPTERS = new EnumMap<>(Map.of(
            OpType.CONV_2D, ConvGemm::new,
            // a 1x1 convolution over a 1x1 input
            OpType.FULLY_CONNECTED, ConvGemm::new,
            // a group per input channel
            OpType.DEPTHWISE_CONV_2D, ConvGemm::new,
            // a convolution of the zero-stuffed input
            OpType.TRANSPOSE_CONV, ConvGemm::new));

    private GemmViews() {
    }

    public static GemmView of(ConvLayer layer) {
        Function<ConvLayer, GemmView> adapter = ADAPTERS.get(layer.op());
        if (adapter == null) {
            throw MaxdnnException.badInput("layer " + layer.name() + ": " + layer.op()
                    + " has no mapping onto the array (mapped: " + ADAPTERS.keySet() + ")");
        }
        return adapter.apply(layer);
    }
}
