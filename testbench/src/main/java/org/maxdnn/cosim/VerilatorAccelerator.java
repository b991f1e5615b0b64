package org.maxdnn.cosim;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.maxdnn.MaxdnnException;
import org.maxdnn.io.ChildProcesses;

/**
 * A running Verilator accelerator harness: the accelerator keeps its memories between programs. A
 * program is sent whole, then its responses read: the harness answers only reads and runs, after
 * the writes before them are consumed, so neither pipe fills while the other waits.
 */
final class VerilatorAccelerator implements AcceleratorSimulator {
    private final Process process;
    private final OutputStream commands;
    private final DataInputStream responses;

    VerilatorAccelerator(Path binary, List<String> args) {
        try {
            List<String> command = new ArrayList<>(List.of(binary.toString()));
            command.addAll(args);
            process = ChildProcesses.start(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT));
        } catch (IOException e) {
            throw new MaxdnnException(MaxdnnException.MISSING_TOOL, "cannot start the accelerator harness " + binary + ": "
                    + e.getMessage(), e);
        }
        commands = new BufferedOutputStream(process.getOutputStream(), 1 << 16);
        responses = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16));
    }

    @Override
    public byte[] execute(HostCommands program) {
        byte[] out = new byte[program.responseBytes()];
        try {
            // a writer thread, so a long program's responses never block its own writes
            Thread writer = new Thread(() -> {
                try {
                    commands.write(program.bytes());
                    commands.flush();
                } catch (IOException ignored) {
                    // the read below reports the harness's end
                }
            }, "maxdnn-accelerator-writer");
            writer.start();
            responses.readFully(out);
            writer.join();
        } catch (IOException e) {
            throw new MaxdnnException(MaxdnnException.MISMATCH, "the accelerator harness stopped early" + exitNote(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MaxdnnException(MaxdnnException.MISMATCH, "interrupted while the accelerator ran", e);
        }
        return out;
    }

    @Override
    public boolean keepsState() {
        return true;
    }

    private String exitNote() {
        try {
            if (process.waitFor(2, TimeUnit.SECONDS)) {
                return ", exit code " + process.exitValue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "";
    }

    @Override
    public void close() {
        try {
            commands.write('Q');
            commands.close();
            responses.transferTo(OutputStream.nullOutputStream());
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
