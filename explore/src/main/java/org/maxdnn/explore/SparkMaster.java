package org.maxdnn.explore;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.maxdnn.MaxdnnException;

/**
 * Where a Spark evaluator runs ({@code --spark MASTER}), checked here so that every string Spark
 * would refuse with a stack trace is a usage error naming the option: {@code local} (one thread),
 * {@code local[N]} (N threads, 1 to {@value #MAX_LOCAL_THREADS}), {@code local[*]} (a thread per
 * core), or {@code spark://HOST:PORT}, a standalone master (port 1 to 65535). Spark's other forms
 * (failure counts, several masters, YARN, Kubernetes) are not taken.
 *
 * @param url the master URL as Spark takes it
 * @param host the standalone master's host, null for a local master
 * @param port the standalone master's port, 0 for a local master
 */
public record SparkMaster(String url, String host, int port) {
    /** More local threads than this is a typing error, not a machine (Spark would start them all). */
    public static final int MAX_LOCAL_THREADS = 1024;
    private static final Pattern LOCAL = Pattern.compile("local(?:\\[([^\\]]*)])?");
    private static final Pattern STANDALONE = Pattern.compile("spark://(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9.-]+):(\\d{1,5})");

    /** The master {@code text} names, or a usage error (exit 1) saying what {@code option} takes. */
    public static SparkMaster parse(String text, String option) {
        Matcher local = LOCAL.matcher(text);
        if (local.matches()) {
            String threads = local.group(1);
            if (threads != null && !threads.equals("*") && !inRange(threads, 1, MAX_LOCAL_THREADS)) {
                throw usage(option, text, "local[N] takes N from 1 to " + MAX_LOCAL_THREADS + " threads, or local[*]");
            }
            return new SparkMaster(text, null, 0);
        }
        Matcher standalone = STANDALONE.matcher(text);
        if (standalone.matches()) {
            if (!inRange(standalone.group(2), 1, 65535)) {
                throw usage(option, text, "the port is a number from 1 to 65535");
            }
            return new SparkMaster(text, standalone.group(1), Integer.parseInt(standalone.group(2)));
        }
        if (text.startsWith("spark://")) {
            throw usage(option, text, "give one standalone master as spark://HOST:PORT");
        }
        throw usage(option, text, "it takes local, local[N], local[*] or spark://HOST:PORT");
    }

    /** Whether Spark runs in this JVM. */
    public boolean isLocal() {
        return host == null;
    }

    /** Whether a driver on this machine reaches the master through the loopback interface. */
    public boolean onLoopback() {
        return isLocal() || host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
    }

    private static boolean inRange(String digits, int min, int max) {
        if (!digits.matches("\\d{1,10}")) {
            return false;
        }
        long n = Long.parseLong(digits);
        return n >= min && n <= max;
    }

    private static MaxdnnException usage(String option, String text, String why) {
        return new MaxdnnException(MaxdnnException.USAGE, option + " '" + text + "': " + why);
    }
}
