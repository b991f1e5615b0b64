package org.maxdnn.cosim;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.maxdnn.MaxdnnException;

/**
 * The accelerator in Icarus Verilog, the second opinion: each program runs in one {@code vvp} from
 * reset, so nothing carries between programs (the driver writes a layer's input every time).
 */
final class IcarusAccelerator implements AcceleratorSimulator {
    private final Path image;

    IcarusAccelerator(Path image) {
        this.image = image;
    }

    @Override
    public byte[] execute(HostCommands commands) {
        ByteBuffer b = ByteBuffer.allocate(commands.responseBytes()).order(ByteOrder.LITTLE_ENDIAN);
        for (String line : IcarusSimulator.vvp(image, commands.bytes())) {
            String[] run = line.trim().split(" ");
            if (run.length == 2) {
                b.putLong(Long.parseLong(run[0])).put((byte) Integer.parseInt(run[1]));
            } else if (!line.isBlank()) {
                b.putInt((int) Long.parseLong(line.trim(), 16));
            }
        }
        if (b.hasRemaining()) {
            throw new MaxdnnException(MaxdnnException.MISMATCH, "the Icarus accelerator testbench answered "
                    + b.position() + " of " + b.capacity() + " response bytes");
        }
        return b.array();
    }

    @Override
    public boolean keepsState() {
        return false;
    }

    @Override
    public void close() {
        // each program ran in its own process
    }
}
