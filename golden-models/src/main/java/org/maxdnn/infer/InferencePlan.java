package org.maxdnn.infer;

import java.util.ArrayList;
import java.util.List;
import org.maxdnn.map.ApproxMap;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.mult.MultiplierRegistry;

/**
 * A {@link Network} compiled for one {@link ApproxMap}: every conv/FC layer has its kernel with
 * the map's multipliers resolved, and a compensated map's biases ({@link ApproxMap#compensate}):
 * {@link #network()} is the network as the map runs it. Immutable and shared between threads; each
 * thread brings its own {@link Workspace}.
 */
public final class InferencePlan {
    private final Network net;
    private final ApproxMap map;
    private final ConvKernel[] kernels;
    private final int firstApproximate;

    private InferencePlan(Network net, ApproxMap map, ConvKernel[] kernels, int firstApproximate) {
        this.net = net;
        this.map = map;
        this.kernels = kernels;
        this.firstApproximate = firstApproximate;
    }

    public static InferencePlan compile(Network net, ApproxMap map, MultiplierRegistry registry) {
        return compile(net, map, registry, ConvKernel.Path.AUTO);
    }

    /** With every conv/FC layer on one {@link ConvKernel.Path} (to test the paths against each other). */
    public static InferencePlan compile(Network net, ApproxMap map, MultiplierRegistry registry, ConvKernel.Path path) {
        map.validate(net, "(in memory)");
        net = map.compensate(net);
        List<Layer> layers = net.layers();
        ConvKernel[] kernels = new ConvKernel[layers.size()];
        int first = layers.size();
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i) instanceof ConvLayer c) {
                MultiplierConfig[][] configs = map.resolve(c);
                kernels[i] = ConvKernel.compile(c, configs, registry, path);
                int[] correction = map.compensation(c);
                boolean exact = ApproxMap.allExact(configs)
                        && (correction == null || java.util.Arrays.stream(correction).allMatch(v -> v == 0));
                first = exact || first < i ? first : i;
            }
        }
        return new InferencePlan(net, map, kernels, first);
    }

    public Network network() {
        return net;
    }

    public ApproxMap map() {
        return map;
    }

    /**
     * Index of the first layer whose multipliers are not all exact (the layer count when none):
     * every tensor before it equals the exact network's, so evaluations may start there from a
     * snapshot of an exact run (see {@link #runFrom}).
     */
    public int firstApproximateLayer() {
        return firstApproximate;
    }

    public Workspace newWorkspace() {
        return new Workspace(net);
    }

    /**
     * The int8 logits ({@link Network#logitsTensor()}) of one input given in unsigned form (see
     * {@link #run}).
     */
    public int[] logits(byte[] pixels, Workspace ws) {
        run(pixels, ws, null);
        return logits(ws);
    }

    /** The int8 logits left in {@code ws} by the last run. */
    public int[] logits(Workspace ws) {
        byte[] t = ws.tensor(net.logitsTensor());
        int[] out = new int[net.classes()];
        for (int i = 0; i < out.length; i++) {
            out[i] = t[i];
        }
        return out;
    }

    /**
     * Runs every layer on one input in unsigned form, the input tensor's int8 codes + 128 (an HWC
     * image's pixel bytes: SPEC §12); {@code tap} (may be null) sees each conv, depthwise and FC layer.
     */
    public void run(byte[] pixels, Workspace ws, LayerTap tap) {
        setInput(pixels, ws);
        runFrom(0, ws, tap);
    }

    /**
     * One sample's inputs into the model's input tensors in {@code ws}: every input tensor's
     * little-endian bytes in input order, one-byte tensors (int8, uint8) in unsigned form (the code
     * with its sign bit flipped: an int8 code + 128, an image's pixel byte), so a one-input int8
     * network takes its int8 codes + 128 and a float32 input its float32 values.
     */
    public void setInput(byte[] pixels, Workspace ws) {
        int[] ins = net.inputTensors();
        if (pixels.length != net.inputBytes()) {
            throw new IllegalArgumentException("the input has " + pixels.length + " bytes, the model takes "
                    + net.inputBytes());
        }
        int at = 0;
        for (int t : ins) {
            org.maxdnn.model.TensorInfo info = net.model().tensor(t);
            int bytes = info.elements() * info.type().width();
            if (info.type().width() == 1) {
                byte[] input = ws.tensor(t);
                for (int i = 0; i < bytes; i++) {
                    input[i] = (byte) (pixels[at + i] ^ 0x80);
                }
            } else {
                ws.write(t, java.util.Arrays.copyOfRange(pixels, at, at + bytes));
            }
            at += bytes;
        }
    }

    /**
     * Runs a batch of images (one workspace each) with {@code engine} computing the conv layers'
     * accumulators (FC and the other layers stay in Java), layer by layer across the batch; returns
     * the int8 logits of each image.
     */
    public int[][] logitsWith(List<byte[]> pixels, List<Workspace> ws, ConvEngine engine) {
        int n = pixels.size();
        if (ws.size() < n) {
            throw new IllegalArgumentException(n + " images need as many workspaces, got " + ws.size());
        }
        for (int k = 0; k < n; k++) {
            setInput(pixels.get(k), ws.get(k));
        }
        List<Layer> layers = net.layers();
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            int[][] acc = null;
            if (layer instanceof ConvLayer c) {
                List<byte[]> inputs = new ArrayList<>(n);
                for (int k = 0; k < n; k++) {
                    inputs.add(ws.get(k).tensor(c.input()));
                }
                acc = engine.accumulators(c, inputs);
            }
            for (int k = 0; k < n; k++) {
                if (acc != null) {
                    ((ConvLayer) layer).requantize(acc[k], ws.get(k).tensor(layer.output()));
                } else {
                    run(i, i + 1, ws.get(k), null);
                }
            }
        }
        int[][] logits = new int[n][];
        for (int k = 0; k < n; k++) {
            logits[k] = logits(ws.get(k));
        }
        return logits;
    }

    /** Runs layers {@code first}… on the tensors already in {@code ws}, e.g. restored from a snapshot. */
    public void runFrom(int first, Workspace ws, LayerTap tap) {
        run(first, net.layers().size(), ws, tap);
    }

    /** Runs layer {@code index} alone on the tensors in {@code ws} (a host running the layers an accelerator leaves). */
    public void runLayer(int index, Workspace ws) {
        run(index, index + 1, ws, null);
    }

    /** Runs layers {@code first} to {@code end} − 1 on the tensors in {@code ws}. */
    public void run(int first, int end, Workspace ws, LayerTap tap) {
        List<Layer> layers = net.layers();
        for (int i = first; i < end; i++) {
            Layer layer = layers.get(i);
            if (kernels[i] == null) {
                ((FixedLayer) layer).run(ws);
                continue;
            }
            ConvLayer c = (ConvLayer) layer;
            byte[] out = ws.tensor(c.output());
            int[] acc = tap != null ? ws.accumulators(c.output()) : null;
            kernels[i].run(ws.tensor(c.input()), out, ws.scratch(), acc);
            if (tap != null) {
                tap.conv(c, ws.tensor(c.input()), acc, out);
            }
        }
    }

    /** Argmax, the first index on ties (SPEC §4). */
    public static int argmax(int[] logits) {
        int best = 0;
        for (int i = 1; i < logits.length; i++) {
            if (logits[i] > logits[best]) {
                best = i;
            }
        }
        return best;
    }
}
