package org.maxdnn.accel;

import java.util.List;

/**
 * The accelerator's host interface (docs/design/accelerator.md): one 32-bit port, a write or a read
 * per cycle, read data on {@code hostReadData} the cycle after {@code hostRead}. The address's top
 * four bits pick a region, the rest index it. A C driver needs only these numbers.
 */
public final class HostInterface {
    private HostInterface() {
    }

    /** Region of an address: bits 31..28. */
    public static final int REGION_SHIFT = 28;
    /** Control and status registers. */
    public static final int REGISTERS = 0x0;
    /** Activation memory, one byte per address (the low 8 bits of a write), both banks: bank = index / activationBytes. */
    public static final int ACTIVATIONS = 0x1;
    /** Weight memory, one PE entry per address: (word << colBits) | column, data = weight | code << 8. Write only. */
    public static final int WEIGHTS = 0x2;
    /** Parameter memory: (entry << 2) | field, fields {@link #BIAS}, {@link #MULTIPLIER}, {@link #SHIFT}. Write only. */
    public static final int PARAMETERS = 0x3;
    /** Descriptor memory: (descriptor << 4) | word, the words of {@link LayerDescriptor#words()}. Write only. */
    public static final int DESCRIPTORS = 0x4;
    /** Counters (read only, 32 bits unless the manifest's counterBits is fewer, wrapping), indexed as {@link #COUNTERS_NAMES}. */
    public static final int COUNTERS = 0x5;

    public static final int BIAS = 0;
    public static final int MULTIPLIER = 1;
    public static final int SHIFT = 2;

    /** Register 0, write: start the descriptor list at the descriptor index in bits 15..0 (clears done). */
    public static final int REG_START = 0;
    /** Register 1, read: bit 0 busy, bit 1 done, bits 31..16 the descriptor the sequencer is at. Write: clears done. */
    public static final int REG_STATUS = 1;
    /** Register 2, write: clears every counter. */
    public static final int REG_CLEAR_COUNTERS = 2;
    /** Register 3, read: the host interface version ({@link AcceleratorConfig#HOST_INTERFACE_VERSION}). */
    public static final int REG_VERSION = 3;
    /** Register 4, read: rows | cols << 16. */
    public static final int REG_SHAPE = 4;

    public static final int STATUS_BUSY = 1;
    public static final int STATUS_DONE = 2;

    /**
     * The counters, by index: cycles since cleared; cycles busy; and of the busy cycles those fetching
     * descriptors, loading weights into the array, streaming vectors, and draining a fold (the array's
     * latency and the foot's last columns: stalls); reads and writes of each memory; vectors streamed
     * and folds run.
     */
    public static final List<String> COUNTERS_NAMES = List.of("cycles", "busy", "fetch", "load", "stream", "drain",
            "activation.read", "activation.write", "weight.read", "accumulator.read", "accumulator.write",
            "parameter.read", "descriptor.read", "host.write", "host.read", "vectors", "folds");

    /** The address of {@code index} in {@code region}. */
    public static int address(int region, int index) {
        return region << REGION_SHIFT | index;
    }

    /** Bits of a weight-memory address's column field: enough for every column. */
    public static int columnBits(int cols) {
        return Math.max(1, 32 - Integer.numberOfLeadingZeros(cols - 1));
    }
}
