package org.maxdnn.io;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.maxdnn.MaxdnnException;

/**
 * An external program the flows call (verilator, iverilog, vvp, yosys, sta). Finding it fails with
 * exit code 4 naming the Debian package; running it captures output and fails with the tail of
 * that output when the program does.
 *
 * @param command the executable name looked up on PATH
 * @param aptPackage the Debian package that provides it
 */
public record ExternalTool(String command, String aptPackage) {
    public static final ExternalTool VERILATOR = new ExternalTool("verilator", "verilator");
    public static final ExternalTool IVERILOG = new ExternalTool("iverilog", "iverilog");
    public static final ExternalTool VVP = new ExternalTool("vvp", "iverilog");
    public static final ExternalTool YOSYS = new ExternalTool("yosys", "yosys");
    public static final ExternalTool STA = new ExternalTool("sta", "opensta");
    /** The qflow place-and-route flow and the tools it drives (netgen the LVS tool is Debian's netgen-lvs). */
    public static final ExternalTool QFLOW = new ExternalTool("qflow", "qflow");
    public static final ExternalTool GRAYWOLF = new ExternalTool("graywolf", "graywolf");
    public static final ExternalTool QROUTER = new ExternalTool("qrouter", "qrouter");
    public static final ExternalTool MAGIC = new ExternalTool("magic", "magic");
    public static final ExternalTool NETGEN_LVS = new ExternalTool("netgen-lvs", "netgen-lvs");
    /** Debian's browser and its WebDriver, for the reports' browser tests. */
    public static final ExternalTool CHROMIUM = new ExternalTool("chromium", "chromium");
    public static final ExternalTool CHROMEDRIVER = new ExternalTool("chromedriver", "chromium-driver");
    private static final List<ExternalTool> KNOWN = List.of(VERILATOR, IVERILOG, VVP, YOSYS, STA, QFLOW, GRAYWOLF,
            QROUTER, MAGIC, NETGEN_LVS, CHROMIUM, CHROMEDRIVER);

    /** The tool with this executable name; an unknown name is a programming error. */
    public static ExternalTool known(String command) {
        return KNOWN.stream().filter(t -> t.command.equals(command)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown external tool '" + command + "'"));
    }

    /** The program's path, or a MaxdnnException with exit code 4 and the install command. */
    public Path locate() {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                Path p = Path.of(dir, command);
                if (Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        throw new MaxdnnException(MaxdnnException.MISSING_TOOL, command + " not found on PATH: install it with "
                + "'apt-get install " + aptPackage + "' (or run 'make setup')");
    }

    public boolean isAvailable() {
        try {
            locate();
            return true;
        } catch (MaxdnnException e) {
            return false;
        }
    }

    /** What a finished run printed (stdout and stderr merged). */
    public record Result(int exitCode, String output) {
    }

    /**
     * Runs the tool with {@code args} in {@code workDir} and returns its output. A non-zero exit or
     * a run longer than {@code timeoutSeconds} is an error that quotes the last lines printed.
     */
    public Result run(Path workDir, long timeoutSeconds, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(locate().toString());
        cmd.addAll(List.of(args));
        Path log = null;
        Process proc = null;
        try {
            // the log lives in the work folder (an output or cache folder), never in /tmp
            log = Files.createTempFile(workDir, ".maxdnn-" + command, ".log");
            log.toFile().deleteOnExit();
            proc = ChildProcesses.start(new ProcessBuilder(ChildProcesses.dyingWithParent(cmd))
                    .directory(workDir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()));
            if (!proc.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                throw new MaxdnnException(MaxdnnException.BAD_INPUT, command + " did not finish within "
                        + timeoutSeconds + " s in " + workDir);
            }
            String output = new String(Files.readAllBytes(log), java.nio.charset.StandardCharsets.UTF_8);
            if (proc.exitValue() != 0) {
                throw new MaxdnnException(MaxdnnException.BAD_INPUT, command + " failed (exit " + proc.exitValue()
                        + ") in " + workDir + ":\n" + tail(output, 30));
            }
            return new Result(proc.exitValue(), output);
        } catch (IOException e) {
            throw new MaxdnnException(MaxdnnException.BAD_INPUT, "cannot run " + command + " in " + workDir + ": "
                    + InputFiles.reason(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MaxdnnException(MaxdnnException.BAD_INPUT, command + " was interrupted", e);
        } finally {
            if (proc != null && proc.isAlive()) {
                ChildProcesses.destroyTree(proc);
            }
            if (log != null) {
                try {
                    Files.deleteIfExists(log);
                } catch (IOException ignored) {
                    // a stray temp log is harmless
                }
            }
        }
    }

    /** The last {@code lines} lines of {@code text}. */
    public static String tail(String text, int lines) {
        String[] all = text.split("\n");
        int from = Math.max(0, all.length - lines);
        return String.join("\n", java.util.Arrays.copyOfRange(all, from, all.length));
    }
}
