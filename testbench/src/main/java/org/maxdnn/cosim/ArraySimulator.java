package org.maxdnn.cosim;

/**
 * A simulator running the configurable array's load/stream protocol (the array manifest's): tile
 * loads and activation streams are queued, their partial sums read back in order.
 */
public interface ArraySimulator extends AutoCloseable {
    /** Queues a tile load: weights[r·cols + c] and configuration codes, same layout. */
    void load(byte[] weights, byte[] codes);

    /** Queues n activation vectors (acts[i·rows + r]); read their partial sums with {@link #read}. */
    void stream(byte[] acts, int n);

    /** The partial sums of the next queued stream: n·cols int32, [i·cols + c]. */
    int[] read(int n);

    /** Finishes the simulation (the simulator writes what it writes at the end, such as toggle counts). */
    @Override
    void close();
}
