package org.maxdnn.infer;

/** One thread's buffers for running a {@link Network}: every activation tensor and the conv scratch. */
public final class Workspace {
    private final byte[][] tensors;
    private final int[][] accumulators;
    private final ConvKernel.Scratch scratch;

    Workspace(Network net) {
        tensors = new byte[net.tensorCount()][];
        accumulators = new int[net.tensorCount()][];
        int maxK = 1;
        int maxC = 1;
        for (ConvLayer c : net.weightedLayers()) {
            maxK = Math.max(maxK, c.patchSize());
            maxC = Math.max(maxC, c.outC());
        }
        for (Layer l : net.layers()) {
            tensors[l.output()] = new byte[net.tensorElements(l.output())];
            for (int in : l.inputs()) {
                if (tensors[in] == null) {
                    tensors[in] = new byte[net.tensorElements(in)];
                }
            }
        }
        scratch = new ConvKernel.Scratch(maxK, maxC);
    }

    /** The int8 content of a tensor after the last run. */
    public byte[] tensor(int index) {
        return tensors[index];
    }

    /** A copy of every tensor, to {@link #restore} later. */
    public byte[][] snapshot() {
        byte[][] copy = new byte[tensors.length][];
        for (int i = 0; i < tensors.length; i++) {
            copy[i] = tensors[i] == null ? null : tensors[i].clone();
        }
        return copy;
    }

    public void restore(byte[][] snapshot) {
        for (int i = 0; i < tensors.length; i++) {
            if (tensors[i] != null) {
                System.arraycopy(snapshot[i], 0, tensors[i], 0, tensors[i].length);
            }
        }
    }

    int[] accumulators(int tensor) {
        if (accumulators[tensor] == null) {
            accumulators[tensor] = new int[tensors[tensor].length];
        }
        return accumulators[tensor];
    }

    ConvKernel.Scratch scratch() {
        return scratch;
    }
}
