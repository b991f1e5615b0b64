package org.maxdnn.cosim;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.maxdnn.MaxdnnException;
import org.maxdnn.io.ChildProcesses;

/**
 * A running Verilator harness process ({@link ArrayHarness}). Commands go to its stdin from a writer thread (queued, so the caller
 * can submit a whole layer of tiles ahead), results are read on the calling thread — so neither
 * pipe can fill up and deadlock.
 */
public final class VerilatorSimulator implements ArraySimulator {
    private static final byte[] STOP = new byte[0];

    private final int rows;
    private final int cols;
    private final Process process;
    private final DataInputStream results;
    private final BlockingQueue<byte[]> commands = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile IOException writeError;

    /** Starts {@code binary} with {@code args} (such as {@code --vcd FILE}, {@code +toggles=FILE}). */
    public VerilatorSimulator(Path binary, int rows, int cols, List<String> args) {
        this.rows = rows;
        this.cols = cols;
        try {
            List<String> command = new ArrayList<>(List.of(binary.toString()));
            command.addAll(args);
            // a harness outliving a killed JVM reads end of file on its command pipe and exits
            process = ChildProcesses.start(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT));
        } catch (IOException e) {
            throw new MaxdnnException(MaxdnnException.MISSING_TOOL, "cannot start the cosimulation harness " + binary
                    + ": " + e.getMessage(), e);
        }
        results = new DataInputStream(new java.io.BufferedInputStream(process.getInputStream(), 1 << 16));
        OutputStream stdin = new java.io.BufferedOutputStream(process.getOutputStream(), 1 << 16);
        writer = new Thread(() -> {
            try (stdin) {
                for (byte[] c = commands.take(); c != STOP; c = commands.take()) {
                    stdin.write(c);
                    if (commands.isEmpty()) {
                        stdin.flush();
                    }
                }
                stdin.write('Q');
            } catch (IOException e) {
                writeError = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "maxdnn-cosim-writer");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void load(byte[] weights, byte[] codes, int columns) {
        byte[] c = new byte[1 + 2 * rows * cols + cols];
        c[0] = 'L';
        System.arraycopy(weights, 0, c, 1, rows * cols);
        System.arraycopy(codes, 0, c, 1 + rows * cols, rows * cols);
        java.util.Arrays.fill(c, 1 + 2 * rows * cols, 1 + 2 * rows * cols + columns, (byte) 1);
        commands.add(c);
    }

    @Override
    public void stream(byte[] acts, int n) {
        ByteBuffer b = ByteBuffer.allocate(5 + n * rows).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'S').putInt(n).put(acts, 0, n * rows);
        commands.add(b.array());
    }

    @Override
    public int[] read(int n) {
        byte[] raw = new byte[n * cols * 4];
        try {
            results.readFully(raw);
        } catch (IOException e) {
            throw new MaxdnnException(MaxdnnException.MISMATCH, "the cosimulation harness stopped early"
                    + (writeError != null ? " (" + writeError.getMessage() + ")" : "") + exitNote(), e);
        }
        int[] out = new int[n * cols];
        ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(out);
        return out;
    }

    @Override
    public long cycles() {
        commands.add(new byte[] {'C'});
        byte[] raw = new byte[8];
        try {
            results.readFully(raw);
        } catch (IOException e) {
            throw new MaxdnnException(MaxdnnException.MISMATCH, "the cosimulation harness stopped early" + exitNote(), e);
        }
        return ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    private String exitNote() {
        try {
            if (process.waitFor(2, java.util.concurrent.TimeUnit.SECONDS)) {
                return ", exit code " + process.exitValue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "";
    }

    @Override
    public void close() {
        commands.add(STOP);
        try {
            writer.join(10_000);
            InputStream rest = process.getInputStream();
            rest.transferTo(OutputStream.nullOutputStream());
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        } catch (IOException e) {
            process.destroyForcibly();
        }
    }
}
