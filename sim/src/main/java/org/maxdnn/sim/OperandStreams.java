package org.maxdnn.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.maxdnn.MaxdnnException;
import org.maxdnn.array.GemmView;
import org.maxdnn.array.GemmViews;
import org.maxdnn.data.LabeledImage;
import org.maxdnn.infer.ConvLayer;
import org.maxdnn.infer.InferencePlan;

/**
 * Operand streams for the energy flow: uniform random pairs, and the real pairs of each conv/FC
 * layer captured from the golden model.
 *
 * <p>A captured stream is what one processing element of a weight-stationary array multiplies: its
 * weight w = W[oc, ky, kx, ic] stays while the activations of the layer's output pixels stream past
 * in raster order, a = X[oy·s − padTop + ky, ox·s − padLeft + kx, ic], the input zero point at
 * padded taps (the raw int8 codes are the multiplier's operands, SPEC §4). One PE's stream covers
 * all output pixels of every captured image in turn (an FC layer has one pixel per image, so its
 * stream runs over the images); then the next PE, drawn at random (seeded) from the layer's
 * kernels, until the requested number of pairs.
 */
public final class OperandStreams {
    private OperandStreams() {
    }

    /** {@code n} independent uniform pairs in [-128, 127]². */
    public static OperandStream uniform(int n, long seed) {
        Random r = new Random(seed);
        int[] a = new int[n];
        int[] b = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextInt(256) - 128;
            b[i] = r.nextInt(256) - 128;
        }
        return new OperandStream("uniform", a, b);
    }

    /** All 65,536 pairs, the weight in the inner loop. */
    public static OperandStream exhaustive() {
        int[] a = new int[65536];
        int[] b = new int[65536];
        int k = 0;
        for (int x = -128; x < 128; x++) {
            for (int y = -128; y < 128; y++) {
                a[k] = x;
                b[k] = y;
                k++;
            }
        }
        return new OperandStream("exhaustive", a, b);
    }

    /**
     * Runs {@code images} through {@code plan} and returns, per conv/FC layer in execution order,
     * {@code pairsPerLayer} pairs as a weight-stationary PE sees them (PEs drawn with {@code seed}).
     */
    public static Map<String, OperandStream> capture(InferencePlan plan, List<LabeledImage> images, int pairsPerLayer,
                                                     long seed) {
        if (images.isEmpty()) {
            throw MaxdnnException.badInput("no images to capture operand streams from");
        }
        if (pairsPerLayer <= 0) {
            throw MaxdnnException.badInput("pairs per layer must be positive");
        }
        Map<String, ConvLayer> layers = new LinkedHashMap<>();
        Map<String, List<byte[]>> inputs = new LinkedHashMap<>();
        var ws = plan.newWorkspace();
        for (LabeledImage img : images) {
            plan.run(img.pixels(), ws, (layer, input, acc, output) -> {
                layers.putIfAbsent(layer.name(), layer);
                inputs.computeIfAbsent(layer.name(), k -> new ArrayList<>()).add(input.clone());
            });
        }
        Map<String, OperandStream> out = new LinkedHashMap<>();
        int index = 0;
        for (Map.Entry<String, ConvLayer> e : layers.entrySet()) {
            out.put(e.getKey(), weightStationary(e.getValue(), inputs.get(e.getKey()), pairsPerLayer,
                    seed * 1_000_003L + index++));
        }
        return out;
    }

    /**
     * The stream of one layer from its captured input tensors (HWC int8, one per image), as
     * described in the class comment: the PE of reduction index k and output n of the layer's
     * {@link GemmView} streams patch element {@code patchIndex(k)} of the output pixels in the order
     * the array streams them.
     */
    public static OperandStream weightStationary(ConvLayer layer, List<byte[]> inputs, int pairs, long seed) {
        GemmView view = GemmViews.of(layer);
        Random r = new Random(seed);
        int[] a = new int[pairs];
        int[] b = new int[pairs];
        int[] patch = new int[view.patchSize()];
        int k = 0;
        while (k < pairs) {
            // a kernel element drawn as output channel, tap row, tap column, position in the filter
            // depth (the order the characterised streams were drawn in): the PE of (reduction index, output)
            int oc = r.nextInt(layer.outC());
            int depth = layer.filterDepth();
            int reduction = (r.nextInt(layer.kh()) * layer.kw() + r.nextInt(layer.kw())) * depth + r.nextInt(depth);
            int g = oc / view.n();
            int w = view.weight(g, reduction, oc % view.n());
            int tap = view.patchIndex(g, reduction);
            for (byte[] in : inputs) {
                for (int m = 0; m < view.m() && k < pairs; m++) {
                    view.patch(in, m, patch);
                    a[k] = patch[tap];
                    b[k] = w;
                    k++;
                }
                if (k >= pairs) {
                    break;
                }
            }
        }
        return new OperandStream(layer.name(), a, b);
    }
}
