package org.maxdnn.io;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Child tools die with the command: on SIGTERM of the JVM (shutdown hook destroys the tree) and
 * on SIGKILL (the wrapper's parent-death signal). A real JVM is started and killed each way.
 */
class ChildProcessesTest {
    /** A JVM that starts a wrapped {@code sh} with a {@code sleep} below it, prints the wrapper's pid and waits. */
    public static void main(String[] args) throws Exception {
        Process p = ChildProcesses.start(new ProcessBuilder(ChildProcesses.dyingWithParent(
                List.of("/bin/sh", "-c", "sleep 300; echo done"))));
        System.out.println(p.pid());
        System.out.flush();
        Thread.sleep(300_000);
    }

    @Test
    void sigtermOfTheJvmEndsTheToolAndItsChildren() throws Exception {
        assertChildrenDieWhenJvm(Process::destroy);
    }

    @Test
    void sigkillOfTheJvmEndsTheToolAndItsChildren() throws Exception {
        assertChildrenDieWhenJvm(Process::destroyForcibly);
    }

    @Test
    void destroyTreeEndsGrandchildren() throws Exception {
        Process p = ChildProcesses.start(new ProcessBuilder("/bin/sh", "-c", "sleep 300 & sleep 300; wait"));
        List<ProcessHandle> below = awaitDescendants(p.toHandle(), 2);
        ChildProcesses.destroyTree(p);
        assertAllEnd(below);
        assertTrue(p.waitFor(5, TimeUnit.SECONDS));
    }

    private interface Kill {
        void apply(Process jvm);
    }

    private void assertChildrenDieWhenJvm(Kill kill) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process jvm = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                ChildProcessesTest.class.getName()).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertTrue(line != null && line.matches("\\d+"), "the child JVM printed " + line);
            ProcessHandle wrapper = ProcessHandle.of(Long.parseLong(line)).orElseThrow();
            List<ProcessHandle> tools = awaitDescendants(wrapper, 2); // sh and its sleep
            kill.apply(jvm);
            assertTrue(jvm.waitFor(10, TimeUnit.SECONDS));
            assertAllEnd(List.of(wrapper));
            assertAllEnd(tools);
        } finally {
            jvm.destroyForcibly();
        }
    }

    private static List<ProcessHandle> awaitDescendants(ProcessHandle p, int n) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            List<ProcessHandle> d = p.descendants().toList();
            if (d.size() >= n) {
                return d;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("process " + p.pid() + " did not start " + n + " children");
    }

    private static void assertAllEnd(List<ProcessHandle> ps) throws InterruptedException {
        for (int i = 0; i < 100 && ps.stream().anyMatch(ProcessHandle::isAlive); i++) {
            Thread.sleep(50);
        }
        for (ProcessHandle h : ps) {
            assertFalse(h.isAlive(), "process " + h.pid() + " (" + h.info().commandLine().orElse("?") + ") outlived its parent");
        }
    }
}
