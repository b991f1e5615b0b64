package org.maxdnn.cosim;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A host program for the accelerator harnesses, in their binary protocol ({@link AcceleratorHarness}):
 * writes, reads, runs. Knows how many response bytes it asks for, so a simulator returns exactly those.
 */
final class HostCommands {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int responseBytes;

    /** Writes {@code data} at {@code address}, {@code address + 1}, ... */
    HostCommands write(int address, int... data) {
        ByteBuffer b = ByteBuffer.allocate(9 + 4 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'W').putInt(address).putInt(data.length);
        for (int d : data) {
            b.putInt(d);
        }
        out.writeBytes(b.array());
        return this;
    }

    /** Reads {@code n} words from {@code address} on: 4·n response bytes. */
    HostCommands read(int address, int n) {
        out.writeBytes(ByteBuffer.allocate(9).order(ByteOrder.LITTLE_ENDIAN).put((byte) 'R').putInt(address).putInt(n)
                .array());
        responseBytes += 4 * n;
        return this;
    }

    /** Runs until done or {@code limit} cycles: 9 response bytes (int64 cycles, 1 if done). */
    HostCommands run(long limit) {
        out.writeBytes(ByteBuffer.allocate(9).order(ByteOrder.LITTLE_ENDIAN).put((byte) 'G').putLong(limit).array());
        responseBytes += 9;
        return this;
    }

    HostCommands append(HostCommands other) {
        out.writeBytes(other.bytes());
        responseBytes += other.responseBytes;
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    int responseBytes() {
        return responseBytes;
    }
}
