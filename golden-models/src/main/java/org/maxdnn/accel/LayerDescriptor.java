package org.maxdnn.accel;

import org.maxdnn.MaxdnnException;
import org.maxdnn.array.GemmView;
import org.maxdnn.array.GemmViews;
import org.maxdnn.array.Tiling;
import org.maxdnn.infer.ConvLayer;

/**
 * One layer as the sequencer runs it: {@link #WORDS} 32-bit words in the descriptor memory
 * (docs/design/accelerator.md has the layout). The shapes are the layer's; K, N, M, the filter depth
 * and the groups packed per fold are the layer's {@link GemmView} and {@link Tiling}, given so the
 * hardware needs no divider. Addresses: {@code input} and {@code output} index the activation memory
 * (HWC int8 tensors), {@code weights} the weight memory (the layer's folds in {@link Tiling} order,
 * {@code rows} words each), {@code parameters} the parameter memory (an entry per output channel).
 */
public record LayerDescriptor(boolean halt, boolean singleRounding, int inH, int inW, int inC, int outH, int outW,
                              int outC, int kh, int kw, int strideH, int strideW, int padTop, int padLeft,
                              int inZeroPoint, int outZeroPoint, int actMin, int actMax, int groups,
                              int groupsPerFold, int k, int n, int depth, int input, int output, int weights,
                              int parameters, int m) {
    public static final int WORDS = 16;

    /** The descriptor of {@code layer} on the array of {@code tiling}, its tensors and tables at the given addresses. */
    public static LayerDescriptor of(ConvLayer layer, Tiling tiling, boolean halt, int input, int output, int weights,
                                     int parameters) {
        GemmView view = tiling.view();
        if (view.layer() != layer) {
            throw new IllegalArgumentException("tiling of " + view.name() + " given for " + layer.name());
        }
        return new LayerDescriptor(halt, layer.outputStage().singleRounding(), layer.inH(), layer.inW(), layer.inC(), layer.outH(),
                layer.outW(), layer.outC(), layer.kh(), layer.kw(), layer.strideH(), layer.strideW(), layer.padTop(),
                layer.padLeft(), layer.inZeroPoint(), layer.outZeroPoint(), layer.actMin(), layer.actMax(),
                view.groups(), tiling.groupsPerFold(), view.k(), view.n(), layer.filterDepth(), input, output, weights,
                parameters, view.m());
    }

    public static LayerDescriptor of(ConvLayer layer, org.maxdnn.array.ArrayConfig array, boolean halt, int input,
                                     int output, int weights, int parameters) {
        return of(layer, Tiling.of(GemmViews.of(layer), array), halt, input, output, weights, parameters);
    }

    public LayerDescriptor {
        for (int v : new int[] {inH, inW, inC, outH, outW, outC, groups, groupsPerFold, k, n, depth, m}) {
            if (v < 1 || v > 0xFFFF) {
                throw MaxdnnException.badInput("descriptor field " + v + " is out of range 1..65535");
            }
        }
        for (int v : new int[] {kh, kw, strideH, strideW}) {
            if (v < 1 || v > 0xFF) {
                throw MaxdnnException.badInput("descriptor kernel or stride " + v + " is out of range 1..255");
            }
        }
        if (padTop < 0 || padTop > 0xFF || padLeft < 0 || padLeft > 0xFF) {
            throw MaxdnnException.badInput("descriptor padding " + padTop + "," + padLeft + " is out of range 0..255");
        }
    }

    /** The words as the descriptor memory holds them. */
    public int[] words() {
        return new int[] {
            (halt ? 1 : 0) | (singleRounding ? 2 : 0),
            inH | inW << 16,
            inC | outC << 16,
            outH | outW << 16,
            kh | kw << 8 | strideH << 16 | strideW << 24,
            padTop | padLeft << 8 | (inZeroPoint & 0xFF) << 16 | (outZeroPoint & 0xFF) << 24,
            (actMin & 0xFF) | (actMax & 0xFF) << 8,
            groups | groupsPerFold << 16,
            k | n << 16,
            depth,
            input,
            output,
            weights,
            parameters,
            m,
            0
        };
    }
}
