package org.maxdnn.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.launcher.JavaModuleOptions;
import org.maxdnn.MaxdnnException;

/**
 * A standalone Spark cluster on 127.0.0.1 made of separate JVMs: one {@code Master} and any number
 * of {@code Worker}s (the classes of spark-core), each worker starting its executors as JVMs of their
 * own. For tests and {@code bench}; the classpath given serves the daemons and, through
 * {@link #executorClassPath()}, the executors. Closing it kills every process it started.
 */
public final class LocalCluster implements AutoCloseable {
    /** Generous: a JVM starting Spark on a loaded 2-core machine can take minutes. */
    private static final long START_TIMEOUT_MS = 300_000;

    private final Path dir;
    private final String classPath;
    private final int port;
    private final List<Process> processes = new ArrayList<>();
    private int workers;

    /** Starts the master (its log in {@code dir}) and waits until it accepts connections. */
    public LocalCluster(Path dir, String classPath) {
        this.dir = dir;
        this.classPath = classPath;
        this.port = freePort();
        try {
            Files.createDirectories(dir.resolve("spark-home/jars"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        start("master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
                Integer.toString(port), "--webui-port", "0");
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        while (!accepts(port)) {
            if (System.currentTimeMillis() > deadline || !processes.get(0).isAlive()) {
                boolean alive = processes.get(0).isAlive();
                close();
                throw new MaxdnnException(MaxdnnException.MISSING_TOOL, "the Spark master " + (alive
                        ? "did not listen within " + START_TIMEOUT_MS / 1000 + " s" : "exited") + "; the end of "
                        + dir.resolve("master.log") + ":\n" + tail(dir.resolve("master.log")));
            }
            sleep(200);
        }
    }

    /** The master's URL. */
    public String url() {
        return "spark://127.0.0.1:" + port;
    }

    /** What executors of this cluster need on their classpath (spark.executor.extraClassPath). */
    public String executorClassPath() {
        return classPath;
    }

    /** Starts a worker offering {@code cores} cores and 2 GiB to executors; it registers by itself. */
    public Process addWorker(int cores) {
        int n = workers++;
        Path work = dir.resolve("worker-" + n);
        return start("worker-" + n, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--port", "0",
                "--webui-port", "0", "--cores", Integer.toString(cores), "--memory", "2g", "--work-dir",
                work.toString(), url());
    }

    /** Kills a worker and its executors at once, as a machine that dies would. */
    public static void kill(Process worker) {
        worker.descendants().forEach(ProcessHandle::destroyForcibly);
        worker.destroyForcibly();
    }

    @Override
    public void close() {
        for (Process p : processes) {
            kill(p);
        }
        for (Process p : processes) {
            try {
                p.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private Process start(String name, String mainClass, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", classPath));
        cmd.addAll(List.of(JavaModuleOptions.defaultModuleOptionArray()));
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile());
        Map<String, String> env = pb.environment();
        // the workers build executor command lines from SPARK_HOME (an empty jars folder: the classpath comes
        // from spark.executor.extraClassPath) and bind everything to the loopback
        env.put("SPARK_HOME", dir.resolve("spark-home").toString());
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.put("SPARK_LOG_DIR", dir.toString());
        try {
            Process p = pb.start();
            processes.add(p);
            return p;
        } catch (IOException e) {
            throw new MaxdnnException(MaxdnnException.MISSING_TOOL, "cannot start a Spark " + name + ": " + e.getMessage());
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the Spark master started", e);
        }
    }
}
