package org.maxdnn.infer.ops;

import org.maxdnn.infer.FixedLayer;
import org.maxdnn.infer.Workspace;
import org.maxdnn.model.OpType;

/**
 * What the data-movement operators (PAD, TRANSPOSE, SLICE, STRIDED_SLICE, SPLIT, CONCATENATION,
 * RESIZE_NEAREST_NEIGHBOR, SQUEEZE, EXPAND_DIMS) compute once prepared: each output element is an
 * element of one input, or a fill value. The map is computed once at prepare; the values are moved
 * as stored, whatever their type, as TFLite's kernels move them (no requantization).
 *
 * @param sources per output, per element: input number · 2^24 + element index, or −1 for {@code fill}
 * @param fill    the value of elements no input provides (PAD's zero point or constant)
 */
public record Rearrangement(String name, OpType op, int[] inputs, int[] outputs, int[][] sources, double fill)
        implements FixedLayer {
    static final int INPUT_SHIFT = 24;

    static int source(int input, int index) {
        return input << INPUT_SHIFT | index;
    }

    @Override
    public void run(Workspace ws) {
        Object[] in = new Object[inputs.length];
        for (int k = 0; k < inputs.length; k++) {
            in[k] = ws.data(inputs[k]);
        }
        for (int o = 0; o < outputs.length; o++) {
            Object out = ws.data(outputs[o]);
            int[] map = sources[o];
            int mask = (1 << INPUT_SHIFT) - 1;
            if (out instanceof byte[] v) {
                for (int i = 0; i < map.length; i++) {
                    int s = map[i];
                    v[i] = s < 0 ? (byte) fill : ((byte[]) in[s >>> INPUT_SHIFT])[s & mask];
                }
            } else if (out instanceof short[] v) {
                for (int i = 0; i < map.length; i++) {
                    int s = map[i];
                    v[i] = s < 0 ? (short) fill : ((short[]) in[s >>> INPUT_SHIFT])[s & mask];
                }
            } else if (out instanceof int[] v) {
                for (int i = 0; i < map.length; i++) {
                    int s = map[i];
                    v[i] = s < 0 ? (int) fill : ((int[]) in[s >>> INPUT_SHIFT])[s & mask];
                }
            } else if (out instanceof long[] v) {
                for (int i = 0; i < map.length; i++) {
                    int s = map[i];
                    v[i] = s < 0 ? (long) fill : ((long[]) in[s >>> INPUT_SHIFT])[s & mask];
                }
            } else {
                float[] v = (float[]) out;
                for (int i = 0; i < map.length; i++) {
                    int s = map[i];
                    v[i] = s < 0 ? (float) fill : ((float[]) in[s >>> INPUT_SHIFT])[s & mask];
                }
            }
        }
    }
}
