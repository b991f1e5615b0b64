package org.maxdnn.cosim;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.maxdnn.MaxdnnException;
import org.maxdnn.io.ExternalTool;

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
        Path dir = image.getParent();
        try {
            Path in = Files.createTempFile(dir, "host-", ".bin");
            Path out = Files.createTempFile(dir, "responses-", ".txt");
            // removed below, or on an interrupted run (Ctrl-C, SIGTERM) when the JVM exits
            in.toFile().deleteOnExit();
            out.toFile().deleteOnExit();
            try {
                Files.write(in, commands.bytes());
                ExternalTool.VVP.run(dir, 24 * 3600, "-n", image.getFileName().toString(), "+in=" + in, "+out=" + out);
                ByteBuffer b = ByteBuffer.allocate(commands.responseBytes()).order(ByteOrder.LITTLE_ENDIAN);
                for (String line : Files.readAllLines(out)) {
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
            } finally {
                Files.deleteIfExists(in);
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new MaxdnnException(MaxdnnException.BAD_INPUT, "Icarus cosimulation in " + dir + " failed: " + e.getMessage(), e);
        }
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
