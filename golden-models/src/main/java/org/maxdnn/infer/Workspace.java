package org.maxdnn.infer;

import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.maxdnn.model.TensorInfo;

/**
 * One thread's buffers for running a {@link Network}: every tensor its layers read or write, in its
 * own element type (int8 and uint8 as bytes, int16 as shorts, int32 as ints, int64 as longs,
 * float32 as floats), constants filled in, and the conv scratch.
 */
public final class Workspace {
    private final Object[] tensors;
    private final boolean[] constant;
    private final int[][] accumulators;
    private final ConvKernel.Scratch scratch;

    Workspace(Network net) {
        tensors = new Object[net.tensorCount()];
        constant = new boolean[net.tensorCount()];
        accumulators = new int[net.tensorCount()][];
        int maxK = 1;
        int maxC = 1;
        for (ConvLayer c : net.weightedLayers()) {
            maxK = Math.max(maxK, c.patchSize());
            maxC = Math.max(maxC, c.outC());
        }
        for (int t : net.inputTensors()) {
            allocate(net.model().tensor(t));
        }
        for (Layer l : net.layers()) {
            for (int t : l.outputs()) {
                allocate(net.model().tensor(t));
            }
            for (int t : l.inputs()) {
                if (t >= 0) {
                    allocate(net.model().tensor(t));
                }
            }
        }
        scratch = new ConvKernel.Scratch(maxK, maxC);
    }

    private void allocate(TensorInfo t) {
        if (tensors[t.index()] != null) {
            return;
        }
        int n = t.elements();
        ByteBuffer data = ByteBuffer.wrap(t.data()).order(ByteOrder.LITTLE_ENDIAN);
        boolean constant = t.isConstant();
        this.constant[t.index()] = constant;
        tensors[t.index()] = switch (t.type()) {
            case INT8, UINT8, BOOL -> constant ? t.data().clone() : new byte[n];
            case INT16 -> {
                short[] v = new short[n];
                data.asShortBuffer().get(v, 0, constant ? n : 0);
                yield v;
            }
            case INT32 -> {
                int[] v = new int[n];
                data.asIntBuffer().get(v, 0, constant ? n : 0);
                yield v;
            }
            case INT64 -> {
                long[] v = new long[n];
                data.asLongBuffer().get(v, 0, constant ? n : 0);
                yield v;
            }
            case FLOAT32 -> {
                float[] v = new float[n];
                data.asFloatBuffer().get(v, 0, constant ? n : 0);
                yield v;
            }
            default -> throw new IllegalArgumentException("tensor " + t.index() + " (" + t.name() + ") is " + t.type()
                    + ", a type no layer computes with");
        };
    }

    /** The content of an int8 (or uint8) tensor after the last run. */
    public byte[] tensor(int index) {
        return (byte[]) tensors[index];
    }

    public short[] shorts(int index) {
        return (short[]) tensors[index];
    }

    public int[] ints(int index) {
        return (int[]) tensors[index];
    }

    public long[] longs(int index) {
        return (long[]) tensors[index];
    }

    public float[] floats(int index) {
        return (float[]) tensors[index];
    }

    /** A tensor's array, whatever its element type (a byte[], short[], int[], long[] or float[]). */
    public Object data(int index) {
        return tensors[index];
    }

    /** Sets a tensor from its little-endian bytes, as a .tflite buffer or an interpreter holds them. */
    public void write(int index, byte[] littleEndian) {
        Object t = tensors[index];
        if (littleEndian.length != Array.getLength(t) * width(t)) {
            throw new IllegalArgumentException("tensor " + index + ": " + littleEndian.length + " bytes for "
                    + Array.getLength(t) + " elements of " + width(t) + " bytes");
        }
        ByteBuffer b = ByteBuffer.wrap(littleEndian).order(ByteOrder.LITTLE_ENDIAN);
        if (t instanceof byte[] v) {
            b.get(v);
        } else if (t instanceof short[] v) {
            b.asShortBuffer().get(v);
        } else if (t instanceof int[] v) {
            b.asIntBuffer().get(v);
        } else if (t instanceof long[] v) {
            b.asLongBuffer().get(v);
        } else {
            b.asFloatBuffer().get((float[]) t);
        }
    }

    /** A tensor's content as little-endian bytes (what an interpreter's output buffer holds). */
    public byte[] read(int index) {
        Object t = tensors[index];
        ByteBuffer b = ByteBuffer.allocate(Array.getLength(t) * width(t)).order(ByteOrder.LITTLE_ENDIAN);
        if (t instanceof byte[] v) {
            b.put(v);
        } else if (t instanceof short[] v) {
            b.asShortBuffer().put(v);
        } else if (t instanceof int[] v) {
            b.asIntBuffer().put(v);
        } else if (t instanceof long[] v) {
            b.asLongBuffer().put(v);
        } else {
            b.asFloatBuffer().put((float[]) t);
        }
        return b.array();
    }

    private static int width(Object array) {
        return array instanceof byte[] ? 1 : array instanceof short[] ? 2 : array instanceof long[] ? 8 : 4;
    }

    /** A copy of every tensor, to {@link #restore} later. */
    public Object[] snapshot() {
        return copy(true);
    }

    /**
     * A copy of every tensor a run writes (the constants left out: no layer writes them), to
     * {@link #restore} later: what a snapshot of an exact run's prefix needs, without a copy of the
     * weights per input.
     */
    public Object[] activations() {
        return copy(false);
    }

    private Object[] copy(boolean withConstants) {
        Object[] copy = new Object[tensors.length];
        for (int i = 0; i < tensors.length; i++) {
            if (tensors[i] != null && (withConstants || !constant[i])) {
                int n = Array.getLength(tensors[i]);
                copy[i] = Array.newInstance(tensors[i].getClass().getComponentType(), n);
                System.arraycopy(tensors[i], 0, copy[i], 0, n);
            }
        }
        return copy;
    }

    /** Restores the tensors of a {@link #snapshot} (every one) or of {@link #activations} (the constants stay). */
    public void restore(Object[] snapshot) {
        for (int i = 0; i < tensors.length; i++) {
            if (tensors[i] != null && snapshot[i] != null) {
                System.arraycopy(snapshot[i], 0, tensors[i], 0, Array.getLength(tensors[i]));
            }
        }
    }

    int[] accumulators(int tensor) {
        if (accumulators[tensor] == null) {
            accumulators[tensor] = new int[tensor(tensor).length];
        }
        return accumulators[tensor];
    }

    ConvKernel.Scratch scratch() {
        return scratch;
    }
}
