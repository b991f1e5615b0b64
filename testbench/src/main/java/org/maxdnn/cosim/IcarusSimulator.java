package org.maxdnn.cosim;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import org.maxdnn.MaxdnnException;
import org.maxdnn.io.ExternalTool;

/**
 * The array in Icarus Verilog, the second opinion: commands are collected, and the first read runs
 * {@code vvp} once over everything collected (a whole layer of tiles, as the driver queues them),
 * then serves the partial sums in order. Each run starts from reset, which the protocol allows:
 * every tile loads all its weights and codes; its cycle count is added to the ones before.
 */
public final class IcarusSimulator implements ArraySimulator {
    private final Path image;
    private final int cols;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final ArrayDeque<Integer> results = new ArrayDeque<>();
    /** Cycles of the runs so far: each run reports its own count at the end. */
    private long cycles;

    public IcarusSimulator(Path image, int rows, int cols) {
        this.image = image;
        this.cols = cols;
    }

    @Override
    public void load(byte[] weights, byte[] codes, int columns) {
        pending.write('L');
        pending.writeBytes(weights);
        pending.writeBytes(codes);
        for (int c = 0; c < this.cols; c++) {
            pending.write(c < columns ? 1 : 0);
        }
    }

    @Override
    public void stream(byte[] acts, int n) {
        pending.write('S');
        pending.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(n).array());
        pending.write(acts, 0, acts.length);
    }

    @Override
    public int[] read(int n) {
        if (results.isEmpty()) {
            run();
        }
        if (results.size() < n * cols) {
            throw new MaxdnnException(MaxdnnException.MISMATCH, "the Icarus testbench returned " + results.size()
                    + " partial sums, expected at least " + n * cols);
        }
        int[] out = new int[n * cols];
        for (int i = 0; i < out.length; i++) {
            out[i] = results.poll();
        }
        return out;
    }

    @Override
    public long cycles() {
        if (pending.size() > 0) {
            run();
        }
        return cycles;
    }

    private void run() {
        pending.write('C');
        pending.write('Q');
        byte[] commands = pending.toByteArray();
        pending.reset();
        for (String line : vvp(image, commands)) {
            if (line.startsWith("C ")) {
                cycles += Long.parseLong(line.substring(2).trim());
                continue;
            }
            for (String v : line.trim().split(" +")) {
                if (!v.isEmpty()) {
                    results.add((int) Long.parseLong(v));
                }
            }
        }
    }

    /** Runs testbench {@code image} on {@code commands} (its +in= file) and returns the lines it wrote (+out=). */
    static java.util.List<String> vvp(Path image, byte[] commands) {
        Path dir = image.getParent();
        try {
            Path in = Files.createTempFile(dir, "commands-", ".bin");
            Path out = Files.createTempFile(dir, "results-", ".txt");
            // removed below, or on an interrupted run (Ctrl-C, SIGTERM) when the JVM exits
            in.toFile().deleteOnExit();
            out.toFile().deleteOnExit();
            try {
                Files.write(in, commands);
                ExternalTool.VVP.run(dir, 24 * 3600, "-n", image.getFileName().toString(), "+in=" + in, "+out=" + out);
                return Files.readAllLines(out);
            } finally {
                Files.deleteIfExists(in);
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new MaxdnnException(MaxdnnException.BAD_INPUT, "Icarus cosimulation in " + dir + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        pending.reset();
        results.clear();
    }
}
