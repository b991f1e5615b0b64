package org.maxdnn.cosim;

/**
 * A simulator running an array's load/stream protocol (the array manifest's): tile loads and
 * activation streams are queued, their partial sums read back in order.
 */
public interface ArraySimulator extends AutoCloseable {
    /**
     * Queues a tile load: weights[r·cols + c] and configuration codes, same layout (ignored by a fixed
     * array); columns 0 … {@code columns} - 1 take part in the streams that follow (a gated array
     * clocks no other column's data registers; a plain one computes them all).
     */
    void load(byte[] weights, byte[] codes, int columns);

    /** Queues n activation vectors (acts[i·rows + r]); read their partial sums with {@link #read}. */
    void stream(byte[] acts, int n);

    /** The partial sums of the next queued stream: n·cols int32, [i·cols + c]. */
    int[] read(int n);

    /** The clock cycles the array has run since reset, once every queued stream has been read. */
    long cycles();

    /** Finishes the simulation (the simulator writes what it writes at the end, such as toggle counts). */
    @Override
    void close();
}
