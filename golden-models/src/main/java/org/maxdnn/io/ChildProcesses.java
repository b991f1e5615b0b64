package org.maxdnn.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every program the toolkit starts (Yosys, Verilator and the compilers it runs, the simulators,
 * qflow) is started here, so it dies with the command: a shutdown hook destroys each live child
 * with all its descendants on any exit, Ctrl-C and SIGTERM included; and where the JVM itself is
 * killed (SIGKILL, no hook runs) the child's wrapper gets SIGTERM from the kernel when its parent
 * dies and takes its process group down with it.
 */
public final class ChildProcesses {
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();
    private static final boolean CAN_WRAP = Files.isExecutable(Path.of("/usr/bin/setsid"))
            && Files.isExecutable(Path.of("/usr/bin/setpriv")) && Files.isExecutable(Path.of("/bin/sh"));

    static {
        // also what libraries start on their own (Chisel's firtool): every descendant of this JVM
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            List<ProcessHandle> all = ProcessHandle.current().descendants().toList();
            LIVE.forEach(ChildProcesses::destroyTree);
            all.forEach(ProcessHandle::destroyForcibly);
        }, "maxdnn-child-processes"));
    }

    private ChildProcesses() {
    }

    /** Installs the shutdown hook now (class initialisation), for children started by libraries before any of ours. */
    public static void destroyedOnExit() {
        // the static initialiser has run
    }

    /** Starts {@code pb} as a tracked child. */
    public static Process start(ProcessBuilder pb) throws IOException {
        Process p = pb.start();
        LIVE.add(p);
        p.onExit().thenRun(() -> LIVE.remove(p));
        return p;
    }

    /**
     * {@code command} wrapped so that it dies with this JVM even when the JVM is killed: a new
     * process group (setsid) whose leading shell has the parent-death signal SIGTERM (setpriv) and
     * then terminates its whole group. For batch tools only: the shell runs the command in the
     * background, so its standard input is empty.
     */
    public static List<String> dyingWithParent(List<String> command) {
        if (!CAN_WRAP) {
            return command;
        }
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/setsid", "/usr/bin/setpriv", "--pdeathsig", "TERM",
                "/bin/sh", "-c", "trap 'kill -TERM 0; exit 143' TERM; \"$@\" & wait $!", "maxdnn-child"));
        cmd.addAll(command);
        return cmd;
    }

    /** Destroys {@code p} and every process below it (collected first: a child outliving its parent is reparented). */
    public static void destroyTree(Process p) {
        List<ProcessHandle> below = p.descendants().toList();
        below.forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        below.forEach(ProcessHandle::destroyForcibly);
    }
}
