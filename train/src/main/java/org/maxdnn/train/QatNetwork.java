package org.maxdnn.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.maxdnn.MaxdnnException;
import org.maxdnn.infer.ConvLayer;
import org.maxdnn.infer.Layer;
import org.maxdnn.infer.Network;
import org.maxdnn.infer.Window;
import org.maxdnn.infer.ops.Add;
import org.maxdnn.infer.ops.Pool2D;
import org.maxdnn.infer.ops.Reshape;
import org.maxdnn.infer.ops.Softmax;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.model.OpType;
import org.maxdnn.model.Operator;
import org.maxdnn.model.Quantization;
import org.maxdnn.mult.MultiplierRegistry;

/**
 * The int8 graph of a {@link Network} as a trainable float graph (NCHW), every tensor fake-quantised
 * with the scale and zero point the model gives it: conv, depthwise and FC layers as
 * {@link WeightedLayer}s, ADD, average and max pooling and RESHAPE as they are; the SOFTMAX at the end
 * is left out, its input being the logits the loss reads.
 */
final class QatNetwork {
    private final Network net;
    private final List<Object> steps = new ArrayList<>();
    private final List<WeightedLayer> weighted = new ArrayList<>();

    QatNetwork(Network net, ApproxMap map, MultiplierRegistry registry, NDManager params) {
        this.net = net;
        List<Operator> weightedOps = net.model().operators().stream().filter(o -> o.type() == OpType.CONV_2D
                || o.type() == OpType.DEPTHWISE_CONV_2D || o.type() == OpType.FULLY_CONNECTED).toList();
        int w = 0;
        for (Layer l : net.layers()) {
            if (l instanceof ConvLayer c) {
                ApproximateProducts approx = ApproximateProducts.of(c, map, registry, Geometry.of(c));
                WeightedLayer layer = new WeightedLayer(c, weightedOps.get(w++), net.model(), approx, params);
                weighted.add(layer);
                steps.add(layer);
            } else if (l instanceof Add || l instanceof Reshape || l instanceof Softmax
                    || l instanceof Pool2D p && tiles(p)) {
                steps.add(l);
            } else {
                throw MaxdnnException.badInput("model " + net.model().file() + ": fine-tuning does not take " + l.op()
                        + " (" + l.name() + "); it takes CONV_2D, DEPTHWISE_CONV_2D, FULLY_CONNECTED, ADD, RESHAPE,"
                        + " SOFTMAX and pools that tile their input without padding");
            }
        }
    }

    List<WeightedLayer> weighted() {
        return weighted;
    }

    /** Every trainable array: each layer's weight then bias. */
    List<NDArray> parameters() {
        List<NDArray> out = new ArrayList<>();
        for (WeightedLayer l : weighted) {
            out.add(l.weight);
            out.add(l.bias);
        }
        return out;
    }

    /** The input's real values [N, C, H, W] from HWC bytes in the model's unsigned input form. */
    float inputValue(int unsignedByte) {
        Quantization q = net.model().tensor(net.inputTensor()).quant();
        return q.scale() * (unsignedByte - 128 - q.zeroPoint());
    }

    /** The logits [N, classes] of a batch of real inputs [N, C, H, W]. */
    NDArray logits(NDArray input) {
        Map<Integer, NDArray> tensors = new HashMap<>();
        tensors.put(net.inputTensor(), input);
        for (Object s : steps) {
            if (s instanceof WeightedLayer w) {
                NDArray x = tensors.get(w.golden.input());
                if (w.golden.op() == OpType.FULLY_CONNECTED) {
                    x = x.reshape(x.getShape().get(0), -1, 1, 1);
                }
                tensors.put(w.golden.output(), w.forward(x));
            } else if (s instanceof Add a) {
                NDArray sum = tensors.get(a.input1()).add(tensors.get(a.input2()));
                tensors.put(a.output(), activation(sum, a.output(), a.actMin(), a.actMax()));
            } else if (s instanceof Pool2D p) {
                NDArray x = tensors.get(p.input());
                Shape window = new Shape(p.window().kh(), p.window().kw());
                Shape stride = new Shape(p.window().strideH(), p.window().strideW());
                NDArray y = p.op() == OpType.AVERAGE_POOL_2D
                        ? Pool.avgPool2d(x, window, stride, new Shape(0, 0), false, true)
                        : Pool.maxPool2d(x, window, stride, new Shape(0, 0), false);
                tensors.put(p.output(), activation(y, p.output(), p.actMin(), p.actMax()));
            } else if (s instanceof Reshape r) {
                // TFLite flattens NHWC: channels last
                NDArray x = tensors.get(r.input());
                tensors.put(r.output(), x.transpose(0, 2, 3, 1).reshape(x.getShape().get(0), -1, 1, 1));
            }
        }
        NDArray logits = tensors.get(net.logitsTensor());
        return logits.reshape(logits.getShape().get(0), -1);
    }

    /** A pool whose windows tile its input exactly, without padding (ResNet-8's global average pool). */
    private static boolean tiles(Pool2D p) {
        Window w = p.window();
        return w.padTop() == 0 && w.padLeft() == 0 && (p.out().h() - 1) * w.strideH() + w.kh() == p.in().h()
                && (p.out().w() - 1) * w.strideW() + w.kw() == p.in().w();
    }

    private NDArray activation(NDArray x, int tensor, int qmin, int qmax) {
        Quantization q = net.model().tensor(tensor).quant();
        return FakeQuant.activation(x, q.scale(), q.zeroPoint(), qmin, qmax);
    }
}
